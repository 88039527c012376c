// Bare constructor types and bare vectors in both directions (future_salts, msg_container,
// tlsClientHello), msg_container's computed body length, and rpc_result whose result stays raw bytes
// until the request reads it.

import { gzipSync } from 'node:zlib';
import bigInt from 'big-integer';
import { describe, expect, it } from 'vitest';
import { Api, deserialize } from '../generated/layer214/index.ts';
import { encodeError } from './encode-error.ts';
import { hex, toHex } from './hex.ts';

// future_salt#0949d9dc valid_since:int valid_until:int salt:long = FutureSalt;
// future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt> = FutureSalts;
describe('future_salts: a bare vector of bare future_salt', () => {
  const salts = () =>
    new Api.FutureSalts({
      reqMsgId: 1,
      now: 100,
      salts: [
        new Api.FutureSalt({ validSince: 10, validUntil: 20, salt: 30 }),
        new Api.FutureSalt({ validSince: 20, validUntil: 30, salt: -1 }),
      ],
    });
  const bytes = hex(
    '950850ae', // future_salts#ae500895
    '01000000 00000000', // req_msg_id
    '64000000', // now 100
    '02000000', // salts: count only (bare vector)
    '0a000000 14000000 1e000000 00000000', // future_salt fields only (bare): 10, 20, 30
    '14000000 1e000000 ffffffff ffffffff', // 20, 30, -1
  );

  it('writes no vector id and no element ids', () => {
    expect(toHex(salts().serialize())).toBe(toHex(bytes));
  });

  it('reads it back', () => {
    expect(deserialize(bytes)).toStrictEqual(salts());
  });

  it('rejects another constructor as a bare element', () => {
    const error = encodeError(
      () =>
        new Api.FutureSalts({ reqMsgId: 1, now: 1, salts: [new Api.Pong({ msgId: 1, pingId: 2 }) as never] }),
    );
    expect(error.kind).toBe('type');
    expect(error.path).toEqual(['FutureSalts', 'salts[0]']);
  });

  it('still serializes a future_salt on its own boxed', () => {
    expect(toHex(new Api.FutureSalt({ validSince: 1, validUntil: 2, salt: 3 }).serialize())).toBe(
      toHex(hex('dcd94909', '01000000 02000000 03000000 00000000')),
    );
  });
});

// message msg_id:long seqno:int bytes:int body:Object = Message;  (mtproto.message, id 5bb8e511)
// msg_container#73f1f8dc messages:vector<message> = MessageContainer;
describe('msg_container with two messages', () => {
  const bytes = hex(
    'dcf8f173', // msg_container#73f1f8dc
    '02000000', // messages: count only
    '01000000 00000000', // msg_id 1 (bare message: no id)
    '01000000', // seqno 1
    '0c000000', // bytes: the body takes 12
    'ec77be7a 9a020000 00000000', // body: ping#7abe77ec ping_id 666
    '02000000 00000000', // msg_id 2
    '03000000', // seqno 3
    '14000000', // bytes: 20
    '59b4d662 15c4b51c 01000000 05000000 00000000', // body: msgs_ack#62d6b459 msg_ids [5]
  );

  it('computes each body length on write', () => {
    const container = new Api.MsgContainer({
      messages: [
        new Api.mtproto.Message({ msgId: 1, seqno: 1, body: new Api.Ping({ pingId: 666 }) }),
        new Api.mtproto.Message({ msgId: 2, seqno: 3, body: new Api.MsgsAck({ msgIds: [5] }) }),
      ],
    });
    expect(toHex(container.serialize())).toBe(toHex(bytes));
  });

  it('reads every body within its length, the request body included', () => {
    const decoded = deserialize(bytes);
    expect(decoded).toStrictEqual(
      new Api.MsgContainer({
        messages: [
          new Api.mtproto.Message({ msgId: 1, seqno: 1, bytes: 12, body: new Api.Ping({ pingId: 666 }) }),
          new Api.mtproto.Message({ msgId: 2, seqno: 3, bytes: 20, body: new Api.MsgsAck({ msgIds: [5] }) }),
        ],
      }),
    );
    expect(toHex((decoded as Api.MsgContainer).serialize())).toBe(toHex(bytes));
  });

  it('rejects a given bytes that is not the body length', () => {
    const error = encodeError(
      () =>
        new Api.MsgContainer({
          messages: [
            new Api.mtproto.Message({ msgId: 1, seqno: 1, bytes: 16, body: new Api.Ping({ pingId: 1 }) }),
          ],
        }),
    );
    expect(error.kind).toBe('length');
    expect(error.path).toEqual(['MsgContainer', 'messages[0]', 'bytes']);
    expect(error.message).toBe('MsgContainer.messages[0].bytes: is 16 but the body takes 12 bytes');
  });

  it('carries a Bool or a boxed Vector as an Object body, both ways', () => {
    const container = hex(
      'dcf8f173 02000000',
      '03000000 00000000 02000000 04000000', // msg_id 3, seqno 2, bytes 4
      'b5757299', // body: boolTrue
      '04000000 00000000 04000000 10000000', // msg_id 4, seqno 4, bytes 16
      '15c4b51c 02000000 379779bc b5757299', // body: Vector of boxed [boolFalse, boolTrue]
    );
    const expected = new Api.MsgContainer({
      messages: [
        new Api.mtproto.Message({ msgId: 3, seqno: 2, bytes: 4, body: true }),
        new Api.mtproto.Message({ msgId: 4, seqno: 4, bytes: 16, body: [false, true] }),
      ],
    });
    expect(deserialize(container)).toStrictEqual(expected);
    expect(toHex(expected.serialize())).toBe(toHex(container));
  });

  it('rejects a body that overruns its length', () => {
    const short = hex(
      'dcf8f173 01000000',
      '01000000 00000000 01000000',
      '08000000',
      'ec77be7a 9a020000 00000000',
    );
    expect(() => deserialize(short)).toThrow(
      'at byte 28 reading ping (msg_container.messages[0].body.pingId): truncated: needs 8 bytes, 4 remain',
    );
  });
});

// rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult;
describe('rpc_result keeps its result raw for the request to read', () => {
  it('keeps the bytes and lets request.readResult decode them (Vector<long>)', () => {
    const bytes = hex(
      '016d5cf3', // rpc_result#f35c6d01
      '07000000 00000000', // req_msg_id 7
      '15c4b51c 01000000 09000000 00000000', // result: Vector<long> [9], kept raw
    );
    const rpcResult = deserialize(bytes) as Api.RpcResult;
    expect(rpcResult.reqMsgId).toStrictEqual(bigInt(7));
    expect(toHex(rpcResult.result)).toBe('15c4b51c 01000000 09000000 00000000');
    expect(new Api.messages.ReceivedQueue({ maxQts: 1 }).readResult(rpcResult.result)).toStrictEqual([
      bigInt(9),
    ]);
    expect(toHex(rpcResult.serialize())).toBe(toHex(bytes));
  });

  it('reads a gzip_packed result through readResult', () => {
    const packed = gzipSync(hex('b5757299')); // boolTrue
    const result = new Api.GzipPacked({ packedData: packed }).serialize();
    const rpcResult = deserialize(new Api.RpcResult({ reqMsgId: 1, result }).serialize()) as Api.RpcResult;
    expect(new Api.auth.ResetAuthorizations().readResult(rpcResult.result)).toBe(true);
  });

  it('takes only its own body inside a msg_container', () => {
    const bytes = hex(
      'dcf8f173 02000000', // msg_container, 2 messages
      '01000000 00000000 01000000 10000000', // msg_id 1, seqno 1, bytes 16
      '016d5cf3 02000000 00000000 b5757299', // rpc_result req_msg_id 2, result boolTrue
      '03000000 00000000 02000000 14000000', // msg_id 3, seqno 2, bytes 20
      'c5737734 04000000 00000000 05000000 00000000', // pong#347773c5 msg_id 4 ping_id 5
    );
    const container = deserialize(bytes) as Api.MsgContainer;
    const rpcResult = container.messages[0].body as Api.RpcResult;
    expect(toHex(rpcResult.result)).toBe('b5757299');
    expect(container.messages[1].body).toStrictEqual(new Api.Pong({ msgId: 4, pingId: 5 }));
  });
});

// tlsClientHello blocks:vector<TlsBlock> = TlsClientHello;  (a bare vector of boxed TlsBlock)
// tlsBlockScope entries:Vector<TlsBlock> = TlsBlock;       (a boxed vector nested inside it)
describe('deserialize reads objects of the schema only', () => {
  it('rejects a bare Bool or Vector answer and points at readResult', () => {
    for (const [bytes, got] of [
      ['b5757299', 'boolean'],
      ['15c4b51c 00000000', 'array(0)'],
    ]) {
      expect(() => deserialize(hex(bytes))).toThrow(
        `at byte 0: unexpected-constructor: expected a constructor or function of the schema, got ${got}; ` +
          'read Bool and Vector answers with request.readResult',
      );
    }
  });
});

describe('tlsClientHello: nested vectors of TlsBlock', () => {
  const hello = () =>
    new Api.TlsClientHello({
      blocks: [
        new Api.TlsBlockString({ data: 'ab' }),
        new Api.TlsBlockScope({
          entries: [new Api.TlsBlockRandom({ length: 32 }), new Api.TlsBlockZero({ length: 2 })],
        }),
        new Api.TlsBlockDomain(),
      ],
    });
  const bytes = hex(
    '84c4526c', // tlsClientHello (computed id 6c52c484)
    '03000000', // blocks: count only (bare vector), elements boxed
    '64a11842 02616200', // tlsBlockString#4218a164 data 'ab'
    '4fd425e7', // tlsBlockScope#e725d44f
    '15c4b51c 02000000', // entries: boxed Vector, 2 elements
    '1ec44d4d 20000000', // tlsBlockRandom#4d4dc41e length 32
    'fb3a3309 02000000', // tlsBlockZero#09333afb length 2
    '6f63e810', // tlsBlockDomain#10e8636f
  );

  it('writes a bare vector of boxed elements with a boxed vector inside', () => {
    expect(toHex(hello().serialize())).toBe(toHex(bytes));
  });

  it('reads it back', () => {
    expect(deserialize(bytes)).toStrictEqual(hello());
  });

  it('names the nested element on error', () => {
    const error = encodeError(
      () =>
        new Api.TlsClientHello({
          blocks: [new Api.TlsBlockScope({ entries: [new Api.TlsBlockRandom({ length: 1.5 })] })],
        }),
    );
    expect(error.path).toEqual(['TlsClientHello', 'blocks[0]', 'entries[0]', 'length']);
  });
});
