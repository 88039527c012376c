import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeConstructorId } from '../../packages/codegen/src/model/constructor-id.ts';
import { resolveSchema } from '../../packages/codegen/src/model/resolve-schema.ts';
import type { TlSchemaModel } from '../../packages/codegen/src/model/schema-model.ts';
import { parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';

function resolveClean(...files: Array<[name: string, text: string]>): TlSchemaModel {
  const { model, diagnostics } = resolveSchema(files.map(([name, text]) => parseSchema(text, name)));
  expect(diagnostics.map((d) => d.message)).toEqual([]);
  return model;
}

/** The model with every `position` removed, to compare schemas written differently. */
function withoutPositions(value: unknown): unknown {
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, withoutPositions(v)]));
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([key]) => key !== 'position' && key !== 'files');
    return Object.fromEntries(entries.map(([k, v]) => [k, withoutPositions(v)]));
  }
  return value;
}

const builtinPrelude =
  'boolFalse#bc799737 = Bool;\nboolTrue#997275b5 = Bool;\ntrue#3fedd339 = True;\n' +
  'vector#1cb5c415 {t:Type} # [ t ] = Vector t;\nerror#c4b9f9bb code:int text:string = Error;\nnull#56730bcc = Null;\n';

describe('resolveSchema', () => {
  it('resolves the docs example: anonymous arguments and a Vector User result', () => {
    const text = readFileSync(new URL('../fixtures/docs-example.tl', import.meta.url), 'utf8');
    const model = resolveClean(['docs.tl', text]);
    expect(model.constructors.map((c) => c.name)).toEqual(['user', 'no_user']);
    expect(model.types).toEqual([
      { name: 'User', namespace: undefined, localName: 'User', constructors: ['user', 'no_user'] },
    ]);
    const getUsers = model.functionsByName.get('getUsers')!;
    expect(getUsers.fields.map((f) => [f.name, f.type])).toEqual([
      ['arg0', { kind: 'vector', boxed: true, element: { kind: 'int' } }],
    ]);
    expect(getUsers.result).toEqual({
      kind: 'vector',
      boxed: true,
      element: { kind: 'boxed', type: 'User' },
    });
    expect([getUsers.id, getUsers.computedId, getUsers.explicitId]).toEqual([0x2d84d5f5, 0x2d84d5f5, true]);
    expect(model.functionsByName.get('getUser')!.fields.map((f) => [f.name, f.type.kind])).toEqual([
      ['arg0', 'int'],
    ]);
  });

  it('leaves boolFalse, boolTrue, true and vector to the runtime but keeps error and null', () => {
    const model = resolveClean(['api.tl', builtinPrelude]);
    expect(model.constructors.map((c) => `${c.name}#${c.id.toString(16)}`)).toEqual([
      'error#c4b9f9bb',
      'null#56730bcc',
    ]);
    expect(model.types.map((t) => t.name)).toEqual(['Error', 'Null']);
  });

  it('maps every kind of written type to its TlTypeRef', () => {
    const model = resolveClean([
      'api.tl',
      `${builtinPrelude}future_salt valid_since:int salt:long = FutureSalt;
single x:int = Single;
message msg_id:long body:Object = Message;
kinds flags:# a:int b:long c:double d:string e:bytes f:int128 g:int256 h:Bool i:flags.0?true
  j:Vector<long> k:vector<future_salt> l:%Single m:Vector<Vector<Error>> n:Object o:vector<message> = Kinds;
---functions---
invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;
getSalts = vector<future_salt>;`,
    ]);
    const kinds = model.constructorsByName.get('kinds')!;
    expect(Object.fromEntries(kinds.fields.map((f) => [f.name, f.type]))).toEqual({
      flags: { kind: 'flags' },
      a: { kind: 'int' },
      b: { kind: 'long' },
      c: { kind: 'double' },
      d: { kind: 'string' },
      e: { kind: 'bytes' },
      f: { kind: 'int128' },
      g: { kind: 'int256' },
      h: { kind: 'Bool' },
      i: { kind: 'true' },
      j: { kind: 'vector', boxed: true, element: { kind: 'long' } },
      k: { kind: 'vector', boxed: false, element: { kind: 'bare', constructor: 'future_salt' } },
      l: { kind: 'bare', constructor: 'single' },
      m: {
        kind: 'vector',
        boxed: true,
        element: { kind: 'vector', boxed: true, element: { kind: 'boxed', type: 'Error' } },
      },
      n: { kind: 'object' },
      o: { kind: 'vector', boxed: false, element: { kind: 'bare', constructor: 'message' } },
    });
    const invoke = model.functionsByName.get('invokeWithLayer')!;
    expect(invoke.typeParams).toEqual(['X']);
    expect(invoke.fields.map((f) => f.type)).toEqual([
      { kind: 'int' },
      { kind: 'typeVar', name: 'X', bang: true },
    ]);
    expect(invoke.result).toEqual({ kind: 'typeVar', name: 'X', bang: false });
    expect(model.functionsByName.get('getSalts')!.result).toEqual({
      kind: 'vector',
      boxed: false,
      element: { kind: 'bare', constructor: 'future_salt' },
    });
  });

  it('groups the fields sharing a bit of each flags field, flags2 in the middle included', () => {
    const model = resolveClean([
      'api.tl',
      `${builtinPrelude}m flags:# out:flags.1?true views:flags.10?int forwards:flags.10?int id:int
  flags2:# bot:flags2.14?true bot_info_version:flags2.14?int x:flags.0?string = M;`,
    ]);
    const m = model.constructorsByName.get('m')!;
    expect(m.flagGroups).toEqual([
      {
        flagsField: 'flags',
        bits: [
          { bit: 0, fields: ['x'] },
          { bit: 1, fields: ['out'] },
          { bit: 10, fields: ['views', 'forwards'] },
        ],
      },
      { flagsField: 'flags2', bits: [{ bit: 14, fields: ['bot', 'bot_info_version'] }] },
    ]);
    expect(m.fields.map((f) => f.name)).toEqual([
      'flags',
      'out',
      'views',
      'forwards',
      'id',
      'flags2',
      'bot',
      'bot_info_version',
      'x',
    ]);
    expect(m.fields[8].condition).toEqual({ flagsField: 'flags', bit: 0 });
  });

  it('keeps clashing names apart without mangling them', () => {
    const model = resolveClean([
      'api.tl',
      `${builtinPrelude}updates seq:int = Updates;
account.password srp_B:bytes default:int private:long static:Bool = account.Password;
---functions---
account.getPassword#548a30f5 = account.Password;`,
    ]);
    expect(model.constructorsByName.get('updates')!.type).toBe('Updates');
    expect(model.typesByName.get('account.Password')).toEqual({
      name: 'account.Password',
      namespace: 'account',
      localName: 'Password',
      constructors: ['account.password'],
    });
    const password = model.constructorsByName.get('account.password')!;
    expect([password.namespace, password.localName, password.fields.map((f) => f.name)]).toEqual([
      'account',
      'password',
      ['srp_B', 'default', 'private', 'static'],
    ]);
    expect(model.functionsByName.get('account.getPassword')!.result).toEqual({
      kind: 'boxed',
      type: 'account.Password',
    });
  });

  it('builds the same model from a multi-line CRLF file as from its one-line LF form', () => {
    const oneLine = 'a flags:# x:flags.0?Vector<int> y:string = A;\n---functions---\nf {X:Type} q:!X = X;\n';
    const spread =
      '// LAYER 3\r\na\r\n  flags:#  x:flags.0?Vector<int> /* note */\r\n  y:string\r\n= A;\r\n' +
      '---functions---\r\nf {X:Type}\r\n  q:!X\r\n  = X;\r\n';
    const one = resolveClean(['one.tl', `// LAYER 3\n${oneLine}`]);
    const many = resolveClean(['many.tl', spread]);
    expect(withoutPositions(many)).toEqual(withoutPositions(one));
    expect(one.constructors[0].source).toBe('a flags:# x:flags.0?Vector<int> y:string = A');
    expect(many.constructors[0].position).toEqual({ file: 'many.tl', line: 2, column: 1 });
    expect(many.constructors[0].fields[2].position).toEqual({ file: 'many.tl', line: 4, column: 3 });
  });

  it('merges files: identical repeats are fine, a different definition of a name is an error', () => {
    const api = `${builtinPrelude}pong#347773c5 msg_id:long ping_id:long = Pong;`;
    const same = 'pong#347773c5 msg_id:long  ping_id:long = Pong;';
    const merged = resolveClean(['api.tl', api], ['mtproto.tl', same]);
    expect(merged.files).toEqual(['api.tl', 'mtproto.tl']);
    expect(merged.constructors.map((c) => [c.name, c.position.file])).toEqual([
      ['error', 'api.tl'],
      ['null', 'api.tl'],
      ['pong', 'api.tl'],
    ]);

    const { diagnostics } = resolveSchema([
      parseSchema(api, 'api.tl'),
      parseSchema('\npong#347773c5 msg_id:long = Pong;', 'mtproto.tl'),
    ]);
    expect(diagnostics.map((d) => `${d.kind} ${d.file}:${d.line}:${d.column}`)).toEqual([
      'id-mismatch mtproto.tl:2:1',
      'conflicting-definition mtproto.tl:2:1',
    ]);
    expect(diagnostics[1].detail).toBe(
      '`pong` is already declared differently at api.tl:7:1 (`pong#347773c5 msg_id:long ping_id:long = Pong`); ' +
        'merged files share one namespace',
    );
  });

  it('moves the clashing definitions of a file with a clash-namespace pragma into that namespace', () => {
    const api = `${builtinPrelude}message id:int = Message;\nbox m:Message = Box;`;
    const service =
      '// tlforge: clash-namespace mtproto\n' +
      'message msg_id:long body:Object = Message;\n' +
      'container messages:vector<message> = Container;\n' +
      'copy orig:Message = Copy;';
    const model = resolveClean(['api.tl', api], ['mtproto.tl', service]);
    const scoped = model.constructorsByName.get('mtproto.message')!;
    expect([scoped.namespace, scoped.localName, scoped.type, scoped.explicitId]).toEqual([
      'mtproto',
      'message',
      'mtproto.Message',
      false,
    ]);
    // The id is that of the declaration as written, not of the scoped name.
    expect(scoped.id).toBe(
      computeConstructorId(parseSchema('message msg_id:long body:Object = Message;', 'x').declarations[0]),
    );
    expect(model.typesByName.get('Message')!.constructors).toEqual(['message']);
    expect(model.typesByName.get('mtproto.Message')!.constructors).toEqual(['mtproto.message']);
    expect(model.constructorsByName.get('container')!.fields[0].type).toEqual({
      kind: 'vector',
      boxed: false,
      element: { kind: 'bare', constructor: 'mtproto.message' },
    });
    expect(model.constructorsByName.get('copy')!.fields[0].type).toEqual({
      kind: 'boxed',
      type: 'mtproto.Message',
    });
    expect(model.constructorsByName.get('box')!.fields[0].type).toEqual({ kind: 'boxed', type: 'Message' });

    const { diagnostics } = resolveSchema([
      parseSchema(api, 'api.tl'),
      parseSchema(service.slice(service.indexOf('\n') + 1), 'mtproto.tl'),
    ]);
    expect(diagnostics.map((d) => `${d.kind} ${d.file}:${d.line}:${d.column}`)).toEqual([
      'conflicting-definition mtproto.tl:1:1',
    ]);
  });

  it('takes the layer from the file that states it and warns about a second, different one', () => {
    const model = resolveClean(['a.tl', 'a = A;'], ['b.tl', '// LAYER 214\nb = B;']);
    expect(model.layer).toBe(214);
    const { model: mixed, diagnostics } = resolveSchema([
      parseSchema('// LAYER 214\na = A;', 'a.tl'),
      parseSchema('b = B;\n// LAYER 122', 'b.tl'),
    ]);
    expect(mixed.layer).toBe(214);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'b.tl:2:1: layer-mismatch: this file states layer 122 but a.tl states layer 214; using 214',
    ]);
  });

  it('resolves a bare %T of a single-constructor type to that constructor, wherever it is declared', () => {
    const model = resolveClean(['a.tl', 'holder x:%Later y:later = Holder;\nlater = Later;']);
    expect(model.constructorsByName.get('holder')!.fields.map((f) => f.type)).toEqual([
      { kind: 'bare', constructor: 'later' },
      { kind: 'bare', constructor: 'later' },
    ]);
  });
});
