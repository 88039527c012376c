// Encoding checks every value: a wrong TL type, a missing required field, a non-boolean in a true
// flag, a non-array in a vector. Each is a TlEncodeError whose path names the class and the field,
// nested objects and vector elements included.

import { describe, expect, it } from 'vitest';
import { Api } from '../generated/layer214/index.ts';
import { encodeError } from './encode-error.ts';

const user = () => new Api.InputUser({ userId: 777000, accessHash: 1 });
const startBot = (args: Partial<ConstructorParameters<typeof Api.messages.StartBot>[0]>) =>
  new Api.messages.StartBot({
    bot: user(),
    peer: new Api.InputPeerSelf(),
    randomId: 1,
    startParam: '',
    ...args,
  });

describe('encode errors', () => {
  it('rejects a constructor of another type (InputPeerSelf in bot:InputUser)', () => {
    const error = encodeError(() => startBot({ bot: new Api.InputPeerSelf() as never }));
    expect(error.kind).toBe('type');
    expect(error.path).toEqual(['messages.StartBot', 'bot']);
    expect(error.message).toBe('messages.StartBot.bot: expected InputUser, got InputPeerSelf (constructor)');
  });

  it('rejects a function call where a constructor of the type must stand', () => {
    const error = encodeError(() => startBot({ bot: new Api.help.GetConfig() as never }));
    expect(error.kind).toBe('type');
    expect(error.path).toEqual(['messages.StartBot', 'bot']);
  });

  it('rejects a plain object that only looks like a TL object', () => {
    const error = encodeError(() => startBot({ bot: { className: 'InputUser' } as never }));
    expect(error.kind).toBe('type');
    expect(error.path).toEqual(['messages.StartBot', 'bot']);
  });

  it('reports a missing required field of each kind as missing, never a default', () => {
    for (const field of ['bot', 'randomId', 'startParam'] as const) {
      const error = encodeError(() => startBot({ [field]: undefined }));
      expect(error.kind).toBe('missing');
      expect(error.path).toEqual(['messages.StartBot', field]);
    }
    const nullError = encodeError(() => startBot({ peer: null as never }));
    expect(nullError.kind).toBe('missing');
    expect(nullError.path).toEqual(['messages.StartBot', 'peer']);
  });

  it('names the nested field: messages.StartBot.bot.accessHash', () => {
    const missing = encodeError(() =>
      startBot({ bot: new Api.InputUser({ userId: 1, accessHash: undefined as never }) }),
    );
    expect(missing.kind).toBe('missing');
    expect(missing.path).toEqual(['messages.StartBot', 'bot', 'accessHash']);
    const invalid = encodeError(() => startBot({ bot: new Api.InputUser({ userId: 1, accessHash: 1.5 }) }));
    expect(invalid.kind).toBe('type');
    expect(invalid.message).toBe('messages.StartBot.bot.accessHash: expected a 64-bit integer, got 1.5');
  });

  it('names the vector element: messages.Messages.messages[3].message', () => {
    const message = (text: string | undefined) =>
      new Api.Message({ id: 1, peerId: new Api.PeerUser({ userId: 1 }), date: 0, message: text as string });
    const error = encodeError(
      () =>
        new Api.messages.Messages({
          messages: [message('a'), message('b'), new Api.MessageEmpty({ id: 2 }), message(undefined)],
          chats: [],
          users: [],
        }),
    );
    expect(error.kind).toBe('missing');
    expect(error.path).toEqual(['messages.Messages', 'messages[3]', 'message']);
    expect(error.message).toBe('messages.Messages.messages[3].message: expected string, got undefined');
  });

  it('names a bad primitive element: messages.GetMessagesViews.id[1]', () => {
    const error = encodeError(
      () =>
        new Api.messages.GetMessagesViews({ peer: new Api.InputPeerSelf(), id: [1, 2.5], increment: false }),
    );
    expect(error.kind).toBe('type');
    expect(error.path).toEqual(['messages.GetMessagesViews', 'id[1]']);
  });

  it('rejects a non-array in a vector field', () => {
    const error = encodeError(
      () => new Api.messages.Messages({ messages: {} as never, chats: [], users: [] }),
    );
    expect(error.kind).toBe('type');
    expect(error.path).toEqual(['messages.Messages', 'messages']);
    expect(error.message).toBe('messages.Messages.messages: expected Vector<Message> (an array), got object');
  });

  it('rejects a non-boolean in a true flag', () => {
    const error = encodeError(
      () => new Api.messages.DeleteMessages({ revoke: 'yes' as unknown as boolean, id: [1] }),
    );
    expect(error.kind).toBe('type');
    expect(error.path).toEqual(['messages.DeleteMessages', 'revoke']);
  });

  it('rejects a non-boolean in a Bool field', () => {
    const error = encodeError(
      () =>
        new Api.messages.GetMessagesViews({ peer: new Api.InputPeerSelf(), id: [], increment: 0 as never }),
    );
    expect(error.kind).toBe('type');
    expect(error.path).toEqual(['messages.GetMessagesViews', 'increment']);
  });

  it('rejects a constructor where a function call must stand (invokeWithLayer query)', () => {
    const error = encodeError(
      () => new Api.InvokeWithLayer({ layer: 1, query: new Api.InputPeerSelf() as never }),
    );
    expect(error.kind).toBe('type');
    expect(error.path).toEqual(['InvokeWithLayer', 'query']);
  });

  it('rejects a number in a string field', () => {
    const error = encodeError(() => new Api.DataJSON({ data: 5 as never }));
    expect(error.kind).toBe('type');
    expect(error.path).toEqual(['DataJSON', 'data']);
  });
});
