// One decode, one budget: the inflated bytes of all its gzip_packed values together and the vector
// elements it allocates are bounded, so a small message cannot make the process run out of memory;
// limits given as options are checked when the reader is made; a msg_container body that arrived
// gzip-packed decodes to a value that writes back.

import { TlDecodeError, TlError } from '@tlforge/runtime';
import { describe, expect, it } from 'vitest';
import { Api, deserialize } from '../../packages/layers/src/latest/index.ts';
import { gzipPacked } from '../fuzz/decoder-fuzz.ts';
import { thrown } from './capture.ts';
import { fromHex, toHex } from './hex.ts';

function word(value: number): string {
  return toHex(Uint8Array.of(value, value >>> 8, value >>> 16, value >>> 24));
}

/** A msg_container whose messages hold `bodies` (each written as given). */
function container(bodies: readonly Uint8Array[]): Uint8Array {
  let hex = `dcf8f173 ${word(bodies.length)}`;
  bodies.forEach((body, i) => {
    hex += ` ${word(i + 1)} 00000000 ${word(1)} ${word(body.length)} ${toHex(body)}`;
  });
  return fromHex(hex);
}

/** `Vector<JSONValue>` of `count` jsonNull: 4 bytes per element, compresses to almost nothing. */
function nullVector(count: number): Uint8Array {
  const bytes = new Uint8Array(8 + 4 * count);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x1cb5c415, true);
  view.setUint32(4, count, true);
  for (let i = 0; i < count; i++) view.setUint32(8 + 4 * i, 0x3f6d7b68, true);
  return bytes;
}

describe('the budget of one decode', () => {
  it('stops the 8-body container attack at its first body (vector elements)', () => {
    // Each body inflates to 64 MiB minus a little: 16.7 million jsonNull objects.
    const body = gzipPacked(nullVector((64 * 1024 * 1024 - 16) / 4));
    const attack = container(Array.from({ length: 8 }, () => body));
    expect(attack.length).toBeLessThan(600_000);
    expect(thrown(() => deserialize(attack))).toMatchObject({
      kind: 'element-limit',
      offset: 4,
      inflated: true,
      message:
        'at byte 4 of inflated gzip_packed data reading mtproto.message (msg_container.messages[0].body.gzip_packed): element-limit: a vector of 16777212 elements would pass the limit of 1000000 vector elements in one decode (maxElements)',
    });
  });

  it('counts the inflated bytes of every gzip_packed of the decode together', () => {
    const body = gzipPacked(nullVector(250_000)); // 1,000,008 bytes inflated
    const message = container([body, body, body]);
    const options = { maxInflatedSize: 2_500_000, maxElements: 10_000_000 };
    const e = thrown(() => deserialize(message, options)) as TlDecodeError;
    expect(e).toBeInstanceOf(TlDecodeError);
    expect(e.kind).toBe('inflated-limit');
    expect(e.message).toBe(
      `at byte ${e.offset} reading mtproto.message (msg_container.messages[2].body): inflated-limit: gzip_packed declares 1000008 bytes, but 499984 of the 2500000 bytes one decode may inflate remain (maxInflatedSize)`,
    );
    // Two bodies fit; each decode has a budget of its own.
    expect((deserialize(container([body, body]), options) as Api.MsgContainer).messages).toHaveLength(2);
    expect((deserialize(container([body, body]), options) as Api.MsgContainer).messages).toHaveLength(2);
  });

  it('counts the elements of every vector of the decode together', () => {
    const message = container([nullVector(600), nullVector(600)]);
    expect(thrown(() => deserialize(message, { maxElements: 1000 }))).toMatchObject({
      kind: 'element-limit',
      message:
        'at byte 2452 reading mtproto.message (msg_container.messages[1].body): element-limit: a vector of 600 elements would pass the limit of 1000 vector elements in one decode (maxElements)',
    });
    // 2 messages + 600 + 600 elements.
    expect(deserialize(message, { maxElements: 1202 })).toBeInstanceOf(Api.MsgContainer);
  });
});

describe('reader options', () => {
  const ping = new Api.Ping({ pingId: 666 }).serialize();

  it.each([
    [{ maxInflatedSize: Number.NaN }, 'maxInflatedSize must be an integer from 0 to 1073741824, got NaN'],
    [{ maxInflatedSize: -1 }, 'maxInflatedSize must be an integer from 0 to 1073741824, got -1'],
    [{ maxInflatedSize: 2 ** 31 }, 'maxInflatedSize must be an integer from 0 to 1073741824, got 2147483648'],
    [{ maxDepth: Number.NaN }, 'maxDepth must be an integer from 1 to 1000, got NaN'],
    [{ maxDepth: 3500 }, 'maxDepth must be an integer from 1 to 1000, got 3500'],
    [{ maxDepth: 2.5 }, 'maxDepth must be an integer from 1 to 1000, got 2.5'],
    [
      { maxElements: Number.POSITIVE_INFINITY },
      'maxElements must be an integer from 0 to 2147483647, got Infinity',
    ],
    [{ strict: 'yes' }, 'strict must be a boolean, got string "yes"'],
  ])('refuses %o before reading a byte', (options, message) => {
    const e = thrown(() => deserialize(ping, options as never));
    expect(e).toBeInstanceOf(TlError);
    expect(e).toMatchObject({ kind: 'invalid-option', message });
  });

  it('reads with the ceiling itself: 1000 levels of nesting stay far from the stack limit', () => {
    // jsonArray#f7444763 value:Vector<JSONValue>, nested 999 deep around a jsonNull.
    let hex = '687b6d3f';
    for (let i = 0; i < 999; i++) hex = `634744f7 15c4b51c 01000000 ${hex}`;
    const bytes = fromHex(hex);
    expect(thrown(() => deserialize(bytes, { maxDepth: 999 }))).toMatchObject({ kind: 'depth' });
    expect(deserialize(bytes, { maxDepth: 1000 })).toBeInstanceOf(Api.JsonArray);
  });
});

describe('a msg_container body that arrived gzip-packed', () => {
  it('decodes with its length left to the writer, and writes back unpacked', () => {
    const ping = new Api.Ping({ pingId: 666 }).serialize();
    const packed = gzipPacked(ping);
    const value = deserialize(container([packed, ping])) as Api.MsgContainer;
    expect(value.messages[0]?.bytes).toBeUndefined();
    expect(value.messages[0]?.body).toStrictEqual(new Api.Ping({ pingId: 666 }));
    expect(value.messages[1]?.bytes).toBe(12);
    const written = value.serialize();
    expect(toHex(written)).toBe(toHex(container([ping, ping])));
    expect(toHex((deserialize(written) as Api.MsgContainer).serialize())).toBe(toHex(written));
  });

  it('keeps the vector index in the path of an error in a top-level Vector result', () => {
    const request = new Api.users.GetUsers({ id: [new Api.InputUserSelf()] });
    const answer = fromHex(`15c4b51c 02000000 7a4bbcd3 ${word(7)} 00000000 7a4bbcd3 ${word(8)}`);
    expect(thrown(() => request.readResult(answer))).toMatchObject({
      kind: 'truncated',
      message: 'at byte 24 reading userEmpty ([1].id): truncated: needs 8 bytes, 4 remain',
    });
  });
});
