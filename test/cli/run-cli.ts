// Runs the tlforge CLI for tests: in-process through `main` with every line captured, or as a child
// process from source (tsx), as a user's shell would start it.

import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../packages/codegen/src/cli.ts';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliSource = fileURLToPath(new URL('../../packages/codegen/src/cli.ts', import.meta.url));

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

export async function runCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

/**
 * `node <script> …args` from the repository root, the script's TypeScript run through tsx; `input`, when
 * given, is its stdin.
 */
export function spawnCli(script: string, args: string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--conditions=@tlforge/source', '--import', 'tsx', script, ...args], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
}

/** The lines of a child's stream, without the newline that ends the last one. */
export function lines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}
