// Each boxed type is a value as well as a union: `Api.TypeUpdates.read(bytes)` decodes one value of
// the type with the type's own reader (what a client does with pushed updates), and
// `Api.TypeUpdates.is(value)` tells the type's constructors from everything else.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { TlBoxedType, TlDecodeError, UnknownConstructorError } from '@tlforge/runtime';
import bigInt from 'big-integer';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Api, deserialize } from '../../packages/layers/src/latest/index.ts';
import { loadSchemaSet } from '../property/schema-sets.ts';
import { hex } from './hex.ts';

const update = new Api.UpdateShortMessage({
  id: 7,
  userId: 1234567890,
  message: 'hi',
  pts: 3,
  ptsCount: 1,
  date: 1_700_000_000,
  out: true,
});

/** The error `run` throws (it must throw). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('Api.Type<Name>.read', () => {
  it('reads a boxed value of the type, typed as its union', () => {
    const value = Api.TypeUpdates.read(update.serialize());
    expectTypeOf(value).toEqualTypeOf<Api.TypeUpdates>();
    expect(value).toStrictEqual(update);
    expect(value).toBeInstanceOf(Api.UpdateShortMessage);
  });

  it('inflates a leading gzip_packed, as deserialize does', () => {
    const packed = gzipSync(update.serialize());
    const wrapped = new Api.GzipPacked({ packedData: packed }).serialize();
    expect(Api.TypeUpdates.read(wrapped)).toStrictEqual(update);
  });

  it('refuses a constructor of another type, naming the type it expected', () => {
    // inputPeerSelf: an object of the schema, but no Updates.
    const e = thrown(() => Api.TypeUpdates.read(hex('c97ea07d')));
    expect(e).toBeInstanceOf(UnknownConstructorError);
    expect(e).toMatchObject({ kind: 'unknown-constructor', offset: 0, constructorId: 0x7da07ec9 });
    expect((e as Error).message).toContain('Updates');
  });

  it('refuses trailing bytes and a truncated value with their offsets', () => {
    const bytes = update.serialize();
    const trailing = thrown(() => Api.TypeUpdates.read(Uint8Array.from([...bytes, 0, 0, 0, 0])));
    expect(trailing).toBeInstanceOf(TlDecodeError);
    expect(trailing).toMatchObject({ kind: 'trailing-bytes', offset: bytes.length });
    const truncated = thrown(() => Api.TypeUpdates.read(bytes.subarray(0, bytes.length - 2)));
    // 36 bytes: the id, flags, id, user_id, message (4 bytes), pts, pts_count, then date at 32.
    expect(bytes).toHaveLength(36);
    expect(truncated).toBeInstanceOf(TlDecodeError);
    expect(truncated).toMatchObject({
      kind: 'truncated',
      offset: 32,
      constructorName: 'updateShortMessage',
      path: ['updateShortMessage', 'date'],
    });
  });

  it('reads a type whose values hold any object through the registry of every class', () => {
    const container = new Api.MsgContainer({
      messages: [
        new Api.mtproto.Message({ msgId: 1, seqno: 2, body: update }),
        new Api.mtproto.Message({ msgId: 3, seqno: 4, body: new Api.help.GetConfig() }),
      ],
    });
    const bytes = container.serialize();
    const value = Api.TypeMessageContainer.read(bytes);
    expectTypeOf(value).toEqualTypeOf<Api.TypeMessageContainer>();
    expect(value).toStrictEqual(deserialize(bytes));
    expect((value as Api.MsgContainer).messages[0]!.body).toStrictEqual(update);
  });

  it('passes the reader options on: a depth limit applies', () => {
    const e = thrown(() =>
      Api.TypeMessageContainer.read(
        new Api.MsgContainer({
          messages: [new Api.mtproto.Message({ msgId: 1, seqno: 2, body: update })],
        }).serialize(),
        { maxDepth: 1 },
      ),
    );
    expect(e).toBeInstanceOf(TlDecodeError);
    expect(e).toMatchObject({ kind: 'depth' });
  });
});

describe('Api.Type<Name>.is', () => {
  it("is true for the type's constructors only, not for a request that returns the type", () => {
    const request = new Api.messages.StartBot({
      bot: new Api.InputUserSelf(),
      peer: new Api.InputPeerSelf(),
      randomId: bigInt(1),
      startParam: 'x',
    });
    // A request's SUBCLASS_OF_ID is its result type's.
    expect(request.SUBCLASS_OF_ID).toBe(Api.TypeUpdates.SUBCLASS_OF_ID);
    expect(Api.TypeUpdates.is(update)).toBe(true);
    expect(Api.TypeUpdates.is(request)).toBe(false);
    expect(Api.TypeUpdates.is(new Api.InputPeerSelf())).toBe(false);
    for (const other of [undefined, null, 0, 'updateShortMessage', {}, { SUBCLASS_OF_ID: 0x8af52aac }]) {
      expect(Api.TypeUpdates.is(other)).toBe(false);
    }
  });

  it('narrows a decoded object to the union', () => {
    const value: Api.AnyObject = deserialize(update.serialize());
    if (!Api.TypeUpdates.is(value)) throw new Error('expected Updates');
    expectTypeOf(value).toEqualTypeOf<Api.TypeUpdates>();
    expect(value.className).toBe('UpdateShortMessage');
  });

  it('tells two types with the same SUBCLASS_OF_ID apart by their constructor ids', () => {
    // `Message` and mtproto's `Message` have one crc32; each type checks its own constructors.
    expect(Api.TypeMessage.SUBCLASS_OF_ID).toBe(Api.mtproto.TypeMessage.SUBCLASS_OF_ID);
    const envelope = new Api.mtproto.Message({ msgId: 1, seqno: 2, body: new Api.Null() });
    const message = new Api.MessageEmpty({ id: 1 });
    expect(Api.mtproto.TypeMessage.is(envelope)).toBe(true);
    expect(Api.TypeMessage.is(envelope)).toBe(false);
    expect(Api.TypeMessage.is(message)).toBe(true);
    expect(Api.mtproto.TypeMessage.is(message)).toBe(false);
  });
});

describe('every boxed type of the layer', () => {
  it("is a value that recognizes its own constructors and no other type's", () => {
    const { model, classes } = loadSchemaSet('latest');
    const api = Api as unknown as Record<string, Record<string, unknown>>;
    const values = model.types.map((type) => {
      const members = type.namespace === undefined ? api : api[type.namespace]!;
      const value = members[`Type${type.localName}`];
      expect(value, type.name).toBeInstanceOf(TlBoxedType);
      expect((value as TlBoxedType<unknown>).typeName).toBe(type.name);
      return { type, value: value as TlBoxedType<unknown> };
    });
    expect(values).toHaveLength(model.types.length);
    const byName = new Map(values.map(({ type, value }) => [type.name, value]));
    for (const definition of model.constructors) {
      const cls = classes.get(definition.name)!;
      const instance = Object.create(cls.prototype) as unknown;
      const recognizedBy = values.filter(({ value }) => value.is(instance)).map(({ type }) => type.name);
      expect(recognizedBy, definition.name).toEqual([definition.type]);
      expect((cls as unknown as { SUBCLASS_OF_ID: number }).SUBCLASS_OF_ID).toBe(
        byName.get(definition.type)!.SUBCLASS_OF_ID,
      );
    }
    // Requests returning a boxed type carry its id too, also where no constructor builds the type
    // (mtproto's http_wait returns HttpWait).
    let requests = 0;
    for (const definition of model.functions) {
      if (definition.result.kind !== 'boxed') continue;
      requests++;
      const cls = classes.get(definition.name) as unknown as { SUBCLASS_OF_ID: number };
      expect(cls.SUBCLASS_OF_ID, definition.name).toBe(byName.get(definition.result.type)!.SUBCLASS_OF_ID);
    }
    expect(requests).toBe(552); // of 818 functions; the others return Bool, a vector or a type parameter
    expect(Api.TypeHttpWait.SUBCLASS_OF_ID).toBe(Api.HttpWait.SUBCLASS_OF_ID);
  });

  it('shadow no global the generated code uses: Api.TypeError is the type Error', () => {
    // The value of the type `Error` is named TypeError in the root module; the generated code must
    // not use the global TypeError there, and does not anywhere.
    expect(Api.TypeError.typeName).toBe('Error');
    const root = readFileSync(new URL('../../packages/layers/src/latest/api.ts', import.meta.url), 'utf8');
    const code = root
      .split('\n')
      .filter((line) => !/^\s*(\/\*\*|\*)/.test(line))
      .join('\n');
    // The union, its value and the value's annotation.
    expect(code.match(/\bTypeError\b/g)).toHaveLength(3);
  });
});
