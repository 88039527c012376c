// The programmatic API, imported by the package name as a build script would: `check` and
// `generate` behave as the commands do (same pass/fail, same diagnostics), and failures are typed
// errors with kinds rather than exit codes.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  check,
  DEFAULT_RUNTIME,
  generate,
  loadSchema,
  parseSchema,
  resolveSchema,
  SchemaErrorsFound,
  TlError,
  TlFileError,
  TlSchemaError,
} from 'tlforge';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratch, scratchDir } from '../support/scratch.ts';

const scratch = scratchDir('tlforge-api-');
afterAll(() => removeScratch(scratch));

function schemaFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

const ping = schemaFile('ping.tl', '// LAYER 7\nping#7abe77ec ping_id:long = Pong;\n');
const wrongId = schemaFile('wrong-id.tl', '// LAYER 7\nping#00000001 ping_id:long = Pong;\n');
const bad = schemaFile('bad.tl', 'a x:Nope = A;\nb y:Missing = B;\n');

/** `kind line:column severity` of each diagnostic. */
function summarize(diagnostics: readonly TlSchemaError[]): string[] {
  return diagnostics.map((d) => `${d.kind} ${d.line}:${d.column} ${d.severity}`);
}

describe('check()', () => {
  it('returns the model and sorts diagnostics into errors, warnings and failures', () => {
    const result = check([bad, wrongId]);
    expect(result.ok).toBe(false);
    expect(result.model.constructors.map((c) => c.name)).toEqual(['a', 'b', 'ping']);
    expect(summarize(result.errors)).toEqual(['undefined-type 1:5 error', 'undefined-type 2:5 error']);
    expect(summarize(result.warnings)).toEqual(['id-mismatch 2:1 warning']);
    expect(result.failures).toEqual(result.errors);
  });

  it('fails on warnings under strict', () => {
    expect(check([wrongId]).ok).toBe(true);
    const strict = check([wrongId], { strict: true });
    expect(strict.ok).toBe(false);
    expect(summarize(strict.failures)).toEqual(['id-mismatch 2:1 warning']);
  });

  it('throws a TlFileError with a kind for a directory', () => {
    expect(() => check(['schema/latest'])).toThrowError(
      expect.objectContaining({
        kind: 'is-directory',
        path: 'schema/latest',
        message: 'schema/latest is a directory: pass the .tl files in it',
      }),
    );
    expect(() => check(['schema/latest'])).toThrow(TlFileError);
  });
});

describe('generate()', () => {
  it('writes the module and returns the summary', () => {
    const outDir = join(scratch, 'ping');
    const summary = generate({ files: [ping], outDir });
    expect([summary.layer, summary.constructors, summary.functions, summary.warnings]).toEqual([7, 1, 0, []]);
    expect(summary.files).toContain(join(outDir, 'index.ts'));
    for (const file of summary.files) expect(existsSync(file)).toBe(true);
    expect(summary.bytes).toBeGreaterThan(0);
  });

  it('throws SchemaErrorsFound with every error and writes nothing', () => {
    const outDir = join(scratch, 'bad');
    let thrown: unknown;
    try {
      generate({ files: [bad], outDir });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchemaErrorsFound);
    expect(thrown).toBeInstanceOf(TlError);
    const { kind, diagnostics } = thrown as SchemaErrorsFound;
    expect(kind).toBe('schema-errors');
    expect(summarize(diagnostics)).toEqual(['undefined-type 1:5 error', 'undefined-type 2:5 error']);
    expect(existsSync(outDir)).toBe(false);
  });

  it('returns the warnings, and refuses them under strict', () => {
    const lenient = generate({ files: [wrongId], outDir: join(scratch, 'lenient') });
    expect(summarize(lenient.warnings)).toEqual(['id-mismatch 2:1 warning']);
    const outDir = join(scratch, 'strict');
    expect(() => generate({ files: [wrongId], outDir, strict: true })).toThrowError(
      expect.objectContaining({ kind: 'schema-errors' }),
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it('throws TlFileError for an outDir that is a file', () => {
    expect(() => generate({ files: [ping], outDir: ping })).toThrowError(
      expect.objectContaining({
        kind: 'not-a-directory',
        message: `${ping} is a file: the output must be a folder`,
      }),
    );
  });

  it('imports the runtime from @tlforge/runtime by default', () => {
    expect(DEFAULT_RUNTIME).toBe('@tlforge/runtime');
  });
});

describe('the stages', () => {
  it('parseSchema and resolveSchema give what loadSchema gives for the same text', () => {
    const parsed = parseSchema('// LAYER 7\nping#7abe77ec ping_id:long = Pong;\n', ping);
    expect(parsed.declarations.map((d) => d.name)).toEqual(['ping']);
    const resolved = resolveSchema([parsed]);
    const loaded = loadSchema([ping]);
    expect(resolved.model.constructorsByName.get('ping')?.id).toBe(0x7abe77ec);
    expect(resolved.model).toEqual(loaded.model);
    expect(resolved.diagnostics).toEqual([]);
  });

  it('reports problems as TlSchemaErrors with kind, severity and position', () => {
    const [error] = parseSchema('ping#zz = Pong;', 'inline.tl').diagnostics;
    expect(error).toBeInstanceOf(TlSchemaError);
    expect([error.kind, error.severity, error.file, error.line, error.column]).toEqual([
      'invalid-id',
      'error',
      'inline.tl',
      1,
      6,
    ]);
  });
});
