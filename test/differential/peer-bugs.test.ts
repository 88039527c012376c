// Proof of every peer bug the differential tests skip (peer-bugs.ts): for each, a tiny value, the
// peer's wrong bytes (or exception), and our bytes written out by hand from the schema line, so the
// skipped cases are still pinned by exact expectations on our side.

import { createRequire } from 'node:module';
import { crc32 } from '@tlforge/runtime';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as layer122 from '../../packages/layers/src/layer122/index.ts';
import { hex, toHex } from '../codegen/hex.ts';
import * as layer214 from '../generated/layer214/index.ts';
import type { GeneratedModule } from '../property/schema-sets.ts';
import { gramjs, type Peer, peerClass, teleproto } from './peer-api.ts';
import { absentFromPeer, peerBugs } from './peer-bugs.ts';

const require = createRequire(import.meta.url);
const bigInt = require('big-integer') as (v: number | string) => unknown;

let peers: { gramjs: Peer; teleproto: Peer };

beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  peers = { gramjs: gramjs(), teleproto: teleproto() };
});
afterAll(() => {
  vi.restoreAllMocks();
});

/** `new peer.Api[className](args).getBytes()` as hex words, or the exception it throws. */
function peerBytes(peer: Peer, className: string, args: Record<string, unknown>): string {
  const cls = peerClass(peer, className);
  if (cls === undefined) throw new Error(`${peer.name} has no ${className}`);
  return toHex(new Uint8Array(new cls(args).getBytes()));
}

function ours(value: { serialize(): Uint8Array }): string {
  return toHex(value.serialize());
}

describe('the list of skipped peer bugs', () => {
  it('has a proof below for each entry', () => {
    expect(peerBugs.map((b) => b.id)).toEqual([
      'bool-false-flag-dropped',
      'bare-vector-elements-boxed',
      'id-less-line-hashed-without-arguments',
      'random-id-zero-replaced',
      'patched-message-id-zero',
      'patched-message-rewrites-peer-ids',
    ]);
  });
});

// peerNotifySettings#af509d20 flags:# show_previews:flags.0?Bool silent:flags.1?Bool mute_until:flags.2?int
//   sound:flags.3?string = PeerNotifySettings;  (layer 122)
describe('bool-false-flag-dropped (telegram@1.5.27)', () => {
  it('GramJS writes showPreviews: false as absent; we set bit 0 and write boolFalse', () => {
    expect(peerBytes(peers.gramjs, 'PeerNotifySettings', { showPreviews: false })).toBe(
      toHex(hex('209d50af', '00000000')),
    );
    expect(ours(new layer122.Api.PeerNotifySettings({ showPreviews: false }))).toBe(
      toHex(hex('209d50af', '01000000', '379779bc')),
    );
  });

  it('teleproto (layer 214) writes it correctly, so it is compared there', () => {
    // peerNotifySettings#99622c0c flags:# show_previews:flags.0?Bool …
    expect(peerBytes(peers.teleproto, 'PeerNotifySettings', { showPreviews: false })).toBe(
      ours(new layer214.Api.PeerNotifySettings({ showPreviews: false })),
    );
  });
});

// future_salt#0949d9dc valid_since:int valid_until:int salt:long = FutureSalt;
// future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt> = FutureSalts;
describe('bare-vector-elements-boxed (both peers)', () => {
  const expected = toHex(
    hex(
      '950850ae', // future_salts
      '01000000 00000000', // req_msg_id
      '02000000', // now
      '01000000', // salts: bare vector, 1 element, no vector id
      '03000000 04000000 05000000 00000000', // future_salt, bare: no id
    ),
  );

  it.each(['gramjs', 'teleproto'] as const)('%s writes the bare future_salt with its id dcd94909', (name) => {
    const peer = peers[name];
    const salt = new (peerClass(peer, 'FutureSalt')!)({ validSince: 3, validUntil: 4, salt: bigInt(5) });
    expect(peerBytes(peer, 'FutureSalts', { reqMsgId: bigInt(1), now: 2, salts: [salt] })).toBe(
      toHex(
        hex(
          '950850ae',
          '01000000 00000000',
          '02000000',
          '01000000',
          'dcd94909',
          '03000000 04000000 05000000 00000000',
        ),
      ),
    );
  });

  it.each([
    ['layer214', layer214.Api],
    ['layer122', layer122.Api],
  ] as const)('%s writes and reads it bare', (_, Api) => {
    const value = new Api.FutureSalts({
      reqMsgId: 1,
      now: 2,
      salts: [new Api.FutureSalt({ validSince: 3, validUntil: 4, salt: 5 })],
    });
    expect(ours(value)).toBe(expected);
  });
});

// tlsBlockRandom length:int = TlsBlock;  (mtproto schema, no #id: computed from the whole line)
describe('id-less-line-hashed-without-arguments (both peers)', () => {
  const ascii = (s: string) => new TextEncoder().encode(s);

  it.each(['gramjs', 'teleproto'] as const)(
    '%s gives tlsBlockRandom the id of "tlsBlockRandom = TlsBlock"',
    (name) => {
      expect(crc32(ascii('tlsBlockRandom = TlsBlock'))).toBe(0xc2aab288);
      expect(peerBytes(peers[name], 'TlsBlockRandom', { length: 2 })).toBe(
        toHex(hex('88b2aac2', '02000000')),
      );
    },
  );

  it.each([
    ['layer214', layer214.Api],
    ['layer122', layer122.Api],
  ] as const)('%s uses crc32 of the normalized line (TL-NOTES §3)', (_, Api) => {
    expect(crc32(ascii('tlsBlockRandom length:int = TlsBlock'))).toBe(0x4d4dc41e);
    expect(ours(new Api.TlsBlockRandom({ length: 2 }))).toBe(toHex(hex('1ec44d4d', '02000000')));
  });
});

// messages.requestEncryption#f64daf43 user_id:InputUser random_id:int g_a:bytes = EncryptedChat;
describe('random-id-zero-replaced (both peers)', () => {
  it.each(['gramjs', 'teleproto'] as const)('%s replaces randomId 0 by a random long and throws', (name) => {
    const peer = peers[name];
    const self = new (peerClass(peer, 'InputUserSelf')!)({});
    expect(() =>
      peerBytes(peer, 'messages.RequestEncryption', { userId: self, randomId: 0, gA: Buffer.alloc(0) }),
    ).toThrow(RangeError);
  });

  it.each([
    ['layer214', layer214.Api],
    ['layer122', layer122.Api],
  ] as const)('%s writes randomId 0 as 0', (_, Api) => {
    const value = new Api.messages.RequestEncryption({
      userId: new Api.InputUserSelf(),
      randomId: 0,
      gA: new Uint8Array(0),
    });
    expect(ours(value)).toBe(toHex(hex('43af4df6', '3fb1c1f7', '00000000', '00000000')));
  });
});

// messageEmpty#90a6ca84 flags:# id:int peer_id:flags.0?Peer = Message;  (layer 214)
describe('patched-message-id-zero (teleproto)', () => {
  it('teleproto refuses to construct a messageEmpty with id 0', () => {
    expect(() => peerBytes(peers.teleproto, 'MessageEmpty', { id: 0 })).toThrow(
      'id is a required attribute for Message',
    );
  });

  it('we write it', () => {
    expect(ours(new layer214.Api.MessageEmpty({ id: 0 }))).toBe(
      toHex(hex('84caa690', '00000000', '00000000')),
    );
  });
});

// messageService#7a800e0a flags:# … id:int from_id:flags.8?Peer peer_id:Peer … date:int action:MessageAction …
// peerChannel#a2a5371e channel_id:long = Peer;  peerUser#59511722 user_id:long = Peer;  (layer 214)
describe('patched-message-rewrites-peer-ids (teleproto)', () => {
  const expected = (channelId: string) =>
    toHex(
      hex(
        '0a0e807a', // messageService
        '00010000', // flags: from_id (bit 8)
        '01000000', // id
        '1e37a5a2', // from_id: peerChannel
        channelId,
        '22175159 05000000 00000000', // peer_id: peerUser(5)
        '00000000', // date
        'b0f7aeb6', // action: messageActionEmpty
      ),
    );

  it('teleproto writes fromId peerChannel(-3) as peerChannel(3)', () => {
    const { teleproto: peer } = peers;
    const channel = new (peerClass(peer, 'PeerChannel')!)({ channelId: bigInt(-3) });
    const user = new (peerClass(peer, 'PeerUser')!)({ userId: bigInt(5) });
    const action = new (peerClass(peer, 'MessageActionEmpty')!)({});
    expect(peerBytes(peer, 'MessageService', { id: 1, fromId: channel, peerId: user, date: 0, action })).toBe(
      expected('03000000 00000000'),
    );
  });

  it('we write the id we were given', () => {
    const { Api } = layer214;
    const value = new Api.MessageService({
      id: 1,
      fromId: new Api.PeerChannel({ channelId: -3 }),
      peerId: new Api.PeerUser({ userId: 5 }),
      date: 0,
      action: new Api.MessageActionEmpty(),
    });
    expect(ours(value)).toBe(expected('fdffffff ffffffff'));
  });
});

// error#c4b9f9bb code:int text:string = Error;  null#56730bcc = Null;  and the service definitions that
// the peers' schema copies comment out (TL-NOTES §1).
describe('definitions absent from the peers', () => {
  it.each(['gramjs', 'teleproto'] as const)('%s has no class for them', (name) => {
    const peer = peers[name];
    for (const className of [
      'Error',
      'Null',
      'RpcResult',
      'mtproto.Message',
      'MsgContainer',
      'MsgCopy',
      'GzipPacked',
    ]) {
      expect(peerClass(peer, className), className).toBeUndefined();
    }
    expect(absentFromPeer[peer.name]).toHaveLength(7);
  });

  it.each([
    ['layer214', layer214],
    ['layer122', layer122],
  ] as const)('%s writes and reads them with exact bytes', (_, module) => {
    const { Api } = module;
    const cases: Array<[{ serialize(): Uint8Array }, string]> = [
      [new Api.Error({ code: 400, text: 'Hi' }), 'bbf9b9c4 90010000 02486900'],
      [new Api.Null(), 'cc0b7356'],
      [
        new Api.RpcResult({ reqMsgId: 7, result: hex('cc0b7356') }),
        '016d5cf3 07000000 00000000 cc0b7356', // rpc_result, req_msg_id, result: null
      ],
      [
        new Api.MsgContainer({
          messages: [new Api.mtproto.Message({ msgId: 9, seqno: 1, bytes: 4, body: new Api.Null() })],
        }),
        // msg_container, count 1, message (bare): msg_id, seqno, bytes = 4, body: null
        'dcf8f173 01000000 09000000 00000000 01000000 04000000 cc0b7356',
      ],
      [
        new Api.MsgCopy({
          origMessage: new Api.mtproto.Message({ msgId: 9, seqno: 1, bytes: 4, body: new Api.Null() }),
        }),
        // msg_copy, orig_message: boxed message 5bb8e511
        'b24660e0 11e5b85b 09000000 00000000 01000000 04000000 cc0b7356',
      ],
    ];
    for (const [value, bytes] of cases) {
      expect(ours(value)).toBe(toHex(hex(bytes)));
      const decoded = (module as unknown as GeneratedModule).deserialize(hex(bytes));
      expect(decoded).toStrictEqual(value);
    }
  });
});
