// The emitter on small schemas written for the purpose: shapes the vendored schemas lack (a
// Vector<Vector<T>>, a nested vector of long), field names that are keywords or clash with the
// generated methods' own locals, and the models it must refuse.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type TlDecodeError, TlEncodeError } from '@tlforge/runtime';
import bigInt from 'big-integer';
import { afterAll, describe, expect, it } from 'vitest';
import { TlEmitError } from '../../packages/codegen/src/emit/emit-error.ts';
import { emitSchemaModule } from '../../packages/codegen/src/emit/emit-schema-module.ts';
import { resolveSchema } from '../../packages/codegen/src/model/resolve-schema.ts';
import type { TlSchemaModel } from '../../packages/codegen/src/model/schema-model.ts';
import { parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { hex, toHex } from './hex.ts';

const scratch = scratchDir('tlforge-emitter-');
afterAll(() => removeScratch(scratch));

function model(text: string): TlSchemaModel {
  const { model, diagnostics } = resolveSchema([parseSchema(text, 'test.tl')]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('\n'));
  return model;
}

const header = ['// test header'];
let modules = 0;
/** Emits `text` into a scratch folder and imports the module. */
async function generated(text: string): Promise<Record<string, unknown>> {
  const outDir = join(scratch, `m${modules++}`);
  for (const file of emitSchemaModule(model(text), { runtime: '@tlforge/runtime', header })) {
    const path = join(outDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return (await import(join(outDir, 'index.ts'))) as Record<string, unknown>;
}

interface TlClassLike {
  new (args?: Record<string, unknown>): { serialize(): Uint8Array } & Record<string, unknown>;
}

const nestedSchema = `
// LAYER 1
item#11111111 n:int = Item;
grid#22222222 flags:# rows:Vector<Vector<Item>> longs:flags.0?Vector<Vector<long>> = Grid;
keywords#33333333 flags:# default:int delete:flags.0?true r:int field:string w:long e:flags.1?int = Keywords;
`;

describe('nested vectors', () => {
  it('writes and reads Vector<Vector<Item>> and Vector<Vector<long>>', async () => {
    const m = await generated(nestedSchema);
    const Api = m.Api as Record<string, TlClassLike>;
    const item = (n: number) => new Api.Item({ n });
    const grid = new Api.Grid({ rows: [[item(1)], [], [item(2), item(3)]], longs: [[1, '-1'], []] });
    const bytes = hex(
      '22222222', // grid
      '01000000', // flags: longs (bit 0)
      '15c4b51c 03000000', // rows: 3 vectors
      '15c4b51c 01000000 11111111 01000000', // [item 1]
      '15c4b51c 00000000', // []
      '15c4b51c 02000000 11111111 02000000 11111111 03000000', // [item 2, item 3]
      '15c4b51c 02000000', // longs: 2 vectors
      '15c4b51c 02000000 01000000 00000000 ffffffff ffffffff', // [1, -1]
      '15c4b51c 00000000', // []
    );
    expect(toHex(grid.serialize())).toBe(toHex(bytes));
    expect(grid.longs).toStrictEqual([[bigInt(1), bigInt(-1)], []]);
    const deserialize = m.deserialize as (bytes: Uint8Array) => unknown;
    expect(deserialize(bytes)).toStrictEqual(grid);
  });

  it('names both indexes of a bad element: rows[2][1].n', async () => {
    const m = await generated(nestedSchema);
    const Api = m.Api as Record<string, TlClassLike>;
    const grid = new Api.Grid({ rows: [[], [], [new Api.Item({ n: 1 }), new Api.Item({ n: 0.5 })]] });
    let error: unknown;
    try {
      grid.serialize();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TlEncodeError);
    expect((error as TlEncodeError).path).toEqual(['Grid', 'rows[2][1]', 'n']);
  });
});

describe('vector readers', () => {
  const m = generated(nestedSchema);
  const rows = (...vectors: string[]) =>
    hex('22222222', '00000000', `15c4b51c ${vectors.length.toString(16).padStart(2, '0')}000000`, ...vectors);
  const decodeError = async (bytes: Uint8Array) => {
    const deserialize = (await m).deserialize as (bytes: Uint8Array) => unknown;
    try {
      deserialize(bytes);
    } catch (e) {
      return e as TlDecodeError;
    }
    throw new Error('expected a TlDecodeError');
  };

  it('read arrays of exactly their elements', async () => {
    const deserialize = (await m).deserialize as (bytes: Uint8Array) => { rows: unknown[][] };
    const grid = deserialize(
      rows('15c4b51c 00000000', '15c4b51c 02000000 11111111 02000000 11111111 03000000'),
    );
    expect(grid.rows.map((row) => row.length)).toEqual([0, 2]);
    expect(Object.keys(grid.rows[1]!)).toEqual(['0', '1']);
  });

  it('name the indexes of a bad element, and of the vector whose count is bad', async () => {
    const truncated = await decodeError(
      rows('15c4b51c 00000000', '15c4b51c 02000000 11111111 02000000 11111111 0300'),
    );
    expect([truncated.kind, truncated.offset, truncated.path]).toEqual([
      'truncated',
      44,
      ['grid', 'rows[1][1]', 'n'],
    ]);
    const negative = await decodeError(rows('15c4b51c 00000000', '15c4b51c ffffffff'));
    expect([negative.kind, negative.offset, negative.path]).toEqual([
      'vector-length',
      28,
      ['grid', 'rows[1][0]'],
    ]);
    const unknown = await decodeError(rows('15c4b51c 01000000 44444444'));
    expect([unknown.kind, unknown.offset, unknown.path]).toEqual([
      'unknown-constructor',
      24,
      ['grid', 'rows[0][0]'],
    ]);
  });
});

describe('field names that are keywords or generated locals', () => {
  it('keeps them as property names and escapes them as locals', async () => {
    const m = await generated(nestedSchema);
    const Api = m.Api as Record<string, TlClassLike>;
    const value = new Api.Keywords({ default: 1, delete: true, r: 2, field: 'f', w: 3, e: 4 });
    const bytes = hex(
      '33333333',
      '03000000',
      '01000000',
      '02000000',
      '01660000',
      '03000000 00000000',
      '04000000',
    );
    expect(toHex(value.serialize())).toBe(toHex(bytes));
    expect((m.deserialize as (bytes: Uint8Array) => unknown)(bytes)).toStrictEqual(value);
    const files = emitSchemaModule(model(nestedSchema), { runtime: 'tlforge/runtime', header });
    const file = files.find((f) => f.path === 'api.ts')!;
    // Readers assign straight into the instance, so only flags words and vectors have locals.
    expect(file.text).toContain('o.default = r.int();');
    expect(file.text).toContain('o.r = r.int();');
    // A string a batch decodes later is assigned through the property's setter, from the codecs module.
    expect(file.text).toContain('o.field = r.stringField(o, set$field);');
    expect(files.find((f) => f.path === 'codecs.ts')!.text).toContain(
      'export function set$field(o: { field: string | undefined }, v: string): void {\n  o.field = v;\n}',
    );
  });
});

describe('models the emitter refuses', () => {
  it('refuses two constructors that map to one class name', () => {
    expect(() => emitSchemaModule(model('fooBar#1 = T;\nfoo_bar#2 = T;'), { runtime: 'x', header })).toThrow(
      TlEmitError,
    );
    try {
      emitSchemaModule(model('fooBar#1 = T;\nfoo_bar#2 = T;'), { runtime: 'x', header });
    } catch (e) {
      expect((e as TlEmitError).kind).toBe('name-clash');
      expect((e as TlEmitError).message).toBe(
        'test.tl:2:1: name-clash: constructor foo_bar and constructor fooBar would both be named Api.FooBar',
      );
    }
  });

  it('refuses a class name that would shadow a module-level name the generated code uses', () => {
    expect(() => emitSchemaModule(model('uint8Array#1 = T;'), { runtime: 'x', header })).toThrow(
      /would both be named Api\.Uint8Array/,
    );
  });
});

describe('the emitted text', () => {
  it('is identical for identical input', () => {
    const options = { runtime: 'tlforge/runtime', header };
    const a = emitSchemaModule(model(nestedSchema), options);
    const b = emitSchemaModule(model(nestedSchema), options);
    expect(a).toEqual(b);
    expect(a.map((f) => f.path)).toEqual(['index.ts', 'api.ts', 'codecs.ts', 'json.ts', 'registry.ts']);
    expect(a[1]!.text).toContain("} from 'tlforge/runtime';");
  });
});
