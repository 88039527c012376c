// Function classes: `readResult` decodes the answer with the function's result type (bare vectors
// of long/int, Bool, boxed unions), generic functions delegate to their query, and requests
// themselves round-trip through `deserialize`.

import { gzipSync } from 'node:zlib';
import { TlDecodeError } from '@tlforge/runtime';
import type { BigInteger } from 'big-integer';
import bigInt from 'big-integer';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Api, deserialize, type ResultOf } from '../../packages/layers/src/latest/index.ts';
import { hex, toHex } from './hex.ts';

describe('readResult', () => {
  it('reads Vector<long> as bare longs (messages.receivedQueue)', () => {
    const request = new Api.messages.ReceivedQueue({ maxQts: 7 });
    const answer = hex(
      '15c4b51c 02000000', // Vector, 2 elements, no id per element
      '01000000 00000000', // 1
      'ffffffff ffffffff', // -1
    );
    const ids = request.readResult(answer);
    expectTypeOf(ids).toEqualTypeOf<BigInteger[]>();
    expect(ids).toStrictEqual([bigInt(1), bigInt(-1)]);
  });

  it('reads Vector<int> as numbers (contacts.getContactIDs)', () => {
    const ids = new Api.contacts.GetContactIDs({ hash: 0 }).readResult(
      hex('15c4b51c 02000000 05000000 faffffff'),
    );
    expectTypeOf(ids).toEqualTypeOf<number[]>();
    expect(ids).toEqual([5, -6]);
  });

  it('reads Bool (auth.resetAuthorizations) and rejects another id', () => {
    const request = new Api.auth.ResetAuthorizations();
    expectTypeOf(request.readResult).returns.toEqualTypeOf<boolean>();
    expect(request.readResult(hex('b5757299'))).toBe(true);
    expect(request.readResult(hex('379779bc'))).toBe(false);
    expect(() => request.readResult(hex('7eaf17e3'))).toThrow(TlDecodeError);
  });

  it('reads a boxed result as its union and rejects trailing bytes', () => {
    const request = new Api.messages.StartBot({
      bot: new Api.InputUserSelf(),
      peer: new Api.InputPeerSelf(),
      randomId: 1,
      startParam: '',
    });
    const updates = request.readResult(hex('7eaf17e3'));
    expectTypeOf(updates).toEqualTypeOf<Api.TypeUpdates>();
    expect(updates).toStrictEqual(new Api.UpdatesTooLong());
    expect(() => request.readResult(hex('7eaf17e3 00000000'))).toThrow(/trailing-bytes/);
  });
});

describe('generic functions (invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X)', () => {
  it('serializes invokeWithLayer(214, help.getConfig()) exactly', () => {
    const request = new Api.InvokeWithLayer({ layer: 214, query: new Api.help.GetConfig() });
    expect(toHex(request.serialize())).toBe(
      toHex(
        hex(
          '0d0d9bda', // invokeWithLayer#da9b0d0d
          'd6000000', // layer 214
          '6b18f9c4', // query: help.getConfig#c4f9186b
        ),
      ),
    );
    expectTypeOf(request.readResult).returns.toEqualTypeOf<Api.TypeConfig>();
    expectTypeOf<ResultOf<typeof request>>().toEqualTypeOf<Api.TypeConfig>();
    expect(deserialize(request.serialize())).toStrictEqual(request);
  });

  it('reads the result with the query: updates.getState inside invokeWithLayer', () => {
    const request = new Api.InvokeWithLayer({ layer: 214, query: new Api.updates.GetState() });
    const state = request.readResult(
      hex(
        '3e2a6ca5', // updates.state#a56c2a3e
        '01000000 02000000 03000000 04000000 05000000', // pts qts date seq unread_count
      ),
    );
    expectTypeOf(state).toEqualTypeOf<Api.updates.TypeState>();
    expect(state).toStrictEqual(new Api.updates.State({ pts: 1, qts: 2, date: 3, seq: 4, unreadCount: 5 }));
  });

  it('nests: invokeWithoutUpdates inside invokeWithLayer keeps the innermost result type', () => {
    const request = new Api.InvokeWithLayer({
      layer: 214,
      query: new Api.InvokeWithoutUpdates({ query: new Api.help.GetNearestDc() }),
    });
    expectTypeOf(request.readResult).returns.toEqualTypeOf<Api.TypeNearestDc>();
  });

  it('rejects a constructor where a function call must stand', () => {
    const bytes = hex('0d0d9bda d6000000 7eaf17e3'); // query: updatesTooLong, not a function
    expect(() => deserialize(bytes)).toThrow(/unexpected-constructor/);
  });
});

describe('deserialize', () => {
  it('reads a function call as well as a constructor', () => {
    const request = new Api.messages.StartBot({
      bot: new Api.InputUserSelf(),
      peer: new Api.InputPeerSelf(),
      randomId: '-1',
      startParam: 'x',
    });
    expect(deserialize(request.serialize())).toStrictEqual(request);
  });

  it('unwraps a gzip_packed object', () => {
    const inner = new Api.DataJSON({ data: '{}' });
    const packed = new Api.GzipPacked({ packedData: gzipSync(inner.serialize()) });
    expect(deserialize(packed.serialize())).toStrictEqual(inner);
  });

  it('fails on trailing bytes and on an unknown constructor', () => {
    expect(() => deserialize(hex('7eaf17e3 00000000'))).toThrow(
      'at byte 4: trailing-bytes: 4 bytes left after the value',
    );
    expect(() => deserialize(hex('01020304'))).toThrow(/unknown constructor 0x04030201/);
  });
});
