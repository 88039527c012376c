// Paths tlforge cannot use are named, with what to do instead, and exit with code 2: a directory
// given as a schema file, a missing file, an output folder that is a file or cannot be created.
// Never a stack trace.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TlFileError } from '../../packages/codegen/src/model/file-error.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { runCli } from './run-cli.ts';

const scratch = scratchDir('tlforge-file-errors-');
afterAll(() => removeScratch(scratch));

const ping = join(scratch, 'ping.tl');
writeFileSync(ping, '// LAYER 7\nping#7abe77ec ping_id:long = Pong;\n');

describe('tlforge file errors', () => {
  it('names a directory given as a schema file and says to pass the .tl files in it', async () => {
    const expected = { code: 2, out: [], err: ['schema/latest is a directory: pass the .tl files in it'] };
    expect(await runCli(['check', 'schema/latest'])).toEqual(expected);
    expect(await runCli(['check', 'schema/layer122/api.tl', 'schema/latest'])).toEqual(expected);
    const outDir = join(scratch, 'from-directory');
    expect(await runCli(['generate', 'schema/latest', '--out', outDir])).toEqual(expected);
    expect(existsSync(outDir)).toBe(false);
  });

  it('names a missing schema file', async () => {
    expect(await runCli(['check', 'no/such/file.tl'])).toEqual({
      code: 2,
      out: [],
      err: ['no/such/file.tl does not exist'],
    });
    // A path through a file (ENOTDIR) does not exist either.
    expect(await runCli(['check', `${ping}/api.tl`])).toEqual({
      code: 2,
      out: [],
      err: [`${ping}/api.tl does not exist`],
    });
    const outDir = join(scratch, 'from-missing');
    expect(await runCli(['generate', 'no/such/file.tl', '--out', outDir])).toEqual({
      code: 2,
      out: [],
      err: ['no/such/file.tl does not exist'],
    });
    expect(existsSync(outDir)).toBe(false);
  });

  it('names an --out that is a file', async () => {
    expect(await runCli(['generate', ping, '--out', ping])).toEqual({
      code: 2,
      out: [],
      err: [`${ping} is a file: the output must be a folder`],
    });
  });

  it('names an --out that cannot be created, with the system reason', async () => {
    const outDir = join(ping, 'generated');
    expect(await runCli(['generate', ping, '--out', outDir])).toEqual({
      code: 2,
      out: [],
      err: [`cannot write into ${outDir}: ENOTDIR: not a directory, mkdir '${outDir}'`],
    });
  });

  it.runIf(process.platform === 'linux')(
    'names an --out in a folder that refuses new entries (/proc), rather than retrying forever',
    async () => {
      const outDir = '/proc/tlforge-out/tl';
      expect(await runCli(['generate', ping, '--out', outDir])).toEqual({
        code: 2,
        out: [],
        err: [`cannot write into ${outDir}: ENOENT: no such file or directory, mkdir '/proc/tlforge-out'`],
      });
    },
  );

  it('generates into an --out folder that already exists', async () => {
    const outDir = join(scratch, 'existing');
    mkdirSync(outDir);
    const result = await runCli(['generate', ping, '--out', outDir]);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('names a file it may not read, with the system reason', () => {
    // As root every file is readable, so the failure of readFileSync is built here.
    const failure = Object.assign(new Error("EACCES: permission denied, open 'secret.tl'"), {
      code: 'EACCES',
    });
    const error = TlFileError.fromReadFailure('secret.tl', failure);
    expect([error.kind, error.path, error.message]).toEqual([
      'unreadable-file',
      'secret.tl',
      "cannot read secret.tl: EACCES: permission denied, open 'secret.tl'",
    ]);
    expect(error.cause).toBe(failure);
  });
});
