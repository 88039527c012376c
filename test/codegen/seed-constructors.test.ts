// The constructors the seed documents quote (dataJSON, bots.sendCustomRequest, messages.startBot and
// the seven Updates constructors), in layer 122 and in layer 214: exact bytes worked out field by
// field from the TL line and TL-NOTES §4, and decoding back to an equal object.

import { describe, expect, it } from 'vitest';
import * as layer122 from '../../packages/layers/src/layer122/index.ts';
import * as layer214 from '../generated/layer214/index.ts';
import { hex, toHex } from './hex.ts';

interface SeedCase {
  name: string;
  make: () => { serialize(): Uint8Array };
  expected: Uint8Array;
}

function checkCases(deserialize: (bytes: Uint8Array) => unknown, cases: SeedCase[]) {
  for (const c of cases) {
    it(`${c.name} serializes to the hand-derived bytes`, () => {
      expect(toHex(c.make().serialize())).toBe(toHex(c.expected));
    });
    it(`${c.name} deserializes to an equal object that re-serializes identically`, () => {
      const decoded = deserialize(c.expected) as { serialize(): Uint8Array };
      expect(decoded).toStrictEqual(c.make());
      expect(toHex(decoded.serialize())).toBe(toHex(c.expected));
    });
  }
}

describe('layer 122 (the seed documents)', () => {
  const { Api, deserialize } = layer122;
  it('is layer 122', () => {
    expect(layer122.LAYER).toBe(122);
  });

  it('encodes the seed example exactly (messages.startBot)', () => {
    const request = new Api.messages.StartBot({
      bot: new Api.InputUser({ userId: 777000, accessHash: '-5233957211358339213' }),
      peer: new Api.InputPeerSelf(),
      randomId: 6414074,
      startParam: 'ref_42',
    });
    const bytes = request.serialize();
    expect(toHex(bytes)).toBe(
      '7873dfe6 162829d8 28db0b00 735f649f a53f5db7 c97ea07d fade6100 00000000 06726566 5f343200',
    );
    expect(deserialize(bytes)).toStrictEqual(request);
  });

  checkCases(deserialize, [
    {
      name: 'dataJSON',
      make: () => new Api.DataJSON({ data: '{"a":1}' }),
      expected: hex(
        '048d747d', // dataJSON#7d748d04
        '077b2261 223a317d', // data: length 7, '{"a":1}', no padding needed
      ),
    },
    {
      name: 'bots.sendCustomRequest',
      make: () =>
        new Api.bots.SendCustomRequest({ customMethod: 'ping', params: new Api.DataJSON({ data: '{}' }) }),
      expected: hex(
        'ed6927aa', // bots.sendCustomRequest#aa2769ed
        '0470696e 67000000', // custom_method: length 4, 'ping', 3 bytes padding
        '048d747d', // params: boxed dataJSON#7d748d04
        '027b7d00', // data: length 2, '{}', 1 byte padding
      ),
    },
    {
      name: 'messages.startBot',
      make: () =>
        new Api.messages.StartBot({
          bot: new Api.InputUser({ userId: 777000, accessHash: '-5233957211358339213' }),
          peer: new Api.InputPeerSelf(),
          randomId: 6414074,
          startParam: 'ref_42',
        }),
      expected: hex(
        '7873dfe6', // messages.startBot#e6df7378
        '162829d8', // bot: inputUser#d8292816
        '28db0b00', // user_id:int 777000
        '735f649f a53f5db7', // access_hash:long -5233957211358339213
        'c97ea07d', // peer: inputPeerSelf#7da07ec9
        'fade6100 00000000', // random_id:long 6414074
        '06726566 5f343200', // start_param: length 6, 'ref_42', 1 byte padding
      ),
    },
    {
      name: 'updatesTooLong',
      make: () => new Api.UpdatesTooLong(),
      expected: hex('7eaf17e3'), // updatesTooLong#e317af7e
    },
    {
      name: 'updateShortMessage',
      make: () =>
        new Api.UpdateShortMessage({
          out: true,
          silent: true,
          id: 42,
          userId: 777000,
          message: 'hi',
          pts: 100,
          ptsCount: 1,
          date: 1600000000,
          viaBotId: 93372553,
          entities: [new Api.MessageEntityBold({ offset: 0, length: 2 })],
        }),
      expected: hex(
        'c8d29622', // updateShortMessage#2296d2c8
        '82280000', // flags: out (bit 1) | entities (7) | via_bot_id (11) | silent (13) = 0x2882
        '2a000000', // id 42
        '28db0b00', // user_id:int 777000
        '02686900', // message 'hi'
        '64000000', // pts 100
        '01000000', // pts_count 1
        '00105e5f', // date 1600000000
        '89c09005', // via_bot_id:int 93372553 (fwd_from, bit 2, absent before it)
        '15c4b51c 01000000', // entities: Vector, 1 element (reply_to, bit 3, absent before it)
        'c90b61bd 00000000 02000000', // messageEntityBold#bd610bc9 offset 0 length 2
      ),
    },
    {
      name: 'updateShortChatMessage',
      make: () =>
        new Api.UpdateShortChatMessage({
          mentioned: true,
          id: 1,
          fromId: 2,
          chatId: 3,
          message: '',
          pts: 4,
          ptsCount: 1,
          date: 5,
        }),
      expected: hex(
        'bb5d2d40', // updateShortChatMessage#402d5dbb
        '10000000', // flags: mentioned (bit 4)
        '01000000', // id
        '02000000', // from_id:int
        '03000000', // chat_id:int
        '00000000', // message '' (length 0, 3 bytes padding)
        '04000000', // pts
        '01000000', // pts_count
        '05000000', // date
      ),
    },
    {
      name: 'updateShort',
      make: () =>
        new Api.UpdateShort({
          update: new Api.UpdateUserTyping({ userId: 777000, action: new Api.SendMessageTypingAction() }),
          date: 1600000000,
        }),
      expected: hex(
        'c1ded478', // updateShort#78d4dec1
        '2769485c', // update: updateUserTyping#5c486927
        '28db0b00', // user_id:int 777000
        '4e74bf16', // action: sendMessageTypingAction#16bf744e
        '00105e5f', // date
      ),
    },
    {
      name: 'updatesCombined',
      make: () =>
        new Api.UpdatesCombined({
          updates: [],
          users: [new Api.UserEmpty({ id: 5 })],
          chats: [new Api.ChatEmpty({ id: 6 })],
          date: 1600000000,
          seqStart: 7,
          seq: 8,
        }),
      expected: hex(
        'c3045b72', // updatesCombined#725b04c3
        '15c4b51c 00000000', // updates: empty Vector
        '15c4b51c 01000000', // users: Vector, 1 element
        'ba500220 05000000', // userEmpty#200250ba id:int 5
        '15c4b51c 01000000', // chats: Vector, 1 element
        '00d8a29b 06000000', // chatEmpty#9ba2d800 id:int 6
        '00105e5f', // date
        '07000000', // seq_start
        '08000000', // seq
      ),
    },
    {
      name: 'updates',
      make: () =>
        new Api.Updates({
          updates: [new Api.UpdateUserTyping({ userId: 777000, action: new Api.SendMessageTypingAction() })],
          users: [],
          chats: [],
          date: 1600000000,
          seq: 9,
        }),
      expected: hex(
        '4042ae74', // updates#74ae4240
        '15c4b51c 01000000', // updates: Vector, 1 element
        '2769485c 28db0b00 4e74bf16', // updateUserTyping 777000 sendMessageTypingAction
        '15c4b51c 00000000', // users: empty
        '15c4b51c 00000000', // chats: empty
        '00105e5f', // date
        '09000000', // seq
      ),
    },
    {
      name: 'updateShortSentMessage',
      make: () =>
        new Api.UpdateShortSentMessage({
          out: true,
          id: 10,
          pts: 11,
          ptsCount: 1,
          date: 1600000000,
          media: new Api.MessageMediaEmpty(),
        }),
      expected: hex(
        '1c33f111', // updateShortSentMessage#11f1331c
        '02020000', // flags: out (bit 1) | media (bit 9) = 0x202
        '0a000000', // id
        '0b000000', // pts
        '01000000', // pts_count
        '00105e5f', // date
        '2063ed3d', // media: messageMediaEmpty#3ded6320
      ),
    },
  ]);
});

describe("layer 214 (teleproto's layer)", () => {
  const { Api, deserialize } = layer214;
  it('is layer 214', () => {
    expect(layer214.LAYER).toBe(214);
  });

  checkCases(deserialize, [
    {
      name: 'dataJSON',
      make: () => new Api.DataJSON({ data: '{"a":1}' }),
      expected: hex('048d747d', '077b2261 223a317d'),
    },
    {
      name: 'bots.sendCustomRequest',
      make: () =>
        new Api.bots.SendCustomRequest({ customMethod: 'ping', params: new Api.DataJSON({ data: '{}' }) }),
      expected: hex('ed6927aa', '0470696e 67000000', '048d747d', '027b7d00'),
    },
    {
      name: 'messages.startBot',
      make: () =>
        new Api.messages.StartBot({
          bot: new Api.InputUser({ userId: 777000, accessHash: '-5233957211358339213' }),
          peer: new Api.InputPeerSelf(),
          randomId: 6414074,
          startParam: 'ref_42',
        }),
      expected: hex(
        '7873dfe6', // messages.startBot#e6df7378 (unchanged since 122)
        'c65811f2', // bot: inputUser#f21158c6 (user_id became a long)
        '28db0b00 00000000', // user_id:long 777000
        '735f649f a53f5db7', // access_hash
        'c97ea07d', // peer: inputPeerSelf
        'fade6100 00000000', // random_id
        '06726566 5f343200', // start_param 'ref_42'
      ),
    },
    {
      name: 'updatesTooLong',
      make: () => new Api.UpdatesTooLong(),
      expected: hex('7eaf17e3'),
    },
    {
      name: 'updateShortMessage',
      make: () =>
        new Api.UpdateShortMessage({
          out: true,
          id: 42,
          userId: 777000,
          message: 'hi',
          pts: 100,
          ptsCount: 1,
          date: 1600000000,
          viaBotId: 93372553,
          entities: [new Api.MessageEntityBold({ offset: 0, length: 2 })],
          ttlPeriod: 86400,
        }),
      expected: hex(
        'f8c73b31', // updateShortMessage#313bc7f8
        '82080002', // flags: out (1) | entities (7) | via_bot_id (11) | ttl_period (25) = 0x02000882
        '2a000000', // id
        '28db0b00 00000000', // user_id:long 777000
        '02686900', // message 'hi'
        '64000000', // pts
        '01000000', // pts_count
        '00105e5f', // date
        '89c09005 00000000', // via_bot_id:long 93372553
        '15c4b51c 01000000 c90b61bd 00000000 02000000', // entities [messageEntityBold 0 2]
        '80510100', // ttl_period 86400
      ),
    },
    {
      name: 'updateShortChatMessage',
      make: () =>
        new Api.UpdateShortChatMessage({
          mentioned: true,
          id: 1,
          fromId: 2,
          chatId: 3,
          message: '',
          pts: 4,
          ptsCount: 1,
          date: 5,
        }),
      expected: hex(
        'a5ee6d4d', // updateShortChatMessage#4d6deea5
        '10000000', // flags: mentioned (bit 4)
        '01000000', // id
        '02000000 00000000', // from_id:long
        '03000000 00000000', // chat_id:long
        '00000000', // message ''
        '04000000 01000000 05000000', // pts, pts_count, date
      ),
    },
    {
      name: 'updateShort',
      make: () =>
        new Api.UpdateShort({
          update: new Api.UpdateUserTyping({ userId: 777000, action: new Api.SendMessageTypingAction() }),
          date: 1600000000,
        }),
      expected: hex(
        'c1ded478', // updateShort#78d4dec1
        '7f851ec0', // updateUserTyping#c01e857f
        '28db0b00 00000000', // user_id:long
        '4e74bf16', // sendMessageTypingAction
        '00105e5f', // date
      ),
    },
    {
      name: 'updatesCombined',
      make: () =>
        new Api.UpdatesCombined({
          updates: [],
          users: [new Api.UserEmpty({ id: 5 })],
          chats: [new Api.ChatEmpty({ id: 6 })],
          date: 1600000000,
          seqStart: 7,
          seq: 8,
        }),
      expected: hex(
        'c3045b72', // updatesCombined#725b04c3
        '15c4b51c 00000000', // updates: empty
        '15c4b51c 01000000 7a4bbcd3 05000000 00000000', // users: [userEmpty#d3bc4b7a id:long 5]
        '15c4b51c 01000000 65285629 06000000 00000000', // chats: [chatEmpty#29562865 id:long 6]
        '00105e5f 07000000 08000000', // date, seq_start, seq
      ),
    },
    {
      name: 'updates',
      make: () =>
        new Api.Updates({
          updates: [new Api.UpdateUserTyping({ userId: 777000, action: new Api.SendMessageTypingAction() })],
          users: [],
          chats: [],
          date: 1600000000,
          seq: 9,
        }),
      expected: hex(
        '4042ae74', // updates#74ae4240
        '15c4b51c 01000000 7f851ec0 28db0b00 00000000 4e74bf16', // updates: [updateUserTyping]
        '15c4b51c 00000000 15c4b51c 00000000', // users, chats: empty
        '00105e5f 09000000', // date, seq
      ),
    },
    {
      name: 'updateShortSentMessage',
      make: () =>
        new Api.UpdateShortSentMessage({
          out: true,
          id: 10,
          pts: 11,
          ptsCount: 1,
          date: 1600000000,
          media: new Api.MessageMediaEmpty(),
        }),
      expected: hex(
        '01e11590', // updateShortSentMessage#9015e101
        '02020000', // flags: out (1) | media (9)
        '0a000000 0b000000 01000000 00105e5f', // id, pts, pts_count, date
        '2063ed3d', // media: messageMediaEmpty
      ),
    },
  ]);
});
