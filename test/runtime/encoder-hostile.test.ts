// Values no honest program builds, which the encoder must still answer with a TlEncodeError naming
// the path: an array that changes while it is written, a cyclic object graph, a detached buffer.

import { TlEncodeError } from '@tlforge/runtime';
import { describe, expect, it } from 'vitest';
import { Api, deserialize } from '../../packages/layers/src/layer122/index.ts';
import { thrown } from './capture.ts';
import { toHex } from './hex.ts';

function detached(length: number): Uint8Array {
  const view = new Uint8Array(length);
  structuredClone(view.buffer, { transfer: [view.buffer] });
  return view;
}

describe('the encoder', () => {
  it('reads a vector length once: an array that grows while it is written keeps its first count', () => {
    const ids = [1, 2];
    let reads = 0;
    // Every read of `length` reports one element more, as an array mutated by a getter would.
    const growing = new Proxy(ids, {
      get(target, key, receiver) {
        if (key === 'length') return target.length + reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const request = new Api.messages.GetMessagesViews({
      peer: new Api.InputPeerSelf(),
      id: growing,
      increment: true,
    });
    const bytes = request.serialize();
    const plain = new Api.messages.GetMessagesViews({
      peer: new Api.InputPeerSelf(),
      id: [1, 2],
      increment: true,
    });
    expect(toHex(bytes)).toBe(toHex(plain.serialize()));
    expect(deserialize(bytes)).toStrictEqual(plain);
  });

  it('names the path where a cycle closes instead of overflowing the stack', () => {
    const peer = new Api.InputPeerUserFromMessage({ peer: new Api.InputPeerSelf(), msgId: 1, userId: 2 });
    peer.peer = peer;
    const e = thrown(() => peer.serialize());
    expect(e).toBeInstanceOf(TlEncodeError);
    expect(e).toMatchObject({
      kind: 'cycle',
      path: ['InputPeerUserFromMessage', 'peer'],
      message:
        'InputPeerUserFromMessage.peer: the value contains itself: this is the object already being written at InputPeerUserFromMessage',
    });
    const inner = new Api.InputPeerChannelFromMessage({
      peer: new Api.InputPeerSelf(),
      msgId: 3,
      channelId: 4,
    });
    const outer = new Api.InputPeerUserFromMessage({ peer: inner, msgId: 1, userId: 2 });
    inner.peer = outer.peer;
    expect(
      thrown(() =>
        new Api.messages.StartBot({
          bot: new Api.InputUserSelf(),
          peer: outer,
          randomId: 1,
          startParam: '',
        }).serialize(),
      ),
    ).toMatchObject({
      kind: 'cycle',
      path: ['messages.StartBot', 'peer', 'peer', 'peer'],
      message:
        'messages.StartBot.peer.peer.peer: the value contains itself: this is the object already being written at messages.StartBot.peer.peer',
    });
    // The writer is usable afterwards.
    expect(toHex(new Api.InputPeerSelf().serialize())).toBe('c97ea07d');
  });

  it('reports a detached Uint8Array as a type error with its path', () => {
    const part = new Api.upload.SaveFilePart({ fileId: 1, filePart: 0, bytes: detached(8) });
    expect(thrown(() => part.serialize())).toMatchObject({
      kind: 'type',
      path: ['upload.SaveFilePart', 'bytes'],
      message:
        'upload.SaveFilePart.bytes: the Uint8Array cannot be read: its buffer is detached (transferred)',
    });
    // An empty array that is not detached is a valid empty `bytes`.
    expect(
      toHex(new Api.upload.SaveFilePart({ fileId: 1, filePart: 0, bytes: new Uint8Array(0) }).serialize()),
    ).toBe('21a604b3 01000000 00000000 00000000 00000000'.replace(/ /g, ''));
  });
});
