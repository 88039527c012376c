import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TlFieldArgument } from '../../packages/codegen/src/parser/declaration.ts';
import { parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);

function parseClean(text: string) {
  const parsed = parseSchema(text, 'test.tl');
  expect(parsed.diagnostics.map((d) => d.message)).toEqual([]);
  return parsed;
}

describe('parseSchema', () => {
  it('switches between ---types--- and ---functions--- any number of times', () => {
    const parsed = parseClean(
      'a = A;\n---functions---\nf = A;\n---types---\nb = B;\n---functions---\ng = B;\n---types---\nc = C;',
    );
    expect(parsed.declarations.map((d) => `${d.kind}:${d.name}`)).toEqual([
      'constructor:a',
      'function:f',
      'constructor:b',
      'function:g',
      'constructor:c',
    ]);
  });

  it('reads ids of 1 to 8 hex digits in either case, and their absence', () => {
    const parsed = parseClean(
      'storage.fileJpeg#7efe0e = storage.FileType;\nx#A = X;\ny#DEADbeef = X;\nz = X;\nw#00000001 = X;',
    );
    expect(parsed.declarations.map((d) => d.id)).toEqual([0x7efe0e, 0xa, 0xdeadbeef, undefined, 1]);
  });

  it('records 1-based line and column of declarations and fields', () => {
    const parsed = parseClean('\n  // comment\n  foo#1 a:int\n     b:long = Foo;');
    const [decl] = parsed.declarations;
    expect(decl.position).toEqual({ file: 'test.tl', line: 3, column: 3 });
    expect(decl.args.map((a) => a.position)).toEqual([
      { file: 'test.tl', line: 3, column: 9 },
      { file: 'test.tl', line: 4, column: 6 },
    ]);
    expect(decl.source).toBe('foo#1 a:int b:long = Foo');
  });

  it('skips // and /* */ comments, also inside a declaration', () => {
    const parsed = parseClean('/* head\n comment */ a#1 /* id */ x:int // trailing\n = A; ///////\n');
    expect(parsed.declarations).toHaveLength(1);
    expect(parsed.declarations[0].source).toBe('a#1 x:int = A');
    expect(parsed.declarations[0].args).toHaveLength(1);
  });

  it('takes the layer from a // LAYER N comment wherever it stands', () => {
    expect(parseClean('a = A;\n// LAYER 214\n').layer).toBe(214);
    expect(parseClean('//LAYER 7\r\na = A;\r\n').layer).toBe(7);
    expect(parseClean('a = A; // layers are great').layer).toBeUndefined();
  });

  it('parses conditional fields on flags2 and bits 0 and 31', () => {
    const parsed = parseClean('m flags:# a:flags.0?true flags2:# b:flags2.31?Vector<int> = M;');
    const fields = parsed.declarations[0].args as TlFieldArgument[];
    expect(fields.map((f) => [f.name, f.condition?.flagsField, f.condition?.bit])).toEqual([
      ['flags', undefined, undefined],
      ['a', 'flags', 0],
      ['flags2', undefined, undefined],
      ['b', 'flags2', 31],
    ]);
    expect(fields[3].type).toMatchObject({ name: 'Vector', args: [{ name: 'int', args: [] }] });
  });

  it('parses several type parameters and !X', () => {
    const parsed = parseClean('---functions---\nf {X:Type} {Y:Type} a:!X b:Y = X;');
    const [decl] = parsed.declarations;
    expect(decl.args.map((a) => a.kind)).toEqual(['typeParam', 'typeParam', 'field', 'field']);
    expect((decl.args[2] as TlFieldArgument).type).toMatchObject({ name: 'X', bang: true, bare: false });
  });

  it('parses %T, bare lower-case types and vectors nested to any depth', () => {
    const parsed = parseClean('m a:%Message b:vector<future_salt> c:Vector<Vector<vector<%Foo>>> = M;');
    const [a, b, c] = parsed.declarations[0].args as TlFieldArgument[];
    expect(a.type).toMatchObject({ name: 'Message', bare: true });
    expect(b.type).toMatchObject({ name: 'vector', args: [{ name: 'future_salt' }] });
    expect(c.type).toMatchObject({
      name: 'Vector',
      args: [{ name: 'Vector', args: [{ name: 'vector', args: [{ name: 'Foo', bare: true }] }] }],
    });
  });

  it('recognizes the builtin declarations', () => {
    const parsed = parseClean(
      'int ? = Int;\nlong ? = Long;\ndouble ? = Double;\nstring ? = String;\n' +
        'vector#1cb5c415 {t:Type} # [ t ] = Vector t;\nint128 4*[ int ] = Int128;\nint256 8*[ int ] = Int256;',
    );
    expect(parsed.declarations.map((d) => d.primitive)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(parsed.declarations[4].args.map((a) => a.kind)).toEqual(['typeParam', 'field', 'repetition']);
    expect(parsed.declarations[4].result).toMatchObject({ name: 'Vector', args: [{ name: 't' }] });
    expect(parsed.declarations[5].args[0]).toMatchObject({ kind: 'repetition', multiplier: 4 });
  });

  it('names anonymous arguments arg<index> and drops grouping parentheses', () => {
    const parsed = parseClean(
      '---functions---\ngetUser#b0f732d5 int = User;\ngetUsers#2d84d5f5 (Vector int) = Vector User;',
    );
    const [getUser, getUsers] = parsed.declarations;
    expect(getUser.args).toMatchObject([
      { kind: 'field', name: 'arg0', anonymous: true, type: { name: 'int' } },
    ]);
    expect(getUsers.args).toMatchObject([
      { kind: 'field', name: 'arg0', anonymous: true, type: { name: 'Vector', args: [{ name: 'int' }] } },
    ]);
    expect(getUsers.result).toMatchObject({ name: 'Vector', args: [{ name: 'User', args: [] }] });
  });

  it('parses the seed lines of layer 122', () => {
    const parsed = parseClean(readFileSync(fixture('seed-layer122.tl'), 'utf8'));
    expect(parsed.declarations.map((d) => `${d.kind}:${d.name}#${d.id?.toString(16)}`)).toEqual([
      'constructor:dataJSON#7d748d04',
      'constructor:updatesTooLong#e317af7e',
      'constructor:updateShortMessage#2296d2c8',
      'constructor:updateShortChatMessage#402d5dbb',
      'constructor:updateShort#78d4dec1',
      'constructor:updatesCombined#725b04c3',
      'constructor:updates#74ae4240',
      'constructor:updateShortSentMessage#11f1331c',
      'function:bots.sendCustomRequest#aa2769ed',
      'function:messages.startBot#e6df7378',
    ]);
  });

  it('keeps JS keywords and upper-case letters in field names as written', () => {
    const parsed = parseClean('m default:int private:long srp_B:bytes M1:bytes = M;');
    expect(parsed.declarations[0].args.map((a) => (a as TlFieldArgument).name)).toEqual([
      'default',
      'private',
      'srp_B',
      'M1',
    ]);
  });
});
