// The boundary between `tlforge generate` and the emitter: the flags reach `generateSchemaSet` one
// to one, nothing defaulted on the way (the emitter owns the defaults), and what the emitter throws
// becomes an exit code. The emitter is replaced here by a recorder; what it does with the options
// is tested with the emitter.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { TlEmitError } from '../../packages/codegen/src/emit/emit-error.ts';
import type { GenerateOptions, GenerateSummary } from '../../packages/codegen/src/emit/generate.ts';
import { runCli } from './run-cli.ts';

const calls = vi.hoisted((): GenerateOptions[] => []);
/** What the stand-in emitter throws instead of returning, when set. */
const emitterFailure = vi.hoisted((): { error?: unknown } => ({}));

vi.mock('../../packages/codegen/src/emit/generate.ts', async (importOriginal) => {
  const emitter = await importOriginal<typeof import('../../packages/codegen/src/emit/generate.ts')>();
  return {
    ...emitter,
    generateSchemaSet(options: GenerateOptions): GenerateSummary {
      calls.push(options);
      if (emitterFailure.error !== undefined) throw emitterFailure.error;
      return {
        layer: 122,
        constructors: 2,
        functions: 1,
        files: [`${options.outDir}/index.ts`],
        bytes: 42,
        milliseconds: 1.4,
        warnings: [],
      };
    },
  };
});

const files = ['schema/layer122/api.tl', 'schema/layer122/mtproto.tl'];

describe('generate flags', () => {
  it('passes --runtime, --long, --import-extension and --emit to the emitter', async () => {
    calls.length = 0;
    const result = await runCli([
      'generate',
      ...files,
      '--out=tmp/never-written',
      '--runtime',
      './runtime.js',
      '--long',
      'bigint',
      '--import-extension',
      'none',
      '--emit=js',
    ]);
    expect(result).toEqual({
      code: 0,
      out: ['layer 122: 2 constructors, 1 functions', 'wrote tmp/never-written/index.ts', '42 bytes in 1 ms'],
      err: [],
    });
    expect(calls).toEqual([
      {
        files,
        outDir: 'tmp/never-written',
        runtime: './runtime.js',
        long: 'bigint',
        importExtension: 'none',
        emit: 'js',
      },
    ]);
  });

  it('leaves every option it was not given undefined, for the emitter to default', async () => {
    calls.length = 0;
    expect((await runCli(['generate', ...files, '--out', 'tmp/never-written'])).code).toBe(0);
    expect(calls).toEqual([
      {
        files,
        outDir: 'tmp/never-written',
        runtime: undefined,
        long: undefined,
        importExtension: undefined,
        emit: undefined,
      },
    ]);
  });

  it('takes files after `--` as files even when they look like options', async () => {
    calls.length = 0;
    const result = await runCli(['generate', '--out', 'tmp/never-written', '--', '--strict']);
    expect(result).toEqual({ code: 2, out: [], err: ['--strict does not exist'] });
    expect(calls).toEqual([]);
  });
});

describe('what the emitter throws', () => {
  afterEach(() => {
    emitterFailure.error = undefined;
  });

  it('a TlEmitError about the schema (a name clash) exits 1 with its message', async () => {
    const position = { file: 'schema/layer122/api.tl', line: 3, column: 1 };
    emitterFailure.error = new TlEmitError('name-clash', '`a_b` and `aB` are both `AB`', position);
    expect(await runCli(['generate', ...files, '--out', 'tmp/never-written'])).toEqual({
      code: 1,
      out: [],
      err: ['schema/layer122/api.tl:3:1: name-clash: `a_b` and `aB` are both `AB`'],
    });
  });

  it('a TlEmitError about options it cannot combine exits 2, as a usage error', async () => {
    emitterFailure.error = new TlEmitError('unsupported-option', 'emit js cannot import .ts files');
    expect(await runCli(['generate', ...files, '--out', 'tmp/never-written'])).toEqual({
      code: 2,
      out: [],
      err: ['unsupported-option: emit js cannot import .ts files'],
    });
  });

  it('anything else is an internal error: exit 3 with the stack and a request to report it', async () => {
    emitterFailure.error = new RangeError('boom');
    const result = await runCli(['generate', ...files, '--out', 'tmp/never-written']);
    expect(result.code).toBe(3);
    expect(result.out).toEqual([]);
    expect(result.err[0]).toMatch(/^internal error: RangeError: boom\n {4}at /);
    expect(result.err.at(-1)).toBe('this is a bug in tlforge: please report it with the lines above');
  });
});
