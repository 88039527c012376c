// The arguments of one command, checked against its option table: positional arguments are the
// schema files, `--name value` and `--name=value` set options, an option that takes `many` values
// takes the arguments after it up to the next option, `--` ends the options. Every problem is a
// `CliUsageError` naming the argument; nothing unknown is ignored.

import type { CliOption } from './cli-command.ts';
import { CliUsageError } from './usage-error.ts';

export class CommandLine {
  private constructor(
    /** Positional arguments, in order: the schema files (or what the command's `positionals` says). */
    readonly files: readonly string[],
    private readonly values: ReadonlyMap<string, string>,
    private readonly switches: ReadonlySet<string>,
    private readonly lists: ReadonlyMap<string, readonly string[]>,
  ) {}

  /**
   * Parses `args` (what follows the command name) for `command`. Requires at least one file and
   * every required option.
   */
  static parse(
    command: string,
    options: readonly CliOption[],
    args: readonly string[],
    positionals: { readonly name: string; readonly min: number } = { name: '.tl file', min: 1 },
  ): CommandLine {
    const files: string[] = [];
    const values = new Map<string, string>();
    const switches = new Set<string>();
    const lists = new Map<string, string[]>();
    // The `many` option that takes the positional arguments, until the next option.
    let collecting: { option: CliOption; values: string[] } | undefined;
    const closeList = () => {
      if (collecting !== undefined && collecting.values.length === 0) {
        throw missingValue(collecting.option, command);
      }
      collecting = undefined;
    };
    let optionsEnded = false;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
        (collecting?.values ?? files).push(arg);
        continue;
      }
      if (arg === '--') {
        optionsEnded = true;
        continue;
      }
      const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
      const flag = equals < 0 ? arg : arg.slice(0, equals);
      const inline = equals < 0 ? undefined : arg.slice(equals + 1);
      const option = options.find((o) => `--${o.name}` === flag);
      if (!option) {
        const known = [...options.map((o) => `--${o.name}`), '--help'].join(', ');
        throw new CliUsageError(
          'unknown-option',
          `unknown option "${flag}" for ${command}; options: ${known}`,
          command,
        );
      }
      closeList();
      if (option.many) {
        const earlier = lists.get(option.name);
        if (earlier !== undefined) {
          throw new CliUsageError('repeated-option', `${flag} is given twice`, command);
        }
        if (inline === '') throw missingValue(option, command);
        const values = inline === undefined ? [] : [inline];
        lists.set(option.name, values);
        collecting = { option, values };
        continue;
      }
      if (!takesValue(option)) {
        if (inline !== undefined)
          throw new CliUsageError('unexpected-value', `${flag} takes no value, got "${arg}"`, command);
        switches.add(option.name);
        continue;
      }
      // `--out --strict` forgot the value: the next option is not a folder name.
      const next = inline === undefined ? args[i + 1] : undefined;
      const value =
        inline ?? (next === undefined || (next.startsWith('-') && next !== '-') ? undefined : next);
      if (value === undefined || value === '') throw missingValue(option, command);
      if (inline === undefined) i++;
      if (option.choices && !option.choices.includes(value)) {
        throw new CliUsageError(
          'invalid-value',
          `${flag} must be ${listChoices(option.choices)}, got "${value}"`,
          command,
        );
      }
      if (option.repeatable) {
        lists.set(option.name, [...(lists.get(option.name) ?? []), value]);
        continue;
      }
      const earlier = values.get(option.name);
      if (earlier !== undefined) {
        throw new CliUsageError(
          'repeated-option',
          `${flag} is given twice: "${earlier}" and "${value}"`,
          command,
        );
      }
      values.set(option.name, value);
    }
    closeList();
    if (files.length < positionals.min)
      throw new CliUsageError(
        'missing-file-argument',
        `${command} needs at least ${positionals.min === 1 ? 'one' : positionals.min} ${positionals.name}`,
        command,
      );
    for (const option of options) {
      if (option.required && !values.has(option.name) && !lists.has(option.name))
        throw new CliUsageError(
          'missing-option',
          `${command} needs --${option.name} ${valueHint(option)}`,
          command,
        );
    }
    return new CommandLine(files, values, switches, lists);
  }

  /** The value of a value option, or undefined when it was not given. */
  value(name: string): string | undefined {
    return this.values.get(name);
  }

  /** The value of a closed-choice option, typed as one of `choices`; the parser already checked it. */
  choice<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const value = this.values.get(name);
    return choices.find((choice) => choice === value);
  }

  /** The values of a `many` option, in order; empty when it was not given. */
  list(name: string): readonly string[] {
    return this.lists.get(name) ?? [];
  }

  /** True when the switch `--name` was given. */
  has(name: string): boolean {
    return this.switches.has(name);
  }
}

/** True when `args` ask for help: `-h` or `--help` before any `--`. */
export function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help') return true;
  }
  return false;
}

/** False for a switch such as `--strict`. */
export function takesValue(option: CliOption): boolean {
  return option.value !== undefined || option.choices !== undefined;
}

/** How help and errors show an option's value: `<dir>` or `big-integer|bigint`. */
export function valueHint(option: CliOption): string {
  return option.choices ? option.choices.join('|') : (option.value ?? '');
}

function missingValue(option: CliOption, command: string): CliUsageError {
  const flag = `--${option.name}`;
  return new CliUsageError('missing-value', `${flag} needs a value: ${flag} ${valueHint(option)}`, command);
}

function listChoices(choices: readonly string[]): string {
  return choices.length === 1
    ? choices[0]
    : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}
