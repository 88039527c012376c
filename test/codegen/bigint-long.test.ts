// `--long bigint` (generated/latest-bigint): `long` fields are native bigints, stored and decoded as
// such; constructors accept any LongInput (bigint, safe-integer number, decimal string, big-integer
// value) and convert it; invalid input is reported with the field path when serializing. The bytes are
// those of the default big-integer module.

import bigInt from 'big-integer';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Api as DefaultApi } from '../../packages/layers/src/latest/index.ts';
import { Api, deserialize } from '../../packages/layers/src/latest-bigint/index.ts';
import { encodeError } from './encode-error.ts';
import { hex, toHex } from './hex.ts';

const startBot = (accessHash: unknown) =>
  new Api.messages.StartBot({
    bot: new Api.InputUser({ userId: 777000n, accessHash: accessHash as bigint }),
    peer: new Api.InputPeerSelf(),
    randomId: 666n,
    startParam: 'go',
  });

describe('--long bigint', () => {
  it('writes bigint fields to the exact bytes and reads them back as bigints', () => {
    const user = new Api.InputUser({ userId: 777000n, accessHash: -1n });
    const bytes = hex(
      'c65811f2', // inputUser#f21158c6
      '28db0b00 00000000', // user_id 777000
      'ffffffff ffffffff', // access_hash -1
    );
    expect(toHex(user.serialize())).toBe(toHex(bytes));
    const decoded = deserialize(bytes) as Api.InputUser;
    expectTypeOf(decoded.userId).toEqualTypeOf<bigint>();
    expect(decoded.userId).toBe(777000n);
    expect(decoded.accessHash).toBe(-1n);
    expect(decoded).toStrictEqual(user);
  });

  it('round-trips the extremes of a signed 64-bit value', () => {
    for (const value of [2n ** 63n - 1n, -(2n ** 63n), 0n, 2n ** 53n + 1n]) {
      const user = new Api.InputUser({ userId: value, accessHash: value });
      const decoded = deserialize(user.serialize()) as Api.InputUser;
      expect(decoded.userId).toBe(value);
      expect(decoded.accessHash).toBe(value);
    }
  });

  it('converts number, decimal string and big-integer input to bigint on construction', () => {
    const user = new Api.InputUser({ userId: 5, accessHash: '-9223372036854775808' });
    expect(user.userId).toBe(5n);
    expect(user.accessHash).toBe(-(2n ** 63n));
    expect(new Api.InputUser({ userId: bigInt('123456789012345678'), accessHash: 0 }).userId).toBe(
      123456789012345678n,
    );
  });

  it('converts each element of a Vector<long> argument', () => {
    const media = new Api.MessageMediaGiveaway({ channels: [1, '2', 3n], quantity: 1, untilDate: 0 });
    expect(media.channels).toEqual([1n, 2n, 3n]);
    expect((deserialize(media.serialize()) as Api.MessageMediaGiveaway).channels).toEqual([1n, 2n, 3n]);
  });

  it('writes the same bytes as the default big-integer module', () => {
    const ours = startBot(-5n).serialize();
    const reference = new DefaultApi.messages.StartBot({
      bot: new DefaultApi.InputUser({ userId: 777000, accessHash: -5 }),
      peer: new DefaultApi.InputPeerSelf(),
      randomId: 666,
      startParam: 'go',
    }).serialize();
    expect(toHex(ours)).toBe(toHex(reference));
    expect(deserialize(ours)).toStrictEqual(startBot(-5n));
  });

  it('reports invalid input with the field path when serializing', () => {
    const fraction = encodeError(() => startBot(1.5));
    expect(fraction.kind).toBe('type');
    expect(fraction.message).toBe('messages.StartBot.bot.accessHash: expected a 64-bit integer, got 1.5');
    const tooLarge = encodeError(() => startBot(2n ** 63n));
    expect(tooLarge.kind).toBe('range');
    expect(tooLarge.path).toEqual(['messages.StartBot', 'bot', 'accessHash']);
    expect(encodeError(() => startBot(2 ** 53)).kind).toBe('range');
    expect(encodeError(() => startBot('12a')).kind).toBe('type');
    expect(encodeError(() => startBot({})).kind).toBe('type');
    const missing = encodeError(() => startBot(undefined));
    expect(missing.kind).toBe('missing');
    expect(missing.message).toBe('messages.StartBot.bot.accessHash: expected long, got undefined');
  });
});
