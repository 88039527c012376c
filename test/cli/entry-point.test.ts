// The CLI runs when node starts it, directly or through a symlink (npm's node_modules/.bin/tlforge,
// `npm link`, pnpm), and only then: importing the module for `main` runs nothing. The exit code of
// `main` becomes the exit code of the process.

import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isEntryModule } from '../../packages/codegen/src/cli/is-entry-module.ts';
import { TLFORGE_VERSION } from '../../packages/codegen/src/version.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { cliSource, lines, repositoryRoot, spawnCli } from './run-cli.ts';

const scratch = scratchDir('tlforge-entry-');
afterAll(() => removeScratch(scratch));

// As npm installs a bin: an extension-less symlink in a .bin folder, pointing at the module.
const binFolder = join(scratch, 'node_modules', '.bin');
mkdirSync(binFolder, { recursive: true });
const binLink = join(binFolder, 'tlforge');
symlinkSync(cliSource, binLink);

describe('tlforge entry point', () => {
  it('runs through a symlink, as node_modules/.bin/tlforge does', () => {
    const child = spawnCli(binLink, ['--version']);
    expect([child.status, lines(child.stdout), lines(child.stderr)]).toEqual([0, [TLFORGE_VERSION], []]);
  });

  it('passes the exit code and the two streams of a command to the process', () => {
    const child = spawnCli(binLink, ['check', 'test/fixtures/bad-schema.tl']);
    expect(child.status).toBe(1);
    expect(lines(child.stdout)).toEqual([
      'layer: unknown (no // LAYER comment)',
      'constructors: 3, functions: 0, types: 1',
      '3 errors, 1 warning',
    ]);
    expect(lines(child.stderr)).toHaveLength(4);
  });

  it('reports a directory without a stack trace, exit 2', () => {
    const child = spawnCli(cliSource, ['check', 'schema/latest']);
    expect([child.status, lines(child.stdout), lines(child.stderr)]).toEqual([
      2,
      [],
      ['schema/latest is a directory: pass the .tl files in it'],
    ]);
  });

  it('knows its module through a symlink, and no other script', () => {
    const moduleUrl = pathToFileURL(cliSource).href;
    expect(isEntryModule(moduleUrl, binLink)).toBe(true);
    expect(isEntryModule(moduleUrl, cliSource)).toBe(true);
    const other = join(scratch, 'other.js');
    writeFileSync(other, '');
    expect(isEntryModule(moduleUrl, other)).toBe(false);
    expect(isEntryModule(moduleUrl, join(scratch, 'missing.js'))).toBe(false);
    expect(isEntryModule(moduleUrl, undefined)).toBe(false);
  });

  it('runs nothing when imported by another module', () => {
    const child = spawnSync(
      process.execPath,
      [
        '--conditions=@tlforge/source',
        '--import',
        'tsx',
        '--input-type=module',
        '--eval',
        `const { main } = await import(${JSON.stringify(pathToFileURL(cliSource).href)});
         console.log(typeof main);`,
        '--',
        '--version',
      ],
      { cwd: repositoryRoot, encoding: 'utf8' },
    );
    expect([child.status, lines(child.stdout), lines(child.stderr)]).toEqual([0, ['function'], []]);
  });
});
