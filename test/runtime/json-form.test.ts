// The lossless JSON form of TL objects (runtime json-class.ts, json-value.ts, json-reader.ts: the
// `toJSON` and `fromJson` every class gets from `defineTlClass`): exact JSON for each kind of value,
// and exact errors, each a TlJsonError naming the path, for every kind of invalid input. Random damage
// to valid JSON never gives anything but a value or a TlJsonError.

import {
  decodeBase64,
  defineTlClass,
  encodeBase64,
  longFromJson,
  longToJson,
  TlJsonError,
  type TlJsonObject,
} from '@tlforge/runtime';
import bigInt from 'big-integer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examples } from '../../inspector/src/examples.ts';
import { parseInputText } from '../../packages/codegen/src/dissect/input-bytes.ts';
import { Api, deserialize, fromJson, jsonClasses } from '../../packages/layers/src/latest/index.ts';

const startBot = () =>
  new Api.messages.StartBot({
    bot: new Api.InputUser({ userId: 777000, accessHash: '-5233957211358339213' }),
    peer: new Api.InputPeerSelf(),
    randomId: 6414074,
    startParam: 'ref_42',
  });

/** The TlJsonError `body` throws, as `kind: message`. */
function jsonError(body: () => unknown): string {
  try {
    body();
  } catch (e) {
    if (e instanceof TlJsonError) return `${e.kind}: ${e.message}`;
    throw e;
  }
  throw new Error('no error');
}

describe('toJSON', () => {
  it('names the constructor in _ and each field by its TL name, longs as decimal strings', () => {
    expect(JSON.parse(JSON.stringify(startBot()))).toEqual({
      _: 'messages.startBot',
      bot: { _: 'inputUser', user_id: '777000', access_hash: '-5233957211358339213' },
      peer: { _: 'inputPeerSelf' },
      random_id: '6414074',
      start_param: 'ref_42',
    });
  });

  it('writes a set true flag as true and leaves absent fields out, in wire order', () => {
    const message = new Api.Message({
      out: true,
      id: 1,
      peerId: new Api.PeerUser({ userId: 5 }),
      date: 2,
      message: 'hi',
      entities: [],
    });
    expect(JSON.stringify(message)).toBe(
      '{"_":"message","out":true,"id":1,"peer_id":{"_":"peerUser","user_id":"5"},"date":2,"message":"hi","entities":[]}',
    );
  });

  it('writes bytes and int128 as base64, and the doubles JSON cannot hold as strings', () => {
    const nonce = Uint8Array.from({ length: 16 }, (_, i) => i);
    expect(new Api.ReqPqMulti({ nonce }).toJSON()).toEqual({
      _: 'req_pq_multi',
      nonce: 'AAECAwQFBgcICQoLDA0ODw==',
    });
    for (const [value, json] of [
      [Number.NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [-Infinity, '-Infinity'],
      [-0, '-0'],
      [1.5, 1.5],
    ] as const) {
      const point = new Api.InputGeoPoint({ lat: value, long: 0 });
      expect(point.toJSON().lat).toBe(json);
      expect(Object.is(Api.InputGeoPoint.fromJson(JSON.parse(JSON.stringify(point))).lat, value)).toBe(true);
    }
  });

  it('refuses a value the object could not be serialized with, naming the field', () => {
    const bad = startBot();
    (bad.bot as { accessHash: unknown }).accessHash = 1.5;
    expect(jsonError(() => JSON.stringify(bad))).toBe(
      'type: messages.startBot.bot.access_hash: expected a 64-bit integer, got 1.5',
    );
    (bad as { startParam: unknown }).startParam = undefined;
    expect(jsonError(() => startBot().toJSON() && bad.toJSON())).toBe(
      'type: messages.startBot.bot.access_hash: expected a 64-bit integer, got 1.5',
    );
    const missing = new Api.InputPeerUser({ userId: 1, accessHash: 2 });
    (missing as { userId: unknown }).userId = undefined;
    expect(jsonError(() => missing.toJSON())).toBe(
      'missing: inputPeerUser.user_id: a required field is undefined',
    );
  });
});

describe('fromJson', () => {
  it('reads the JSON text back to an equal object of the same class, by the class or by the module', () => {
    const text = JSON.stringify(startBot());
    const byClass = Api.messages.StartBot.fromJson(JSON.parse(text), jsonClasses());
    expect(byClass).toStrictEqual(startBot());
    expect(fromJson(text)).toStrictEqual(startBot());
    expect(byClass.serialize()).toEqual(startBot().serialize());
    // Fields of scalar types only: the class alone reads it.
    expect(Api.InputUser.fromJson({ _: 'inputUser', user_id: '5', access_hash: '-1' })).toStrictEqual(
      new Api.InputUser({ userId: 5, accessHash: -1 }),
    );
  });

  it("needs the layer's classes for the objects in a class's fields, and names the field", () => {
    const json = JSON.parse(JSON.stringify(startBot()));
    expect(jsonError(() => Api.messages.StartBot.fromJson(json))).toBe(
      `unknown-constructor: messages.startBot.bot: "inputUser" stands where a constructor of InputUser may: reading it needs the classes of the layer (pass the layer's jsonClasses(), or read with its fromJson)`,
    );
    const container = new Api.MsgContainer({
      messages: [new Api.mtproto.Message({ msgId: 1, seqno: 2, body: new Api.help.GetConfig() })],
    });
    const containerJson = JSON.parse(JSON.stringify(container));
    expect(jsonError(() => Api.MsgContainer.fromJson(containerJson))).toBe(
      `unknown-constructor: msg_container.messages[0]: "mtproto.message" stands where the bare mtproto.message may: reading it needs the classes of the layer (pass the layer's jsonClasses(), or read with its fromJson)`,
    );
    expect(Api.MsgContainer.fromJson(containerJson, jsonClasses())).toStrictEqual(container);
    // A bare element is checked before the classes are asked for.
    expect(jsonError(() => Api.MsgContainer.fromJson({ _: 'msg_container', messages: [{ _: 'x' }] }))).toBe(
      'unexpected-constructor: msg_container.messages[0]: expected "_": "mtproto.message", got string "x"',
    );
  });

  it('takes in a field of a boxed type only the constructors of that type', () => {
    const json = JSON.parse(JSON.stringify(startBot())) as TlJsonObject;
    for (const name of ['help.getConfig', 'inputPeerSelff', 'messages.StartBot']) {
      expect(jsonError(() => fromJson({ ...json, peer: { _: name } }))).toBe(
        `unexpected-constructor: messages.startBot.peer: ${JSON.stringify(name)} is not a constructor of InputPeer`,
      );
    }
    // mtproto.message (type mtproto.Message) is declared `= Message` in mtproto.tl: the type the
    // model gives it decides, not the text of its declaration.
    const message = JSON.parse(JSON.stringify(new Api.MessageEmpty({ id: 1 })));
    const update = { _: 'updateNewMessage', message, pts: 1, pts_count: 1 };
    expect(fromJson(update)).toStrictEqual(
      new Api.UpdateNewMessage({ message: new Api.MessageEmpty({ id: 1 }), pts: 1, ptsCount: 1 }),
    );
    const bare = { _: 'mtproto.message', msg_id: '1', seqno: 2, body: message };
    expect(jsonError(() => fromJson({ ...update, message: bare }))).toBe(
      'unexpected-constructor: updateNewMessage.message: "mtproto.message" is not a constructor of Message',
    );
  });

  it('round-trips the messages.messages of a gzip-packed rpc_result, and its rpc_result', () => {
    const bytes = parseInputText(examples.gzip!.hex).bytes;
    const answer = deserialize(bytes) as InstanceType<typeof Api.RpcResult>;
    expect(fromJson(JSON.stringify(answer))).toStrictEqual(answer);
    const history = new Api.messages.GetHistory({
      peer: new Api.InputPeerSelf(),
      offsetId: 0,
      offsetDate: 0,
      addOffset: 0,
      limit: 2,
      maxId: 0,
      minId: 0,
      hash: 0,
    }).readResult(answer.result);
    const text = JSON.stringify(history);
    expect(text).toContain(
      '"message":"hello from tlforge","entities":[{"_":"messageEntityBold","offset":0,"length":5}]',
    );
    const back = fromJson(text);
    expect(back).toStrictEqual(history);
    expect(back.serialize()).toEqual(history.serialize());
  });

  it('takes a long as a decimal string or an exact JSON integer, and nothing else', () => {
    expect(longFromJson('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(longFromJson(42)).toBe(42n);
    expect(jsonError(() => longFromJson(2 ** 60))).toBe(
      'type: expected a long as a decimal string (past 2^53 a JSON number is not exact), got 1152921504606847000',
    );
    expect(jsonError(() => longFromJson('9223372036854775808'))).toBe(
      'range: 9223372036854775808 does not fit a 64-bit long',
    );
    expect(jsonError(() => longFromJson(' 1'))).toBe(
      'type: expected a long as a decimal string, got string " 1"',
    );
    expect(longToJson(bigInt('-5233957211358339213'))).toBe('-5233957211358339213');
  });

  it('names the path of a bad value, vector indexes included', () => {
    const json = JSON.parse(JSON.stringify(startBot())) as TlJsonObject;
    (json.bot as TlJsonObject).access_hash = 1.5;
    expect(jsonError(() => fromJson(json))).toBe(
      'type: messages.startBot.bot.access_hash: expected a long as a decimal string, got 1.5',
    );
    const history = {
      _: 'messages.messages',
      messages: [
        { _: 'messageEmpty', id: 1 },
        { _: 'messageEmpty', id: 2 ** 31 },
      ],
      topics: [],
      chats: [],
      users: [],
    };
    expect(jsonError(() => fromJson(history))).toBe(
      'range: messages.messages.messages[1].id: 2147483648 does not fit a 32-bit int',
    );
  });

  it('takes a field set to undefined as absent, and reads only own keys of an object that is not plain', () => {
    const json = JSON.parse(JSON.stringify(startBot())) as TlJsonObject;
    const message = { _: 'messageEmpty', id: 1, peer_id: undefined } as unknown as TlJsonObject;
    expect(fromJson(message)).toStrictEqual(new Api.MessageEmpty({ id: 1 }));
    const inherited = Object.assign(Object.create({ start_param: 'ref_42' }), {
      ...json,
      start_param: undefined,
    });
    expect(jsonError(() => fromJson(inherited))).toBe(
      'missing: messages.startBot.start_param: a required field is absent',
    );
  });

  it('refuses keys no field has, a missing field, and a constructor of another type', () => {
    const json = JSON.parse(JSON.stringify(startBot())) as TlJsonObject;
    expect(jsonError(() => fromJson({ ...json, randomId: '1' }))).toBe(
      'unknown-field: messages.startBot: no field "randomId" (its fields: bot, peer, random_id, start_param)',
    );
    expect(jsonError(() => fromJson({ ...json, start_param: undefined }))).toBe(
      'missing: messages.startBot.start_param: a required field is absent',
    );
    expect(jsonError(() => fromJson({ ...json, peer: { _: 'inputUserSelf' } }))).toBe(
      'unexpected-constructor: messages.startBot.peer: "inputUserSelf" is not a constructor of InputPeer',
    );
    expect(jsonError(() => fromJson({ ...json, peer: { _: 'inputPeerSelf', flags: 0 } }))).toBe(
      'unknown-field: messages.startBot.peer: no field "flags" (it has no fields)',
    );
    expect(jsonError(() => Api.messages.StartBot.fromJson({ ...json, _: 'messages.getHistory' }))).toBe(
      'unexpected-constructor: messages.startBot: expected "_": "messages.startBot", got string "messages.getHistory"',
    );
  });

  it('says which name was meant when _ is the class name rather than the TL name', () => {
    expect(jsonError(() => fromJson({ _: 'messages.StartBot' }))).toBe(
      'unknown-constructor: no constructor or function is named "messages.StartBot" (TL names are case-sensitive: "messages.startBot")',
    );
    expect(jsonError(() => fromJson('{"_": "messages.startBot",'))).toMatch(/^syntax: not JSON: /);
    expect(jsonError(() => fromJson([1]))).toBe(
      'type: expected a TL object (a JSON object with "_"), got array(1)',
    );
  });

  it('reads base64 only in its canonical form', () => {
    const nonce = (text: string) => () => Api.ReqPqMulti.fromJson({ _: 'req_pq_multi', nonce: text });
    expect(jsonError(nonce('AAECAwQFBgcICQoLDA0ODw'))).toBe(
      'base64: req_pq_multi.nonce: base64 length 22 is not a multiple of 4 (padding with = is required)',
    );
    expect(jsonError(nonce('AAECAwQFBgcICQoLDA0ODx=='))).toBe(
      'base64: req_pq_multi.nonce: base64 character 21 has bits set that the padding drops',
    );
    expect(jsonError(nonce('AAECAwQFBgcICQoLDA0O'))).toBe(
      'type: req_pq_multi.nonce: an int128 is 16 bytes (base64 of 16 bytes), got 15',
    );
    expect(jsonError(nonce('AAECAwQFBgcI-QoLDA0ODw=='))).toBe(
      'base64: req_pq_multi.nonce: character 12 is "-", not base64 (A-Z a-z 0-9 + /)',
    );
  });

  it('reads Object and !X values through the classes it is given, and says so when it has none', () => {
    const call = new Api.InvokeWithLayer({ layer: 228, query: new Api.help.GetConfig() });
    const json = JSON.parse(JSON.stringify(call));
    expect(jsonError(() => Api.InvokeWithLayer.fromJson(json))).toBe(
      `unknown-constructor: invokeWithLayer.query: "help.getConfig" stands where a function call may: reading it needs the classes of the layer (pass the layer's jsonClasses(), or read with its fromJson)`,
    );
    expect(Api.InvokeWithLayer.fromJson(json, jsonClasses())).toStrictEqual(call);
    expect(fromJson(json)).toStrictEqual(call);
    expect(jsonError(() => fromJson({ ...json, query: { _: 'inputPeerSelf' } }))).toBe(
      'unexpected-constructor: invokeWithLayer.query: expected a function call, got the constructor "inputPeerSelf"',
    );
  });

  it('refuses JSON nested deeper than 1000 levels, and an object that contains itself, before the stack runs out', () => {
    let deep: Record<string, unknown> = { _: 'help.getConfig' };
    for (let i = 0; i < 5000; i++) deep = { _: 'invokeWithLayer', layer: 1, query: deep };
    expect(jsonError(() => fromJson(deep))).toMatch(
      /^range: invokeWithLayer(\.query){12}\.…\(977 more\)…(\.query){11}\.layer: objects nested deeper than 1000 levels$/,
    );
    let arrays: unknown = [];
    for (let i = 0; i < 5000; i++) arrays = [arrays];
    const body = { _: 'mtproto.message', msg_id: '1', seqno: 1, bytes: 4, body: arrays };
    expect(jsonError(() => fromJson({ _: 'msg_container', messages: [body] }))).toMatch(
      /^range: msg_container\.messages\[0\]\.body(\[0\])*\.…\(\d+ more\)…(\[0\]){12}: values nested deeper than 1000 levels$/,
    );
    const loop = new Api.InvokeWithLayer({ layer: 1, query: new Api.help.GetConfig() });
    (loop as { query: unknown }).query = loop;
    expect(jsonError(() => JSON.stringify(loop))).toMatch(
      /^range: invokeWithLayer(\.query){12}\.…\(\d+ more\)…(\.query){11}\.layer: objects nested deeper than 1000 levels \(one contains itself\?\)$/,
    );
    expect(JSON.stringify(startBot())).toContain('"random_id":"6414074"');
  });

  it('gives a value or a TlJsonError, never another error, whatever replaces part of valid JSON', () => {
    const samples = [
      JSON.parse(JSON.stringify(startBot())),
      JSON.parse(
        JSON.stringify(
          new Api.Message({
            id: 1,
            peerId: new Api.PeerUser({ userId: 5 }),
            date: 2,
            message: 'hi',
            entities: [new Api.MessageEntityBold({ offset: 0, length: 2 })],
            fwdFrom: new Api.MessageFwdHeader({ date: 3, imported: true }),
          }),
        ),
      ),
    ];
    const damaged = fc
      .tuple(fc.constantFrom(...samples), fc.nat(), fc.jsonValue())
      .map(([json, at, junk]) => {
        const copy = structuredClone(json);
        const slots: Array<[Record<string, unknown>, string]> = [];
        const walk = (node: unknown): void => {
          if (typeof node !== 'object' || node === null) return;
          for (const key of Object.keys(node)) {
            slots.push([node as Record<string, unknown>, key]);
            walk((node as Record<string, unknown>)[key]);
          }
        };
        walk(copy);
        const [parent, key] = slots[at % slots.length]!;
        parent[key] = junk;
        return copy;
      });
    fc.assert(
      fc.property(damaged, (json) => {
        try {
          fromJson(json);
        } catch (e) {
          if (!(e instanceof TlJsonError)) throw e;
        }
      }),
      { numRuns: 2000, seed: 0x15a },
    );
  });
});

describe('the JSON methods defineTlClass installs', () => {
  it('are one toJSON and one fromJson for every class, not enumerable, and need their class', () => {
    const user = new Api.InputUser({ userId: 1, accessHash: 2 });
    expect(user.toJSON).toBe(startBot().toJSON);
    expect(Api.InputUser.fromJson).toBe(Api.messages.StartBot.fromJson);
    const keys: string[] = [];
    for (const key in user) keys.push(key);
    expect(keys).toEqual(['userId', 'accessHash']);
    expect(Object.keys(Api.InputUser)).toEqual([]);
    const detached = Api.InputUser.fromJson;
    expect(() => detached({ _: 'inputUser', user_id: 1, access_hash: 2 })).toThrow(
      new TypeError('fromJson is a static method of the generated TL classes: call it on the class'),
    );
    expect(() => user.toJSON.call({})).toThrow(
      new TypeError('toJSON is a method of the generated TL classes'),
    );
  });

  it('write the fields in wire order whatever the order of the properties, and no other property', () => {
    const message = new Api.Message({
      id: 1,
      peerId: new Api.PeerUser({ userId: 5 }),
      date: 2,
      message: 'hi',
    });
    const expected = JSON.stringify(message);
    const reordered = message as unknown as Record<string, unknown>;
    reordered.note = 'not a field';
    delete reordered.out;
    reordered.out = true;
    const date = reordered.date;
    delete reordered.date;
    reordered.date = date;
    expect(JSON.stringify(message)).toBe(expected.replace('{"_":"message",', '{"_":"message","out":true,'));
  });

  it('work for a subclass, from the description of the class it extends', () => {
    class Bot extends Api.InputUser {}
    const json = { _: 'inputUser', user_id: '7', access_hash: '8' };
    const bot = Bot.fromJson(json);
    expect(bot).toBeInstanceOf(Bot);
    expect(bot.toJSON()).toEqual(json);
  });

  it('read the description on first use, and name the class whose description is malformed', () => {
    const Broken = defineTlClass(class {}, 1, 2, 'Broken', 'constructor', 'broken a:int b = Broken');
    // Defining a class parses nothing: only its first toJSON or fromJson does.
    expect(() => JSON.stringify(new Broken())).toThrow(
      new Error('the TL description of broken is malformed at "b"'),
    );
    const Odd = defineTlClass(class {}, 1, 2, 'Odd', 'constructor', 'odd a:Vector<in+t> = Odd');
    const read = (Odd as unknown as { fromJson(json: unknown): unknown }).fromJson;
    expect(() => read.call(Odd, { _: 'odd', a: [] })).toThrow(
      new Error('the TL description of odd has the type "in+t"'),
    );
  });
});

describe('base64', () => {
  it('encodes and decodes like RFC 4648 for every length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(bytes);
      }),
      { numRuns: 300, seed: 64 },
    );
  });
});
