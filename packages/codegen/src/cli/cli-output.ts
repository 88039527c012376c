// Where the CLI writes: one line at a time to stdout (results, summaries, help) or stderr
// (diagnostics, failures). Commands take it as a parameter so tests run them in-process and
// compare exact lines.

import { errnoCode } from '../model/file-error.ts';

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * `tlforge --help | head -1` closes stdout early: the reader has what it wanted, which is no failure
 * of ours. Without a listener the EPIPE is an uncaught error with a stack; with it the rest of the
 * output is dropped and the exit code is still the command's.
 */
export function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: Error) => {
      if (errnoCode(error) !== 'EPIPE' && errnoCode(error) !== 'ERR_STREAM_DESTROYED') throw error;
    });
  }
}
