import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../packages/codegen/src/crc32.ts';
import {
  computeConstructorId,
  normalizedDeclaration,
} from '../../packages/codegen/src/model/constructor-id.ts';
import { parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';

function only(text: string) {
  const parsed = parseSchema(text, 'ids.tl');
  expect(parsed.diagnostics).toEqual([]);
  expect(parsed.declarations).toHaveLength(1);
  return parsed.declarations[0];
}

describe('crc32', () => {
  it('matches the IEEE check value and the empty string', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
  });
});

describe('computeConstructorId', () => {
  // TL-NOTES §3: each line with and without its written id must give the same computed id.
  const examples: Array<[string, string, number]> = [
    ['vector {t:Type} # [ t ] = Vector t;', 'vector t:Type # [ t ] = Vector t', 0x1cb5c415],
    [
      '---functions---\ninvokeWithLayer {X:Type} layer:int query:!X = X;',
      'invokeWithLayer X:Type layer:int query:!X = X',
      0xda9b0d0d,
    ],
    [
      '---functions---\nchannels.createChannel flags:# broadcast:flags.0?true megagroup:flags.1?true title:string about:string = Updates;',
      'channels.createChannel flags:# title:string about:string = Updates',
      0xf4893d7f,
    ],
    [
      'msg_container messages:vector<message> = MessageContainer;',
      'msg_container messages:vector message = MessageContainer',
      0x73f1f8dc,
    ],
    [
      'user id:int first_name:string last_name:string = User;',
      'user id:int first_name:string last_name:string = User',
      0xd23c81a3,
    ],
  ];

  it.each(examples)('computes the id of %s', (line, normalized, id) => {
    const withoutId = only(line);
    expect(normalizedDeclaration(withoutId)).toBe(normalized);
    expect(computeConstructorId(withoutId)).toBe(id);
    const hex = id.toString(16);
    const withId = only(line.replace(/^(---functions---\n)?([\w.]+)/, `$1$2#${hex}`));
    expect(withId.id).toBe(id);
    expect(computeConstructorId(withId)).toBe(id);
  });

  it('hashes a field typed bytes as string, but keeps Vector<bytes>', () => {
    expect(normalizedDeclaration(only('ipPortSecret ipv4:int port:int secret:bytes = IpPort;'))).toBe(
      'ipPortSecret ipv4:int port:int secret:string = IpPort',
    );
    const poll = only('m flags:# a:flags.0?bytes b:Vector<bytes> = M;');
    expect(normalizedDeclaration(poll)).toBe('m flags:# a:flags.0?string b:Vector bytes = M');
  });

  it('drops true flags on any flags field, keeps other conditional fields', () => {
    expect(
      normalizedDeclaration(only('m flags:# a:flags.0?true flags2:# b:flags2.3?true c:flags2.4?int = M;')),
    ).toBe('m flags:# flags2:# c:flags2.4?int = M');
  });

  it('reproduces the docs example ids, anonymous arguments and parentheses included', () => {
    const parsed = parseSchema(
      readFileSync(new URL('../fixtures/docs-example.tl', import.meta.url), 'utf8'),
      'd',
    );
    const written = parsed.declarations.filter((d) => d.id !== undefined);
    expect(written.map((d) => [d.name, computeConstructorId(d) === d.id])).toEqual([
      ['int', true],
      ['user', true],
      ['no_user', true],
      ['getUser', true],
      ['getUsers', true],
    ]);
  });

  it('reproduces every written id of the seed lines', () => {
    const parsed = parseSchema(
      readFileSync(new URL('../fixtures/seed-layer122.tl', import.meta.url), 'utf8'),
      's',
    );
    expect(parsed.declarations).toHaveLength(10);
    for (const declaration of parsed.declarations) {
      expect([declaration.name, computeConstructorId(declaration)]).toEqual([
        declaration.name,
        declaration.id,
      ]);
    }
  });

  it('ignores line breaks, comments and extra spaces', () => {
    const spread = only('user  id:int\n  first_name:string /* given */\r\n  last_name : string\n=\nUser ;');
    expect(computeConstructorId(spread)).toBe(0xd23c81a3);
  });
});
