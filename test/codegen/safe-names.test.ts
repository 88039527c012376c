// Schema names that would reach `Object.prototype`, are reserved words, are no identifiers or are
// no portable file names: each is renamed by the one rule of safe-identifier.ts, the output compiles
// under every strict flag and importing it touches nothing global. Names that clash once renamed are
// `name-clash` errors that `check` reports exactly as `generate` refuses them.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../packages/codegen/src/api/check.ts';
import { generate } from '../../packages/codegen/src/api/generate.ts';
import { main } from '../../packages/codegen/src/cli.ts';
import { emitDiagnostics } from '../../packages/codegen/src/emit/emit-diagnostics.ts';
import { TlEmitError } from '../../packages/codegen/src/emit/emit-error.ts';
import { emitSchemaModule } from '../../packages/codegen/src/emit/emit-schema-module.ts';
import { SchemaErrorsFound } from '../../packages/codegen/src/emit/generate.ts';
import { localIdentifier, safeIdentifier } from '../../packages/codegen/src/emit/safe-identifier.ts';
import { resolveSchema } from '../../packages/codegen/src/model/resolve-schema.ts';
import { minWireSize } from '../../packages/codegen/src/model/wire-size.ts';
import { parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';
import { compileErrors } from '../support/compile-generated.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { toHex } from './hex.ts';

const scratch = scratchDir('tlforge-safe-names-');
afterAll(() => removeScratch(scratch));

function schemaFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

async function runCli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('safeIdentifier', () => {
  const cases: Array<[string, Parameters<typeof safeIdentifier>[1], string]> = [
    ['messages', 'namespace', 'messages'],
    ['index', 'namespace', 'index'],
    ['__proto__', 'namespace', '__proto___'],
    ['constructor', 'namespace', 'constructor_'],
    ['hasOwnProperty', 'namespace', 'hasOwnProperty_'],
    ['prototype', 'namespace', 'prototype_'],
    ['__esModule', 'namespace', '__esModule_'],
    ['class', 'namespace', 'class_'],
    ['default', 'namespace', 'default_'],
    ['con', 'namespace', 'con_'],
    ['Lpt1', 'namespace', 'Lpt1_'],
    ['a.b', 'namespace', 'a_b'],
    ['StartBot', 'binding', 'StartBot'],
    ['1abc', 'binding', '_1abc'],
    ['', 'binding', '_'],
    ['enum', 'binding', 'enum_'],
    ['string', 'binding', 'string_'],
    ['undefined', 'binding', 'undefined_'],
    ['randomId', 'property', 'randomId'],
    ['default', 'property', 'default'],
    ['delete', 'property', 'delete'],
    ['__proto__', 'property', '__proto___'],
    ['constructor', 'property', 'constructor_'],
    ['toString', 'property', 'toString_'],
    ['valueOf', 'property', 'valueOf_'],
    ['className', 'property', 'className_'],
    ['_writeBare', 'property', '_writeBare_'],
  ];
  for (const [name, place, safe] of cases) {
    it(`makes ${JSON.stringify(name)} as a ${place} ${safe}`, () => {
      expect(safeIdentifier(name, place)).toBe(safe);
    });
  }

  it('gives a local a trailing `_` until it is free, never stopping on an unsafe name', () => {
    const taken = new Set(['r', 'r_', '__proto_']);
    expect(localIdentifier('default', taken)).toBe('default_');
    expect(localIdentifier('r', taken)).toBe('r__');
    // `__proto_` is taken, and `__proto__` is unsafe: the next free name is `__proto___`.
    expect(localIdentifier('__proto_', taken)).toBe('__proto___');
  });
});

type Instance = Record<string, unknown> & { serialize(): Uint8Array };

const hostileSchema = `// LAYER 1
__proto__.polluted a:int = __proto__.Polluted;
constructor.polluted a:int = constructor.Polluted;
hasOwnProperty.polluted a:int = hasOwnProperty.Polluted;
class.foo a:int = class.Foo;
con.foo = con.Foo;
index.foo = index.Foo;
a.b.foo = a.b.Foo;
__proto__ x:int = Proto;
constructor __proto__:int flags:# constructor:flags.0?int to_string:int value_of:Vector<int> class_name:string default:int = Ctor;
helpers write_bare:int global_registry:int indexed_field:int = Helpers;
_1abc = T1;
---functions---
getIt {string:Type} {Api:Type} q:!string api:!Api = string;
`;

describe('a schema whose names reach Object.prototype, are keywords or are no file names', () => {
  let outDir = '';
  let index: Record<string, unknown> = {};
  let prototypeBefore: string[] = [];
  let objectBefore: string[] = [];

  beforeAll(async () => {
    const path = schemaFile('hostile.tl', hostileSchema);
    outDir = join(scratch, 'hostile');
    generate({ files: [path], outDir });
    prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    objectBefore = Object.getOwnPropertyNames(Object).sort();
    index = (await import(join(outDir, 'index.ts'))) as Record<string, unknown>;
  });

  it('passes check without a diagnostic', () => {
    expect(check([join(scratch, 'hostile.tl')]).diagnostics).toEqual([]);
  });

  it('writes each namespace under its safe name, a file name every file system takes', () => {
    expect(files(outDir)).toEqual([
      'api.ts',
      'api/__proto___.ts',
      'api/a_b.ts',
      'api/class_.ts',
      'api/con_.ts',
      'api/constructor_.ts',
      'api/hasOwnProperty_.ts',
      'api/index.ts',
      'codecs.ts',
      'index.ts',
      'json.ts',
      'registry.ts',
    ]);
    const api = readFileSync(join(outDir, 'api.ts'), 'utf8');
    expect(api.split('\n').filter((line) => line.startsWith('export * as '))).toEqual([
      "export * as __proto___ from './api/__proto___.js';",
      "export * as constructor_ from './api/constructor_.js';",
      "export * as hasOwnProperty_ from './api/hasOwnProperty_.js';",
      "export * as class_ from './api/class_.js';",
      "export * as con_ from './api/con_.js';",
      "export * as index from './api/index.js';",
      "export * as a_b from './api/a_b.js';",
    ]);
  });

  it('compiles under every strict flag', () => {
    expect(compileErrors(outDir)).toEqual([]);
  }, 120_000);

  it('leaves Object and Object.prototype as they were when imported', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(Object.getOwnPropertyNames(Object).sort()).toEqual(objectBefore);
    const plain = {} as Record<string, unknown>;
    expect(plain.Polluted).toBeUndefined();
    expect(plain.Foo).toBeUndefined();
    expect((Object as unknown as Record<string, unknown>).Polluted).toBeUndefined();
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
  });

  it('exports every namespace under its safe name', () => {
    const Api = index.Api as Record<string, Record<string, unknown>>;
    // The classes and the values of the root's boxed types, then the namespaces.
    expect(Object.keys(Api).sort()).toEqual([
      'Constructor',
      'GetIt',
      'Helpers',
      'Proto',
      'TypeCtor',
      'TypeHelpers',
      'TypeProto',
      'TypeT1',
      '_1abc',
      '__proto___',
      'a_b',
      'class_',
      'con_',
      'constructor_',
      'hasOwnProperty_',
      'index',
    ]);
    for (const namespace of ['__proto___', 'constructor_', 'hasOwnProperty_'])
      expect(Object.keys(Api[namespace]!).sort()).toEqual(['Polluted', 'TypePolluted']);
  });

  it("keeps GramJS's className string, TL namespace and all", () => {
    const Api = index.Api as Record<string, Record<string, { className: string }>>;
    expect(Api.__proto___!.Polluted!.className).toBe('__proto__.Polluted');
    expect(Api.class_!.Foo!.className).toBe('class.Foo');
    expect(Api.a_b!.Foo!.className).toBe('a.b.Foo');
  });

  it('renames fields that are Object.prototype or class members, keeps `default`, and round-trips them', () => {
    const Api = index.Api as Record<string, new (args: object) => Instance>;
    const deserialize = index.deserialize as (bytes: Uint8Array) => unknown;
    const value = new Api.Constructor!({
      _Proto__: 1,
      toString_: 2,
      valueOf_: [3],
      className_: 'c',
      default: 4,
    });
    expect(Object.keys(value)).toEqual([
      '_Proto__',
      'constructor_',
      'toString_',
      'valueOf_',
      'className_',
      'default',
    ]);
    expect(Object.getPrototypeOf(value)).toBe(Api.Constructor!.prototype);
    expect(value.constructor).toBe(Api.Constructor);
    expect(value.className).toBe('Constructor');
    expect(String(value)).toBe('[object Object]');
    const bytes = value.serialize();
    // id, _Proto__ 1, flags 0, toString_ 2, Vector<int> [3], className_ 'c', default 4
    expect(toHex(bytes)).toBe(
      'e961f04e 01000000 00000000 02000000 15c4b51c 01000000 03000000 01630000 04000000',
    );
    expect(deserialize(bytes)).toStrictEqual(value);
  });

  it('keeps every TL field name in the JSON form, __proto__ included, and reads it back', () => {
    const Api = index.Api as Record<string, new (args: object) => Instance>;
    const fromJson = index.fromJson as (json: unknown) => Instance;
    const value = new Api.Constructor!({
      _Proto__: 1,
      toString_: 2,
      valueOf_: [3],
      className_: 'c',
      default: 4,
    });
    const text = JSON.stringify(value);
    expect(text).toBe(
      '{"_":"constructor","__proto__":1,"to_string":2,"value_of":[3],"class_name":"c","default":4}',
    );
    const back = fromJson(JSON.parse(text));
    expect(back).toStrictEqual(value);
    expect(toHex(back.serialize())).toBe(toHex(value.serialize()));
    expect(Object.getPrototypeOf(JSON.parse(text))).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).to_string).toBeUndefined();
  });

  it('describes each class in TL for its JSON methods, naming a property only where the rule would not give it', () => {
    const api = readFileSync(join(outDir, 'api.ts'), 'utf8');
    const descriptions = [...api.matchAll(/defineTlClass\(.*, '([^']*)'\);$/gm)].map((m) => m[1]);
    expect(descriptions).toContain(
      'constructor __proto__:int flags:# constructor=constructor_:flags.0?int to_string=toString_:int value_of=valueOf_:Vector<int> class_name=className_:string default:int = Ctor',
    );
    expect(descriptions).toContain('getIt {string:Type} {Api:Type} q:!string api:!Api');
    const Api = index.Api as Record<string, new (args: object) => Instance>;
    const fromJson = index.fromJson as (json: unknown) => Instance;
    const value = new Api.Constructor!({
      _Proto__: 1,
      constructor_: 5,
      toString_: 2,
      valueOf_: [],
      className_: '',
      default: 0,
    });
    const text = JSON.stringify(value);
    expect(text).toBe(
      '{"_":"constructor","__proto__":1,"constructor":5,"to_string":2,"value_of":[],"class_name":"","default":0}',
    );
    expect(fromJson(JSON.parse(text))).toStrictEqual(value);
    // `string` is a type parameter of getIt: its `q` is a function call, not a string. (No getIt can
    // be complete: its only function call is getIt itself.)
    const call = new Api.GetIt!({ q: new Api.GetIt!({ q: value, api: value }), api: value });
    const json = JSON.parse(JSON.stringify(call));
    expect(json.q._).toBe('getIt');
    expect(() => fromJson(json)).toThrow(
      'getIt.q.q: expected a function call, got the constructor "constructor"',
    );
  });

  it('never reads an inherited member for an optional field left out', () => {
    const Api = index.Api as Record<string, new (args: object) => Instance>;
    const value = new Api.Constructor!({
      _Proto__: 1,
      toString_: 2,
      valueOf_: [],
      className_: '',
      default: 0,
    });
    expect(value.constructor_).toBeUndefined();
  });
});

const clashSchema = `class.foo = class.Foo;
class_.foo = class_.Foo;
Foo.bar = Foo.Bar;
foo.bar = foo.Bar;
x to_string:int toString_:int = X;
fooBar = FB;
foo_bar = FB;
uint8Array = U;
y.plain = y.P;
y.paren = (y.P);
---functions---
getIt {string:Type} {string_:Type} q:!string = string;
getOther {X:Type} q:int = X;
`;

describe('names the generator cannot tell apart', () => {
  const path = schemaFile('clash.tl', clashSchema);
  const expected = [
    `${path}:2:1: name-clash: namespace class_ and namespace class would both be named Api.class_`,
    `${path}:4:1: name-clash: namespace foo and namespace Foo would be one file where file names ignore case (macOS, Windows): api/foo.ts and api/Foo.ts`,
    `${path}:5:17: name-clash: fields to_string and toString_ of x would both be named toString_`,
    `${path}:7:1: name-clash: constructor foo_bar and constructor fooBar would both be named Api.FooBar`,
    `${path}:8:1: name-clash: constructor uint8Array and the module-level Uint8Array would both be named Api.Uint8Array`,
    `${path}:10:1: unsupported-definition: the constructors of y.P write their type differently (\`y.P\` in y.plain, \`(y.P)\` here), so they would have different SUBCLASS_OF_IDs`,
    `${path}:12:1: name-clash: type parameters string and string_ of getIt would both be named string_`,
    `${path}:13:1: unsupported-definition: getOther returns X but has no !X argument to read it with`,
  ];

  it('are errors of check, with kind, position and the offending name', () => {
    const result = check([path]);
    expect(result.ok).toBe(false);
    expect(result.errors.map((d) => d.message)).toEqual(expected);
    expect(result.errors.map((d) => [d.kind, d.excerpt])).toEqual([
      ['name-clash', 'class_'],
      ['name-clash', 'foo'],
      ['name-clash', 'toString_'],
      ['name-clash', 'foo_bar'],
      ['name-clash', 'uint8Array'],
      ['unsupported-definition', 'y.paren = (y.P)'],
      ['name-clash', 'string_'],
      ['unsupported-definition', 'getOther {X:Type} q:int = X'],
    ]);
  });

  it('are exactly what generate refuses, writing nothing', () => {
    const outDir = join(scratch, 'clash-out');
    let refused: unknown;
    try {
      generate({ files: [path], outDir });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(SchemaErrorsFound);
    expect((refused as SchemaErrorsFound).diagnostics.map((d) => d.message)).toEqual(
      check([path]).failures.map((d) => d.message),
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it('are printed the same by tlforge check and tlforge generate', async () => {
    const checked = await runCli(['check', path]);
    expect(checked.code).toBe(1);
    expect(checked.err).toEqual(expected);
    const generated = await runCli(['generate', path, '--out', join(scratch, 'clash-cli')]);
    expect(generated).toEqual({
      code: 1,
      out: [],
      err: [...expected, '8 errors, 0 warnings: nothing generated'],
    });
  });

  it('stop the emitter when it is given the model directly, on the first', () => {
    const { model } = resolveSchema([parseSchema(clashSchema, path)]);
    expect(() => emitSchemaModule(model, { runtime: 'x', header: [] })).toThrow(
      new TlEmitError('name-clash', expected[0]!.slice(`${path}:2:1: name-clash: `.length), {
        file: path,
        line: 2,
        column: 1,
      }),
    );
  });
});

describe('recursion over bare types', () => {
  // The recursive walk this replaced overflowed on a chain of 5,000.
  it('walks a chain of 20,000 bare constructors without overflowing the stack', () => {
    const count = 20_000;
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(`c${i} next:c${i + 1} = C${i};`);
    lines.push(`c${count} v:long = C${count};`);
    const { model, diagnostics } = resolveSchema([parseSchema(lines.join('\n'), 'chain.tl')]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(minWireSize({ kind: 'bare', constructor: 'c0' }, model)).toBe(8);
    expect(emitDiagnostics(model)).toEqual([]);
  });

  it('sizes 64 levels of a bare type used twice in each without walking 2^64 paths', () => {
    const lines: string[] = [];
    for (let i = 0; i < 64; i++) lines.push(`d${i} a:d${i + 1} b:d${i + 1} = D${i};`);
    lines.push('d64 v:int = D64;');
    const { model } = resolveSchema([parseSchema(lines.join('\n'), 'diamond.tl')]);
    const started = performance.now();
    expect(minWireSize({ kind: 'bare', constructor: 'd0' }, model)).toBe(4 * 2 ** 64);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('counts a bare type inside itself as 0 bytes', () => {
    const { model } = resolveSchema([parseSchema('a x:int y:b = A;\nb z:long w:a = B;', 'cycle.tl')]);
    expect(minWireSize({ kind: 'bare', constructor: 'a' }, model)).toBe(12);
    expect(minWireSize({ kind: 'bare', constructor: 'b' }, model)).toBe(12);
  });
});
