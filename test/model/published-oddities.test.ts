// Lines that Telegram's schemas carry as their publishers keep them, each reduced to a few lines of
// our own: TDLib's id-less builtins and its `…Prefix` functions, tdesktop's `bytes#e937bb82`, the
// official MTProto schema's `%message` and its `HttpWait` with no constructor, and the API's
// `message` beside the service schema's. Each loads with no error; the really odd ones warn.

import { describe, expect, it } from 'vitest';
import { resolveSchema } from '../../packages/codegen/src/model/resolve-schema.ts';
import { parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';

function load(...files: Array<[name: string, text: string]>) {
  const { model, diagnostics } = resolveSchema(files.map(([name, text]) => parseSchema(text, name)));
  return { model, messages: diagnostics.map((d) => `${d.severity}: ${d.message}`) };
}

const tdlibApi = `int ? = Int;
long ? = Long;
double ? = Double;
string ? = String;

bytes = Bytes;
int256 = Int256;

true#3fedd339 = True;
boolFalse#bc799737 = Bool;
boolTrue#997275b5 = Bool;
vector#1cb5c415 {t:Type} # [ t ] = Vector t;
error#c4b9f9bb code:int text:string = Error;

---functions---

invokeWithReCaptchaPrefix#adbb0f94 token:string = Error;

invokeWithReCaptcha#adbb0f94 {X:Type} token:string query:!X = X;
`;

const tdlibMtproto = `int ? = Int;
vector {t:Type} # [ t ] = Vector t;
int128 4*[ int ] = Int128;
int256 8*[ int ] = Int256;
resPQ#05162463 nonce:int128 server_nonce:int128 pq:string server_public_key_fingerprints:Vector<long> = ResPQ;
`;

describe("TDLib's schema", () => {
  it('declares builtins as fieldless constructors (`bytes = Bytes;`) and in two forms across files', () => {
    const { model, messages } = load(['api.tl', tdlibApi], ['mtproto.tl', tdlibMtproto]);
    expect(messages).toEqual([
      'warning: api.tl:17:1: prefix-declaration: `invokeWithReCaptchaPrefix` has the id adbb0f94 of `invokeWithReCaptcha` and declares only its first fields: it writes that prefix, and bytes with this id are read as `invokeWithReCaptcha`',
    ]);
    expect(model.typesByName.has('Bytes')).toBe(false);
    expect(model.constructors.map((c) => c.name)).toEqual(['error', 'resPQ']);
  });

  it('marks a prefix declaration, which shares the id of the definition that reads it', () => {
    const { model } = load(['api.tl', tdlibApi]);
    const prefix = model.functionsByName.get('invokeWithReCaptchaPrefix')!;
    const full = model.functionsByName.get('invokeWithReCaptcha')!;
    expect([prefix.id, prefix.prefixOf, full.id, full.prefixOf]).toEqual([
      0xadbb0f94,
      'invokeWithReCaptcha',
      0xadbb0f94,
      undefined,
    ]);
  });

  it('still refuses two unrelated definitions with one id', () => {
    const { messages } = load(['a.tl', 'a#00000001 x:int = A;\nb#00000001 y:string = B;']);
    expect(messages).toContain(
      'error: a.tl:2:1: duplicate-id: id 00000001 of `b` is already used by `a` at a.tl:1:1',
    );
  });
});

describe('the official MTProto schema and tdesktop', () => {
  const mt = `resPQ#05162463 nonce:int128 server_nonce:int128 pq:string server_public_key_fingerprints:Vector<long> = ResPQ;
message msg_id:long seqno:int bytes:int body:Object = Message;
msg_container#73f1f8dc messages:vector<%message> = MessageContainer;
msg_copy#e06046b2 orig_message:Message = MessageCopy;
---functions---
http_wait#9299359f max_delay:int wait_after:int max_wait:int = HttpWait;
`;
  const api = `message#c4755b3d id:int = Message;
bytes#e937bb82 = Bytes;
`;

  it('hashes `vector<%message>` without the `%`', () => {
    expect(load(['mt.tl', mt]).messages.filter((m) => m.includes('id-mismatch'))).toEqual([]);
  });

  it('keeps a type that only a function returns, with a warning', () => {
    const { model, messages } = load(['mt.tl', mt]);
    expect(messages).toEqual([
      'warning: mt.tl:6:64: no-constructors: no constructor builds `HttpWait`: reading the result of `http_wait` can only meet an unknown id',
    ]);
    expect(model.typesByName.get('HttpWait')!.constructors).toEqual([]);
    expect(model.functionsByName.get('http_wait')!.result).toEqual({ kind: 'boxed', type: 'HttpWait' });
  });

  it("loads the API's `message` beside the service schema's without a pragma: mtproto.message", () => {
    for (const files of [
      [['api.tl', api] as [string, string], ['mt.tl', mt] as [string, string]],
      [['mt.tl', mt] as [string, string], ['api.tl', api] as [string, string]],
    ]) {
      const { model, messages } = load(...files);
      expect(messages.filter((m) => m.startsWith('error'))).toEqual([]);
      expect(model.constructorsByName.get('message')!.id).toBe(0xc4755b3d);
      expect(model.constructorsByName.get('mtproto.message')!.type).toBe('mtproto.Message');
      expect(model.constructorsByName.get('msg_copy')!.fields[0]!.type).toEqual({
        kind: 'boxed',
        type: 'mtproto.Message',
      });
    }
  });

  it("warns that tdesktop's id for `bytes` is ignored", () => {
    expect(load(['api.tl', api]).messages).toEqual([
      'warning: api.tl:2:1: builtin-with-id: `bytes` is a builtin type, always written bare: the id e937bb82 is ignored',
    ]);
  });
});
