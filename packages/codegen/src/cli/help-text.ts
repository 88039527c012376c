// The text of `tlforge --help` and `tlforge help <command>`, built from the command table and the
// exit-code table so that help always lists what the parser accepts.

import type { CliCommand, CliOption } from './cli-command.ts';
import { valueHint } from './command-line.ts';
import { exitCodeMeanings } from './exit-code.ts';

const description = 'TL (Telegram Type Language) schema checker and TypeScript code generator';

export function generalHelp(commands: readonly CliCommand[], version: string): string[] {
  return [
    `tlforge ${version}: ${description}`,
    '',
    'usage: tlforge <command> [options]',
    '',
    'commands:',
    ...columns(commands.map((command) => [command.name, command.summary])),
    '',
    'options:',
    ...columns([
      ['-h, --help', "print this help; `tlforge help <command>` for a command's options"],
      ['-v, --version', 'print the version'],
    ]),
    '',
    ...exitCodesSection(),
  ];
}

export function commandHelp(command: CliCommand): string[] {
  return [
    `usage: tlforge ${command.name} ${command.synopsis}`,
    '',
    ...command.description,
    '',
    'options:',
    ...columns([...command.options.map(optionRow), ['-h, --help', 'print this help']]),
    '',
    ...exitCodesSection(),
  ];
}

function optionRow(option: CliOption): [string, string] {
  const hint = valueHint(option);
  return [hint === '' ? `--${option.name}` : `--${option.name} ${hint}`, option.description];
}

function exitCodesSection(): string[] {
  const lines = ['exit codes:'];
  for (const { code, meaning } of exitCodeMeanings) {
    meaning.forEach((line, index) => {
      lines.push(`  ${index === 0 ? String(code) : ' '}  ${line}`);
    });
  }
  return lines;
}

/** Two columns, the second aligned two spaces after the widest first. */
function columns(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}
