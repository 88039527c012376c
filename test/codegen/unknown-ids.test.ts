// An id the generated layer does not know but another vendored layer does: the decode error says what
// it is and which layer the code was generated from, the mistake a client on an old layer makes.

import { UnknownConstructorError } from '@tlforge/runtime';
import { describe, expect, it } from 'vitest';
import * as latest from '../../packages/layers/src/latest/index.ts';
import * as layer122 from '../../packages/layers/src/layer122/index.ts';
import * as layer214 from '../generated/layer214/index.ts';
import { thrown } from '../runtime/capture.ts';

describe('unknown ids of another vendored layer', () => {
  it("names layer 214's `user` met by the layer-228 code", () => {
    const user = new layer214.Api.User({ id: 5 }).serialize();
    const e = thrown(() => latest.deserialize(user));
    expect(e).toBeInstanceOf(UnknownConstructorError);
    expect(e).toMatchObject({
      constructorId: 0x020b1422,
      explanation: '0x020b1422 is `user` of layer 214; this code was generated from layer 228',
      message:
        'at byte 0: unknown-constructor: unknown constructor 0x020b1422 where Object was expected (0x020b1422 is `user` of layer 214; this code was generated from layer 228)',
    });
  });

  it('explains inside a typed field, with the path', () => {
    // contacts.resolvedPeer is the same in both layers; its user is layer 214's.
    const resolved = new layer214.Api.contacts.ResolvedPeer({
      peer: new layer214.Api.PeerUser({ userId: 5 }),
      chats: [],
      users: [new layer214.Api.User({ id: 5 })],
    }).serialize();
    expect(thrown(() => latest.deserialize(resolved))).toMatchObject({
      message:
        'at byte 32 reading contacts.resolvedPeer (contacts.resolvedPeer.users[0]): unknown-constructor: unknown constructor 0x020b1422 where User was expected (0x020b1422 is `user` of layer 214; this code was generated from layer 228)',
    });
  });

  it("keeps readResult's bundle free of the other layers' table: its own type's ids only", () => {
    const answer = new Uint8Array([
      0x15,
      0xc4,
      0xb5,
      0x1c,
      1,
      0,
      0,
      0,
      ...new layer214.Api.User({ id: 5 }).serialize(),
    ]);
    const request = new latest.Api.users.GetUsers({ id: [new latest.Api.InputUserSelf()] });
    expect(thrown(() => request.readResult(answer))).toMatchObject({
      explanation: undefined,
      message: 'at byte 8 ([0]): unknown-constructor: unknown constructor 0x020b1422 where User was expected',
    });
  });

  it('names the newest layer first when several have the id, and says nothing of ids no layer has', () => {
    const user = new latest.Api.User({ id: 5 }).serialize();
    expect((thrown(() => layer122.deserialize(user)) as UnknownConstructorError).explanation).toMatch(
      /^0x[0-9a-f]{8} is `user` of layer 228; this code was generated from layer 122$/,
    );
    const nothing = thrown(() => latest.deserialize(new Uint8Array([1, 2, 3, 4]))) as UnknownConstructorError;
    expect([nothing.explanation, nothing.message]).toEqual([
      undefined,
      'at byte 0: unknown-constructor: unknown constructor 0x04030201 where Object was expected',
    ]);
  });
});
