// How the consumer test runs commands: to completion, each one's output kept in a numbered log file,
// in an environment that hides the repository from the consumer project, and failing with the tail of
// the output in the message.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';

/** A step's failure, with a message that says what and where; the run reports it without a stack. */
export class StepFailure extends Error {}

export function fail(message: string): never {
  throw new StepFailure(message);
}

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
  milliseconds: number;
}

export interface CommandOptions {
  cwd: string;
  /** Run in the consumer's environment (see `consumerEnvironment`); default true. */
  consumer?: boolean;
  timeoutSeconds?: number;
  /** Whether a non-zero exit fails the step; default true. */
  check?: boolean;
}

/**
 * The environment of commands in the consumer folders: nothing of an `npm run` in the repository
 * (npm_* variables, the repository's node_modules/.bin on PATH, NODE_OPTIONS), and its own npm cache.
 */
export function consumerEnvironment(repoRoot: string, npmCache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => entry !== '' && !entry.startsWith(repoRoot))
    .join(delimiter);
  env.npm_config_cache = npmCache;
  env.npm_config_prefer_offline = 'true';
  env.npm_config_audit = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_update_notifier = 'false';
  return env;
}

export class CommandRunner {
  private readonly logDir: string;
  private readonly consumerEnv: NodeJS.ProcessEnv;
  private count = 0;

  constructor(logDir: string, consumerEnv: NodeJS.ProcessEnv) {
    this.logDir = logDir;
    this.consumerEnv = consumerEnv;
  }

  /** Runs a command to completion; its output goes to logs/NN-command.log. */
  run(command: string, args: string[], options: CommandOptions): CommandResult {
    const started = performance.now();
    const result = spawnSync(command, args, {
      cwd: options.cwd,
      env: options.consumer === false ? process.env : this.consumerEnv,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: (options.timeoutSeconds ?? 300) * 1000,
    });
    const milliseconds = performance.now() - started;
    const stdout = result.stdout ?? '';
    const stderr = result.stderr ?? '';
    const shown = [command, ...args].join(' ');
    const slug = [command, ...args]
      .map((part) => part.split('/').pop() ?? part)
      .join('_')
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 80);
    const log = join(this.logDir, `${String(++this.count).padStart(2, '0')}-${slug}.log`);
    const exit = result.status ?? result.signal;
    writeFileSync(
      log,
      `$ ${shown}\n(in ${options.cwd}, exit ${exit})\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
    );
    if (result.error !== undefined) fail(`${shown}: ${result.error.message} (log: ${log})`);
    if (options.check !== false && result.status !== 0) {
      fail(`${shown} exited with ${exit}\n${tail(`${stdout}\n${stderr}`, 40)}`);
    }
    return { status: result.status, stdout, stderr, milliseconds };
  }
}

/** The last `lines` lines of `text`, indented and marked as output. */
export function tail(text: string, lines: number): string {
  const all = text.trim().split('\n');
  const shown = all.slice(-lines);
  return (all.length > lines ? [`… (${all.length - lines} lines before)`, ...shown] : shown)
    .map((line) => `    | ${line}`)
    .join('\n');
}

/** Every file under `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}
