// Every flag rule of TL-NOTES §5, on real layer-214 constructors, against exact bytes: presence
// (`undefined`/`null` absent, `true` only by `=== true`), `Bool` false and `[]` present, shared bits,
// `flags2` in the middle of the argument list, and what decoding gives back.

import { describe, expect, it } from 'vitest';
import { Api, deserialize } from '../generated/layer214/index.ts';
import { encodeError } from './encode-error.ts';
import { hex, toHex } from './hex.ts';

// requestPeerTypeUser#5f3b8a00 flags:# bot:flags.0?Bool premium:flags.1?Bool = RequestPeerType;
describe('flags.N?Bool', () => {
  it('writes false as present: bit set, boolFalse written', () => {
    const value = new Api.RequestPeerTypeUser({ bot: false });
    expect(toHex(value.serialize())).toBe(
      toHex(
        hex(
          '008a3b5f', // requestPeerTypeUser#5f3b8a00
          '01000000', // flags: bot (bit 0)
          '379779bc', // bot: boolFalse
        ),
      ),
    );
    expect(deserialize(value.serialize())).toStrictEqual(value);
  });

  it('treats undefined and null as absent and decodes an absent field as undefined', () => {
    const bytes = hex('008a3b5f', '02000000', 'b5757299'); // flags: premium (bit 1); premium: boolTrue
    expect(toHex(new Api.RequestPeerTypeUser({ bot: undefined, premium: true }).serialize())).toBe(
      toHex(bytes),
    );
    expect(toHex(new Api.RequestPeerTypeUser({ bot: null as never, premium: true }).serialize())).toBe(
      toHex(bytes),
    );
    const decoded = deserialize(bytes);
    expect(decoded).toStrictEqual(new Api.RequestPeerTypeUser({ premium: true }));
    expect(Object.hasOwn(decoded, 'bot') && (decoded as Api.RequestPeerTypeUser).bot).toBe(undefined);
  });
});

// user#20b1422 flags:# self:flags.10?true … bot:flags.14?true … flags2:# bot_can_edit:flags2.1?true …
//   id:long access_hash:flags.0?long … bot_info_version:flags.14?int … usernames:flags2.0?Vector<Username> …
describe('a shared bit with a true field (user: bot and bot_info_version on flags.14)', () => {
  const botBytes = hex(
    '22140b02', // user#020b1422
    '00400000', // flags: bit 14
    '00000000', // flags2
    '01000000 00000000', // id:long 1
    '03000000', // bot_info_version 3
  );

  it('sets the bit once when both are present', () => {
    const user = new Api.User({ id: 1, bot: true, botInfoVersion: 3 });
    expect(toHex(user.serialize())).toBe(toHex(botBytes));
    expect(deserialize(botBytes)).toStrictEqual(user);
  });

  it('rejects the true field alone: the int on the same bit must be present', () => {
    const error = encodeError(() => new Api.User({ id: 1, bot: true }));
    expect(error.kind).toBe('flags');
    expect(error.path).toEqual(['User', 'botInfoVersion']);
    expect(error.message).toBe(
      'User.botInfoVersion: flags.14 is shared by bot, botInfoVersion: bot set it, so botInfoVersion must be present too',
    );
  });

  it('sets the bit for the int alone, so the true field decodes as true', () => {
    const user = new Api.User({ id: 1, botInfoVersion: 3 });
    expect(toHex(user.serialize())).toBe(toHex(botBytes));
    expect((deserialize(botBytes) as Api.User).bot).toBe(true);
  });

  it('decodes a clear true bit as undefined, matching an object built without it', () => {
    const bytes = hex('22140b02', '00000000', '00000000', '01000000 00000000');
    const decoded = deserialize(bytes) as Api.User;
    expect(decoded.bot).toBeUndefined();
    expect(decoded).toStrictEqual(new Api.User({ id: 1 }));
  });

  it('treats false in a true flag as absent and rejects a non-boolean', () => {
    expect(toHex(new Api.User({ id: 1, self: false }).serialize())).toBe(
      toHex(hex('22140b02', '00000000', '00000000', '01000000 00000000')),
    );
    const error = encodeError(() => new Api.User({ id: 1, self: 1 as unknown as boolean }));
    expect(error.kind).toBe('type');
    expect(error.path).toEqual(['User', 'self']);
  });
});

describe('flags2 in the middle of the argument list, and an empty vector', () => {
  it('writes flags2 after the flags-true fields and before id; [] is present', () => {
    const user = new Api.User({ id: 1, botCanEdit: true, usernames: [] });
    const bytes = hex(
      '22140b02', // user#020b1422
      '00000000', // flags
      '03000000', // flags2: usernames (bit 0) | bot_can_edit (bit 1)
      '01000000 00000000', // id
      '15c4b51c 00000000', // usernames: empty Vector
    );
    expect(toHex(user.serialize())).toBe(toHex(bytes));
    const decoded = deserialize(bytes) as Api.User;
    expect(decoded.usernames).toEqual([]);
    expect(decoded).toStrictEqual(user);
  });
});

// message#9815cec8 … views:flags.10?int forwards:flags.10?int …
describe('a shared bit of two value fields (message: views and forwards on flags.10)', () => {
  const base = { id: 1, peerId: new Api.PeerUser({ userId: 1 }), date: 0, message: '' };

  it('writes both when both are present', () => {
    const message = new Api.Message({ ...base, views: 5, forwards: 6 });
    const bytes = hex(
      'c8ce1598', // message#9815cec8
      '00040000', // flags: bit 10
      '00000000', // flags2
      '01000000', // id
      '22175159 01000000 00000000', // peer_id: peerUser#59511722 user_id:long 1
      '00000000', // date
      '00000000', // message ''
      '05000000', // views
      '06000000', // forwards
    );
    expect(toHex(message.serialize())).toBe(toHex(bytes));
    expect(deserialize(bytes)).toStrictEqual(message);
  });

  it('names the missing field when only one is present', () => {
    const error = encodeError(() => new Api.Message({ ...base, views: 5 }));
    expect(error.kind).toBe('flags');
    expect(error.path).toEqual(['Message', 'forwards']);
    const other = encodeError(() => new Api.Message({ ...base, forwards: 6 }));
    expect(other.path).toEqual(['Message', 'views']);
  });
});

describe('flag bits no field uses', () => {
  // requestPeerTypeUser uses bits 0 and 1 only; bit 5 would be lost on re-encoding.
  const bytes = hex('008a3b5f', '21000000', '379779bc'); // flags: bit 0 (bot) | bit 5; bot: boolFalse

  it('are a decode error in strict mode (the default)', () => {
    expect(() => deserialize(bytes)).toThrow(
      'at byte 4 reading requestPeerTypeUser (requestPeerTypeUser.flags): flags: flags word 0x21 has bits 0x20 that no field uses',
    );
  });

  it('are ignored in lenient mode', () => {
    expect(deserialize(bytes, { strict: false })).toStrictEqual(new Api.RequestPeerTypeUser({ bot: false }));
  });
});
