// The model-driven JSON encoder (`tlforge encode`): the JSON form to bytes with no generated code, by the
// same rules as the classes: flags words from the fields present, msg_container bodies measured, Object
// values of every kind; and every problem a TlJsonError naming the path.

import { TlJsonError } from '@tlforge/runtime';
import { describe, expect, it } from 'vitest';
import { encodeJson } from '../../packages/codegen/src/dissect/encode-json.ts';
import { parseTypeRef } from '../../packages/codegen/src/dissect/type-ref-parse.ts';
import { Api } from '../../packages/layers/src/latest/index.ts';
import { layerSchema } from './layer-schemas.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function encodeError(json: unknown, type?: string): string {
  try {
    const schema = layerSchema('latest');
    encodeJson(schema, json, type === undefined ? {} : { type: parseTypeRef(type, schema) });
  } catch (e) {
    if (e instanceof TlJsonError) return `${e.kind}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('encodeJson', () => {
  it('writes what the classes write, msg_container bodies measured and Object values of every kind', () => {
    const container = new Api.MsgContainer({
      messages: [
        new Api.mtproto.Message({ msgId: 6, seqno: 1, body: new Api.Pong({ msgId: 6, pingId: 7 }) }),
        new Api.mtproto.Message({ msgId: 8, seqno: 3, body: [true, [new Api.InputPeerSelf()]] }),
      ],
    });
    const json = JSON.parse(JSON.stringify(container));
    for (const message of json.messages) delete message.bytes;
    expect(hex(encodeJson(layerSchema('latest'), json))).toBe(hex(container.serialize()));
  });

  it('writes a value of the type given', () => {
    const schema = layerSchema('latest');
    expect(hex(encodeJson(schema, ['1', 2], { type: parseTypeRef('Vector<long>', schema) }))).toBe(
      '15c4b51c0200000001000000000000000200000000000000',
    );
  });

  it('names the path of every problem', () => {
    expect(encodeError({ _: 'inputPeerUser', user_id: '1', access_hash: '2', flags: 0 })).toBe(
      'unknown-field: inputPeerUser: no field "flags" (its fields: user_id, access_hash)',
    );
    expect(encodeError({ _: 'message', flags: 1 })).toBe(
      'unknown-field: message: no field "flags" (a flags word is computed from the fields present)',
    );
    expect(encodeError({ _: 'messages.startBot', bot: { _: 'inputPeerSelf' } })).toBe(
      'unexpected-constructor: messages.startBot.bot: "inputPeerSelf" is not a constructor of InputUser',
    );
    expect(encodeError({ _: 'inputPeerUser', user_id: '1' })).toBe(
      'missing: inputPeerUser.access_hash: a required field is absent',
    );
    expect(encodeError({ _: 'invokeWithLayer', layer: 1, query: { _: 'inputPeerSelf' } })).toBe(
      'unexpected-constructor: invokeWithLayer.query: expected a function call, got the constructor "inputPeerSelf"',
    );
    expect(
      encodeError({
        _: 'messages.sendMessage',
        peer: { _: 'inputPeerSelf' },
        message: 'x',
        random_id: '1',
        silent: 1,
      }),
    ).toBe('type: messages.sendMessage.silent: expected true (or nothing) for a true flag, got 1');
    expect(encodeError([1, '2'], 'Vector<int>')).toBe(
      'type: [1]: expected an int (a JSON integer), got string "2"',
    );
    expect(
      encodeError({ _: 'mtproto.message', msg_id: '1', seqno: 1, bytes: 8, body: true }, '%mtproto.message'),
    ).toBe('range: mtproto.message.body: bytes is 8 but the body takes 4 bytes');
  });
});
