import type { TlObject } from '@tlforge/runtime';
import {
  encodeError,
  rethrowEncode,
  serializeObject,
  TlEncodeError,
  TlError,
  type TlWriter,
} from '@tlforge/runtime';
import bigInt from 'big-integer';
import { describe, expect, it } from 'vitest';
import { thrown } from './capture.ts';
import { toHex } from './hex.ts';

// Hand-written classes shaped like the generated ones (one try/catch per _write, `field` tracked).
class InputUser implements TlObject {
  readonly className = 'InputUser';
  readonly CONSTRUCTOR_ID = 0xf21158c6;
  readonly classType = 'constructor' as const;
  constructor(
    readonly userId: unknown,
    readonly accessHash: unknown,
  ) {}
  _write(w: TlWriter): void {
    let field = '';
    try {
      w.uint(this.CONSTRUCTOR_ID);
      field = 'userId';
      w.long(this.userId);
      field = 'accessHash';
      w.long(this.accessHash);
    } catch (e) {
      rethrowEncode(e, field);
    }
  }
}

class StartBot implements TlObject {
  readonly className = 'messages.StartBot';
  readonly CONSTRUCTOR_ID = 0xe6df7378;
  readonly classType = 'request' as const;
  constructor(readonly bot: unknown) {}
  _write(w: TlWriter): void {
    let field = '';
    try {
      w.uint(this.CONSTRUCTOR_ID);
      field = 'bot';
      w.object(this.bot);
    } catch (e) {
      rethrowEncode(e, field);
    }
  }
}

/** A class whose _write serializes another object on its own (reentrant use of the pool). */
class Reentrant implements TlObject {
  readonly className = 'Reentrant';
  readonly CONSTRUCTOR_ID = 0x01020304;
  readonly classType = 'constructor' as const;
  _write(w: TlWriter): void {
    w.uint(this.CONSTRUCTOR_ID);
    w.raw(serializeObject(new InputUser(1, 2)));
  }
}

/** Writes `count` ints, so results of any size can be made. */
class Ints implements TlObject {
  readonly className = 'Ints';
  readonly CONSTRUCTOR_ID = 0x0a0b0c0d;
  readonly classType = 'constructor' as const;
  constructor(readonly count: number) {}
  _write(w: TlWriter): void {
    for (let i = 0; i < this.count; i++) w.int(this.count + i);
  }
}

describe('serializeObject', () => {
  it('returns exact results of any size, small ones as views of a shared slab', () => {
    const counts = [2, 5000, 3, 20000, 20000, 1, 2, 2047, 2048, 2049, 4];
    const results = counts.map((count) => serializeObject(new Ints(count)));
    results.forEach((r, k) => {
      const count = counts[k];
      expect(r.length).toBe(4 * count);
      const view = new DataView(r.buffer, r.byteOffset, r.byteLength);
      for (const i of [0, count - 1]) expect(view.getInt32(4 * i, true)).toBe(count + i);
      // At most 8 KiB (2048 ints) share a slab; larger results own their buffer exactly.
      if (count > 2048) expect(r.buffer.byteLength).toBe(r.length);
      else expect(r.buffer.byteLength).toBeGreaterThan(r.length);
    });
    expect(results[6].buffer).toBe(results[5].buffer);
  });

  it('writes nested objects', () => {
    expect(toHex(serializeObject(new StartBot(new InputUser(bigInt(1), '2'))))).toBe(
      '7873dfe6c65811f201000000000000000200000000000000',
    );
  });

  it('prefixes the class name and field path to encode errors', () => {
    const e = thrown(() => serializeObject(new StartBot(new InputUser(1, 1.5)))) as TlEncodeError;
    expect(e).toBeInstanceOf(TlEncodeError);
    expect(e).toBeInstanceOf(TlError);
    expect(e.kind).toBe('type');
    expect(e.path).toEqual(['messages.StartBot', 'bot', 'accessHash']);
    expect(e.detail).toBe('expected a 64-bit integer, got 1.5');
    expect(e.message).toBe('messages.StartBot.bot.accessHash: expected a 64-bit integer, got 1.5');
  });

  it('is reentrant: a nested call gets its own writer', () => {
    expect(toHex(serializeObject(new Reentrant()))).toBe('04030201c65811f201000000000000000200000000000000');
    // The pool is usable again afterwards and not left busy by an error.
    thrown(() => serializeObject(new InputUser('x', 1)));
    expect(toHex(serializeObject(new InputUser(0, -1)))).toBe('c65811f20000000000000000ffffffffffffffff');
  });

  it('rejects values that are not TL objects', () => {
    const e = thrown(() => serializeObject({} as TlObject)) as TlEncodeError;
    expect(e.kind).toBe('type');
    expect(e.message).toBe('expected a TL object, got object');
  });
});

describe('encode error helpers', () => {
  it('encodeError builds a pathless error and prependPath rebuilds the message', () => {
    const e = encodeError('missing', 'field is required');
    expect(e.message).toBe('field is required');
    expect(e.prependPath('replyTo')).toBe(e);
    e.prependPath('messages.SendMessage');
    expect(e.path).toEqual(['messages.SendMessage', 'replyTo']);
    expect(e.message).toBe('messages.SendMessage.replyTo: field is required');
    expect(e.name).toBe('TlEncodeError');
  });

  it('rethrowEncode leaves other errors unchanged', () => {
    const original = new TypeError('not ours');
    expect(thrown(() => rethrowEncode(original, 'x'))).toBe(original);
    const ours = new TlEncodeError('range', 'too big');
    expect((thrown(() => rethrowEncode(ours, 'count')) as TlEncodeError).message).toBe('count: too big');
  });
});
