// The GramJS-compatible surface of the generated classes: names, statics shared on the prototype (not
// own properties), `className` narrowing, fixed field order for constructed and decoded objects, and
// the same ids, class names and SUBCLASS_OF_IDs as GramJS's own layer-122 classes.

import { createRequire } from 'node:module';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Api as Api122 } from '../../packages/layers/src/layer122/index.ts';
import { Api, deserialize } from '../generated/layer214/index.ts';

describe('class surface', () => {
  it('uses GramJS names for classes, unions and fields', () => {
    expect(Api.PQInnerData.className).toBe('PQInnerData');
    expect(Api.ServerDHParamsOk.className).toBe('ServerDHParamsOk');
    expect(Api.messages.StartBot.className).toBe('messages.StartBot');
    expect(Api.bots.SendCustomRequest.className).toBe('bots.SendCustomRequest');
    expectTypeOf<Api.TypeP_Q_inner_data>().toEqualTypeOf<
      Api.PQInnerData | Api.PQInnerDataDc | Api.PQInnerDataTemp | Api.PQInnerDataTempDc
    >();
    const update = new Api.UpdateShortMessage({
      id: 1,
      userId: 2,
      message: '',
      pts: 0,
      ptsCount: 0,
      date: 0,
      viaBotId: 5,
    });
    expect(Object.keys(update)).toContain('viaBotId');
  });

  it('keeps the statics on the class and the prototype, never as own properties', () => {
    const peer = new Api.InputPeerSelf();
    expect(Api.InputPeerSelf.CONSTRUCTOR_ID).toBe(0x7da07ec9);
    expect(peer.CONSTRUCTOR_ID).toBe(0x7da07ec9);
    expect(peer.SUBCLASS_OF_ID).toBe(0xc91c90b6); // crc32('InputPeer')
    expect(Api.messages.StartBot.SUBCLASS_OF_ID).toBe(0x8af52aac); // crc32('Updates')
    expect(peer.className).toBe('InputPeerSelf');
    expect(peer.classType).toBe('constructor');
    expect(new Api.help.GetConfig().classType).toBe('request');
    expect(Object.getOwnPropertyNames(peer)).toEqual([]);
    expect(Object.hasOwn(Api.InputPeerSelf.prototype, 'CONSTRUCTOR_ID')).toBe(true);
  });

  it('narrows unions by className without casts', () => {
    const describe = (updates: Api.TypeUpdates): string => {
      switch (updates.className) {
        case 'UpdateShortMessage':
          return `message ${updates.message}`;
        case 'UpdatesTooLong':
          return 'too long';
        default:
          return updates.className;
      }
    };
    expect(describe(new Api.UpdatesTooLong())).toBe('too long');
    const decoded = deserialize(new Api.UpdatesTooLong().serialize());
    if (decoded.className === 'UpdatesTooLong') expectTypeOf(decoded).toEqualTypeOf<Api.UpdatesTooLong>();
  });

  it('types arguments: required fields required, conditional ones optional, flags never passed', () => {
    type Args = ConstructorParameters<typeof Api.UpdateShortSentMessage>[0];
    expectTypeOf<Args['id']>().toEqualTypeOf<number>();
    expectTypeOf<Args>().toHaveProperty('out');
    expectTypeOf<Args>().not.toHaveProperty('flags');
    // @ts-expect-error pts is required
    new Api.UpdateShortSentMessage({ id: 1, ptsCount: 1, date: 1 });
    // No fields: no argument needed.
    expect(new Api.InputPeerSelf()).toBeInstanceOf(Api.InputPeerSelf);
    // Every field optional: the argument may be left out.
    expect(new Api.RequestPeerTypeUser().bot).toBeUndefined();
  });

  it('assigns every field in wire order, constructed or decoded, absent ones undefined', () => {
    const constructed = new Api.UpdateShortSentMessage({ id: 1, pts: 2, ptsCount: 3, date: 4 });
    const decoded = deserialize(constructed.serialize());
    const order = ['out', 'id', 'pts', 'ptsCount', 'date', 'media', 'entities', 'ttlPeriod'];
    expect(Object.keys(constructed)).toEqual(order);
    expect(Object.keys(decoded)).toEqual(order);
  });

  it('stores long arguments as BigInteger whatever the input form', () => {
    const a = new Api.InputUser({ userId: 1, accessHash: '-5233957211358339213' });
    const b = new Api.InputUser({ userId: 1n, accessHash: -5233957211358339213n });
    expect(a).toStrictEqual(b);
    expect(a.accessHash.toString()).toBe('-5233957211358339213');
  });
});

describe('GramJS compatibility (telegram@1.5.27, layer 122)', () => {
  const require = createRequire(import.meta.url);
  const gramjs = require('telegram/tl/api.js') as { Api: Record<string, unknown> };
  interface GramJsClass {
    CONSTRUCTOR_ID: number;
    SUBCLASS_OF_ID: number;
    className: string;
    classType: string;
  }

  it('has every GramJS class with the same className, classType and SUBCLASS_OF_ID', () => {
    const differences: string[] = [];
    let compared = 0;
    const walk = (
      ours: Record<string, unknown> | undefined,
      theirs: Record<string, unknown>,
      prefix: string,
    ) => {
      for (const [key, value] of Object.entries(theirs)) {
        if (typeof value === 'function' && 'CONSTRUCTOR_ID' in value) {
          const g = value as unknown as GramJsClass;
          const o = ours?.[key] as GramJsClass | undefined;
          compared++;
          if (o === undefined) differences.push(`missing ${prefix}${key}`);
          else if (
            o.className !== g.className ||
            o.classType !== g.classType ||
            o.SUBCLASS_OF_ID !== g.SUBCLASS_OF_ID
          ) {
            differences.push(`${prefix}${key}`);
          } else if (o.CONSTRUCTOR_ID !== g.CONSTRUCTOR_ID) {
            differences.push(
              `${prefix}${key} id ${o.CONSTRUCTOR_ID.toString(16)} (GramJS ${g.CONSTRUCTOR_ID.toString(16)})`,
            );
          }
        } else if (typeof value === 'object' && value !== null && /^[a-z]/.test(key)) {
          walk(
            ours?.[key] as Record<string, unknown> | undefined,
            value as Record<string, unknown>,
            `${prefix}${key}.`,
          );
        }
      }
    };
    walk(Api122 as unknown as Record<string, unknown>, gramjs.Api, '');
    expect(compared).toBeGreaterThan(1200);
    // Only the id-less tls* lines differ: GramJS hashes them as `name = Result` (TL-NOTES §6),
    // this project from the full normalized declaration (TL-NOTES §3).
    expect(differences).toEqual([
      'TlsClientHello id 6c52c484 (GramJS fa5cf91)',
      'TlsBlockString id 4218a164 (GramJS 58beed57)',
      'TlsBlockRandom id 4d4dc41e (GramJS c2aab288)',
      'TlsBlockZero id 9333afb (GramJS cab1dd8b)',
      'TlsBlockGrease id e675a1c1 (GramJS 9c5cec59)',
      'TlsBlockScope id e725d44f (GramJS d8deb571)',
    ]);
  });
});
