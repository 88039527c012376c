// The model-driven dissector: every value read with its byte range, flags words with the fields their
// bits switch on, vector counts, gzip_packed inflated in place, rpc_result read as the result of the
// request named, msg_container bodies measured by their length; and, strict like the runtime, every
// malformed input stops with the tree read so far and an error at its offset.

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { examples } from '../../inspector/src/examples.ts';
import { type DissectOptions, dissect } from '../../packages/codegen/src/dissect/dissect-bytes.ts';
import { dissectionJson } from '../../packages/codegen/src/dissect/dissection-json.ts';
import { formatDissection } from '../../packages/codegen/src/dissect/format-tree.ts';
import { parseInputText } from '../../packages/codegen/src/dissect/input-bytes.ts';
import { parseTypeRef } from '../../packages/codegen/src/dissect/type-ref-parse.ts';
import { Api } from '../../packages/layers/src/latest/index.ts';
import { bytesOf, layerSchema } from './layer-schemas.ts';

const SEED_START_BOT = bytesOf(
  '7873dfe6', // messages.startBot#e6df7378
  '162829d8', // bot: inputUser#d8292816 (layer 122)
  '28db0b00', // user_id: int 777000
  '735f649f a53f5db7', // access_hash: long -5233957211358339213
  'c97ea07d', // peer: inputPeerSelf#7da07ec9
  'fade6100 00000000', // random_id: long 6414074
  '06726566 5f343200', // start_param: "ref_42"
);

function tree(layer: 'latest' | '122', bytes: Uint8Array, options?: DissectOptions): string[] {
  return formatDissection(dissect(layerSchema(layer), bytes, options));
}

const vectorOf = (element: string) => parseTypeRef(`Vector<${element}>`, layerSchema('latest'));

describe('dissect', () => {
  it('reads the seed messages.startBot of layer 122 value by value, each with its byte range', () => {
    expect(tree('122', SEED_START_BOT)).toEqual([
      'layer 122, 40 bytes',
      '[0, 40)   messages.startBot#e6df7378 (function → Updates)',
      '[4, 20)     bot: InputUser = inputUser#d8292816',
      '[8, 12)       user_id: int = 777000',
      '[12, 20)      access_hash: long = -5233957211358339213',
      '[20, 24)    peer: InputPeer = inputPeerSelf#7da07ec9',
      '[24, 32)    random_id: long = 6414074',
      '[32, 40)    start_param: string = "ref_42"',
    ]);
  });

  it('inflates gzip_packed in place: the values inside have offsets into the inflated data', () => {
    const example = examples.gzip!;
    const result = dissect(layerSchema('latest'), parseInputText(example.hex).bytes, {
      request: example.request,
    });
    expect(result.buffers.map((b) => [b.index, b.bytes.length, b.from])).toEqual([
      [0, 164, undefined],
      [1, 180, { buffer: 0, offset: 12 }],
    ]);
    expect(formatDissection(result)).toEqual([
      'layer 228, 164 bytes',
      'buffer #1: 180 bytes inflated from the gzip_packed at byte 12',
      '[0, 164)      rpc_result#f35c6d01',
      '[4, 12)         req_msg_id: long = 7304585213337563136',
      '[12, 164)       result: messages.Messages = gzip_packed#3072cfa1  (result of messages.getHistory)',
      '[16, 164)         packed_data: bytes = 146 bytes 1f8b08000000000000037bf5bc5856f4c8561926060686cb3b19ca9a18202095…  (gzip: 146 bytes inflate to 180, read as buffer #1)',
      '#1[0, 180)        inflated: messages.Messages = messages.messages#1d73e7ea',
      '#1[4, 116)          messages: Vector<Message> = 2 elements',
      '#1[12, 84)            [0]: Message = message#7600b9d3',
      '#1[16, 20)              flags: # = 0x00000082 (1: out; 7: entities)',
      '#1[20, 20)              out: flags.1?true = true',
      '#1[20, 24)              flags2: # = 0x00000000 (no bits set)',
      '#1[24, 28)              id: int = 101',
      '#1[28, 40)              peer_id: Peer = peerUser#59511722',
      '#1[32, 40)                user_id: long = 777000',
      '#1[40, 44)              date: int = 1700000000',
      '#1[44, 64)              message: string = "hello from tlforge"',
      '#1[64, 84)              entities: flags.7?Vector<MessageEntity> = 1 element',
      '#1[72, 84)                [0]: MessageEntity = messageEntityBold#bd610bc9',
      '#1[76, 80)                  offset: int = 0',
      '#1[80, 84)                  length: int = 5',
      '#1[84, 116)           [1]: Message = messageService#7a800e0a',
      '#1[88, 92)              flags: # = 0x00000000 (no bits set)',
      '#1[92, 96)              id: int = 102',
      '#1[96, 108)             peer_id: Peer = peerUser#59511722',
      '#1[100, 108)              user_id: long = 777000',
      '#1[108, 112)            date: int = 1700000001',
      '#1[112, 116)            action: MessageAction = messageActionHistoryClear#9fbab604',
      '#1[116, 124)        topics: Vector<ForumTopic> = 0 elements',
      '#1[124, 132)        chats: Vector<Chat> = 0 elements',
      '#1[132, 180)        users: Vector<User> = 1 element',
      '#1[140, 180)          [0]: User = user#b1b8cc83',
      '#1[144, 148)            flags: # = 0x00000003 (0: access_hash; 1: first_name)',
      '#1[148, 152)            flags2: # = 0x00000000 (no bits set)',
      '#1[152, 160)            id: long = 777000',
      '#1[160, 168)            access_hash: flags.0?long = -5233957211358339213',
      '#1[168, 180)            first_name: flags.1?string = "Telegram"',
    ]);
  });

  it('keeps the values read before a truncated input ends, and names the offset and path of the error', () => {
    const result = dissect(layerSchema('122'), SEED_START_BOT.subarray(0, 28));
    expect(formatDissection(result)).toEqual([
      'layer 122, 28 bytes',
      '[0, 24)   messages.startBot#e6df7378 (function → Updates)  (incomplete)',
      '[4, 20)     bot: InputUser = inputUser#d8292816',
      '[8, 12)       user_id: int = 777000',
      '[12, 20)      access_hash: long = -5233957211358339213',
      '[20, 24)    peer: InputPeer = inputPeerSelf#7da07ec9',
      '[24, 24)    random_id: long = …  (incomplete)',
      'error at byte 24 (messages.startBot.random_id): truncated: needs 8 bytes, 4 remain',
    ]);
    expect(result.error).toMatchObject({
      kind: 'truncated',
      offset: 24,
      buffer: 0,
      path: 'messages.startBot.random_id',
    });
  });

  it('lists the bits a flags word sets with every field a shared bit switches on', () => {
    const message = new Api.Message({
      id: 7,
      peerId: new Api.PeerChannel({ channelId: 1 }),
      date: 1,
      message: '',
      views: 10,
      forwards: 2,
    });
    expect(tree('latest', message.serialize())).toEqual([
      'layer 228, 44 bytes',
      '[0, 44)   message#7600b9d3',
      '[4, 8)      flags: # = 0x00000400 (10: views, forwards)',
      '[8, 12)     flags2: # = 0x00000000 (no bits set)',
      '[12, 16)    id: int = 7',
      '[16, 28)    peer_id: Peer = peerChannel#a2a5371e',
      '[20, 28)      channel_id: long = 1',
      '[28, 32)    date: int = 1',
      '[32, 36)    message: string = ""',
      '[36, 40)    views: flags.10?int = 10',
      '[40, 44)    forwards: flags.10?int = 2',
    ]);
  });

  it('refuses flag bits no field uses at the flags word, and notes them when lenient', () => {
    const bytes = new Api.CodeSettings({ allowFlashcall: true }).serialize();
    bytes[4]! |= 0x04;
    expect(tree('latest', bytes)).toEqual([
      'layer 228, 8 bytes',
      '[0, 8)  codeSettings#ad253d78  (incomplete)',
      '[4, 8)    flags: # = 0x00000005 (0: allow_flashcall; unknown bits 0x4)  (incomplete)',
      'error at byte 4 (codeSettings.flags): flags: flags word 0x5 has bits 0x4 that no field uses',
    ]);
    expect(tree('latest', bytes, { strict: false }).slice(1)).toEqual([
      '[0, 8)  codeSettings#ad253d78',
      '[4, 8)    flags: # = 0x00000005 (0: allow_flashcall; unknown bits 0x4)  (bits 0x4 are used by no field (ignored: lenient))',
      '[8, 8)    allow_flashcall: flags.0?true = true',
    ]);
  });

  describe('rpc_result', () => {
    const queue = bytesOf('15c4b51c 02000000 01000000 00000000 02000000 00000000');
    const answer = new Api.RpcResult({ reqMsgId: 5, result: queue }).serialize();

    it('reads the result with the type of the request named', () => {
      expect(tree('latest', answer, { request: 'messages.receivedQueue' }).slice(1)).toEqual([
        '[0, 36)   rpc_result#f35c6d01',
        '[4, 12)     req_msg_id: long = 5',
        '[12, 36)    result: Vector<long> = 2 elements  (result of messages.receivedQueue)',
        '[20, 28)      [0]: long = 1',
        '[28, 36)      [1]: long = 2',
      ]);
    });

    it('reads an rpc_error standing in place of the result', () => {
      const error = new Api.RpcError({ errorCode: 420, errorMessage: 'FLOOD_WAIT_3' });
      const bytes = new Api.RpcResult({ reqMsgId: 5, result: error.serialize() }).serialize();
      expect(tree('latest', bytes, { request: 'messages.receivedQueue' }).slice(2)).toEqual([
        '[4, 12)     req_msg_id: long = 5',
        '[12, 36)    result: Object = rpc_error#2144ca19  (an rpc_error answers messages.receivedQueue)',
        '[16, 20)      error_code: int = 420',
        '[20, 36)      error_message: string = "FLOOD_WAIT_3"',
      ]);
    });

    it('shows a result that is no object raw, with a hint, when no request is named', () => {
      expect(tree('latest', answer).slice(3)).toEqual([
        '[12, 36)    result: Object = 24 bytes 15c4b51c0200000001000000000000000200000000000000  (not an object of this schema (unknown-constructor at byte 20): name the call with --request to read its result)',
      ]);
    });

    it('reads input that is no rpc_result as the result of the request named', () => {
      expect(tree('latest', queue, { request: 'messages.receivedQueue' }).slice(1, 2)).toEqual([
        '[0, 24)   Vector<long> = 2 elements  (result of messages.receivedQueue)',
      ]);
    });
  });

  it('measures msg_container bodies by their bytes, and refuses a body that does not use them all', () => {
    const container = new Api.MsgContainer({
      messages: [
        new Api.mtproto.Message({ msgId: 6, seqno: 1, body: new Api.Pong({ msgId: 6, pingId: 7 }) }),
        new Api.mtproto.Message({ msgId: 8, seqno: 3, body: new Api.MsgsAck({ msgIds: [1] }) }),
      ],
    }).serialize();
    expect(tree('latest', container).slice(1, 10)).toEqual([
      '[0, 80)   msg_container#73f1f8dc',
      '[4, 80)     messages: vector<mtproto.message> = 2 elements',
      '[8, 44)       [0]: mtproto.message (bare)',
      '[8, 16)         msg_id: long = 6',
      '[16, 20)        seqno: int = 1',
      '[20, 24)        bytes: int = 20',
      '[24, 44)        body: Object = pong#347773c5',
      '[28, 36)          msg_id: long = 6',
      '[36, 44)          ping_id: long = 7',
    ]);
    container[20] = 24;
    expect(tree('latest', container).at(-1)).toBe(
      'error at byte 44 (msg_container.messages[0].body): trailing-bytes: 4 bytes left in a 24-byte body',
    );
  });

  it('refuses a vector count larger than the bytes left, a negative one, and one past the element budget', () => {
    expect(tree('latest', bytesOf('15c4b51c ffffff7f 00000000'), { type: vectorOf('long') }).at(-1)).toBe(
      'error at byte 8 (vector): truncated: a vector of 2147483647 elements needs at least 17179869176 bytes, 4 remain',
    );
    expect(tree('latest', bytesOf('15c4b51c ffffffff'), { type: vectorOf('long') }).at(-1)).toBe(
      'error at byte 4 (vector): vector-length: vector count -1 is negative',
    );
    expect(
      tree('latest', bytesOf('15c4b51c 02000000 0000000000000000'), {
        type: vectorOf('int'),
        maxElements: 1,
      }).at(-1),
    ).toBe(
      'error at byte 4 (vector): element-limit: a vector of 2 elements would pass the limit of 1 vector elements in one decode (maxElements)',
    );
  });

  describe('is strict like the runtime', () => {
    const startBot = new Api.messages.StartBot({
      bot: new Api.InputUserSelf(),
      peer: new Api.InputPeerSelf(),
      randomId: 1,
      startParam: 'ab',
    }).serialize();

    it('refuses non-zero padding and invalid UTF-8 at their offsets', () => {
      const padding = startBot.slice();
      padding[23] = 1;
      expect(tree('latest', padding).at(-1)).toBe(
        'error at byte 23 (messages.startBot.start_param): padding: non-zero padding byte 0x01',
      );
      const utf8 = startBot.slice();
      utf8[21] = 0xff;
      expect(tree('latest', utf8).at(-1)).toBe(
        'error at byte 21 (messages.startBot.start_param): utf8: invalid UTF-8 in string',
      );
    });

    it('refuses a Bool that is neither boolTrue nor boolFalse', () => {
      expect(tree('latest', bytesOf('15c4b51c 01000000 01000000'), { type: vectorOf('Bool') }).at(-1)).toBe(
        'error at byte 8 (vector[0]): bool: expected boolTrue (0x997275b5) or boolFalse (0xbc799737), got 0x00000001',
      );
    });

    it('names an unknown constructor and the type it stood for', () => {
      expect(tree('latest', bytesOf('7873dfe6 01020304')).at(-1)).toBe(
        'error at byte 4 (messages.startBot.bot): unknown-constructor: unknown constructor 0x04030201 where InputUser was expected',
      );
    });

    it('stops at the depth limit, the tree limit and bytes left over', () => {
      expect(tree('latest', startBot, { maxDepth: 1 }).at(-1)).toBe(
        'error at byte 4 (messages.startBot.bot): depth: objects nested deeper than 1 levels',
      );
      expect(tree('latest', startBot, { maxNodes: 3 }).at(-1)).toBe(
        'error at byte 12 (messages.startBot): element-limit: the tree would hold more than 3 values (maxNodes)',
      );
      expect(tree('latest', bytesOf('c97ea07d 00000000')).slice(1)).toEqual([
        '[0, 4)  inputPeerSelf#7da07ec9',
        'error at byte 4: trailing-bytes: 4 bytes left after the value',
      ]);
    });

    it('refuses gzip_packed that is no gzip, and one that would inflate past the budget', () => {
      expect(tree('latest', bytesOf('a1cf7230 08 0102030405060708 000000')).at(-1)).toBe(
        'error at byte 0 (gzip_packed): gzip: a gzip stream needs at least 18 bytes, got 8',
      );
      const packed = new Api.GzipPacked({ packedData: new Uint8Array(gzipSync(new Uint8Array(4096))) });
      expect(tree('latest', packed.serialize(), { maxInflatedSize: 1000 }).at(-1)).toBe(
        'error at byte 0 (gzip_packed): inflated-limit: gzip_packed declares 4096 bytes, but 1000 of the 1000 bytes one decode may inflate remain (maxInflatedSize)',
      );
    });
  });

  it('gives the same tree as JSON: ranges, constructors with hex ids, values JSON can hold', () => {
    const json = dissectionJson(dissect(layerSchema('122'), SEED_START_BOT));
    expect(json.layer).toBe(122);
    expect(json.error).toBeNull();
    expect(json.tree).toMatchObject({
      type: 'Object',
      start: 0,
      end: 40,
      definition: { name: 'messages.startBot', id: '0xe6df7378', kind: 'function', result: 'Updates' },
    });
    expect(json.tree.children![0]!.children![1]).toEqual({
      name: 'access_hash',
      type: 'long',
      buffer: 0,
      start: 12,
      end: 20,
      valueKind: 'long',
      value: '-5233957211358339213',
    });
  });
});

describe('parseTypeRef', () => {
  it('reads primitives, vectors, boxed types and bare constructors, and names what the schema lacks', () => {
    const schema = layerSchema('latest');
    expect(parseTypeRef('Vector<long>', schema)).toEqual({
      kind: 'vector',
      boxed: true,
      element: { kind: 'long' },
    });
    expect(parseTypeRef('messages.Messages', schema)).toEqual({ kind: 'boxed', type: 'messages.Messages' });
    expect(parseTypeRef('%DataJSON', schema)).toEqual({ kind: 'bare', constructor: 'dataJSON' });
    expect(() => parseTypeRef('%InputUser', schema)).toThrow(
      '%InputUser is bare, but InputUser has 4 constructors',
    );
    expect(parseTypeRef('future_salt', schema)).toEqual({ kind: 'bare', constructor: 'future_salt' });
    expect(() => parseTypeRef('Messages', schema)).toThrow(
      'the schema has no type or constructor named Messages',
    );
  });
});
