// `deserialize` decodes the non-ASCII strings of one value into a shared batch and assigns them when the
// value is complete (src/string-batch.ts). Pinned here through generated code: exact strings in fields
// and vector elements, strict errors at the offending byte with the field path, lenient replacement,
// nothing left behind after a failure, and payloads larger than one flush.

import { describe, expect, it } from 'vitest';
import { Api, deserialize } from '../../generated/latest/index.ts';
import { TlDecodeError } from '../../src/index.ts';

const keyword = (word: string, emoticons: string[]) => new Api.EmojiKeyword({ keyword: word, emoticons });

function decodeError(bytes: Uint8Array): TlDecodeError {
  try {
    deserialize(bytes);
  } catch (e) {
    if (e instanceof TlDecodeError) return e;
    throw e;
  }
  throw new Error('expected a TlDecodeError');
}

describe('strings decoded in a batch', () => {
  it('assigns fields and vector elements, ASCII and not, in place', () => {
    const value = keyword('привет мир', ['👍', 'ok', 'ёж 🦔 hedgehog', '', 'a'.repeat(300), 'ж'.repeat(300)]);
    const decoded = deserialize(value.serialize()) as Api.EmojiKeyword;
    expect(decoded).toStrictEqual(value);
    expect(Object.keys(decoded)).toEqual(['keyword', 'emoticons']);
  });

  it('reports invalid UTF-8 at the offending byte with the path, and leaves nothing for the next value', () => {
    const bytes = keyword('абв', ['где']).serialize().slice();
    // keyword#d5b3b9f9: id (4), length byte (1), then 'а' = d0 b0: break its continuation byte.
    expect([bytes[5], bytes[6]]).toEqual([0xd0, 0xb0]);
    bytes[6] = 0x41;
    const e = decodeError(bytes);
    expect(e.kind).toBe('utf8');
    expect(e.offset).toBe(6); // the byte that cannot continue the sequence
    expect(e.path).toEqual(['emojiKeyword', 'keyword']);
    const next = keyword('ёлка', ['🎄']);
    expect(deserialize(next.serialize())).toStrictEqual(next);
  });

  it('replaces invalid UTF-8 with U+FFFD in lenient mode', () => {
    const bytes = keyword('абв', []).serialize().slice();
    bytes[6] = 0x41;
    expect((deserialize(bytes, { strict: false }) as Api.EmojiKeyword).keyword).toBe('\ufffdAбв');
  });

  it('decodes values whose strings exceed one flush of the batch', () => {
    const big = 'щ'.repeat(700_000);
    const value = keyword(big, [big, 'x', big]);
    expect(deserialize(value.serialize())).toStrictEqual(value);
  });
});
