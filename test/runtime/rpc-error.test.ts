// RpcError: an `rpc_error`'s text taken apart into the documented type (`FLOOD_WAIT_X`) and the value
// it carries, for every type the error tables document and for texts they do not; `is` narrows; the
// descriptions come only from a lookup the generated code installs; nothing a server sends makes the
// constructor throw.

import { readFileSync } from 'node:fs';
import { parseRpcErrorText, RpcError, setRpcErrorDescriptions, TlError } from '@tlforge/runtime';
import fc from 'fast-check';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';

afterEach(() => setRpcErrorDescriptions(undefined));

describe('RpcError', () => {
  it('takes FLOOD_WAIT_42 apart: type FLOOD_WAIT_X, value 42', () => {
    const error = new RpcError(420, 'FLOOD_WAIT_42', 'messages.sendMessage');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(TlError);
    expect({ ...error, message: error.message, name: error.name }).toEqual({
      kind: 'rpc-error',
      code: 420,
      type: 'FLOOD_WAIT_X',
      value: 42,
      text: 'FLOOD_WAIT_42',
      description: undefined,
      method: 'messages.sendMessage',
      message: 'messages.sendMessage: 420 FLOOD_WAIT_42',
      name: 'RpcError',
    });
  });

  it('keeps the digits of a name (2FA_, SHA256_, INVALID2) and takes the number at the end', () => {
    expect(parseRpcErrorText('2FA_CONFIRM_WAIT_3600')).toEqual({
      text: '2FA_CONFIRM_WAIT_3600',
      type: '2FA_CONFIRM_WAIT_X',
      value: 3600,
    });
    for (const text of ['SHA256_HASH_INVALID', 'MD5_CHECKSUM_INVALID', 'AUTH_TOKEN_INVALID2']) {
      expect(parseRpcErrorText(text)).toEqual({ text, type: text, value: undefined });
    }
  });

  it('takes a number from the middle of a type: FILE_REFERENCE_3_EXPIRED, INTERDC_2_CALL_ERROR, …_WAIT_5MIN', () => {
    expect(parseRpcErrorText('FILE_REFERENCE_3_EXPIRED')).toEqual({
      text: 'FILE_REFERENCE_3_EXPIRED',
      type: 'FILE_REFERENCE_X_EXPIRED',
      value: 3,
    });
    expect(parseRpcErrorText('INTERDC_2_CALL_ERROR').type).toBe('INTERDC_X_CALL_ERROR');
    expect(parseRpcErrorText('PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN')).toEqual({
      text: 'PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN',
      type: 'PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_XMIN',
      value: 5,
    });
  });

  it('parses an error the tables do not list: the type is the text, or the text with its number as X', () => {
    const unknown = new RpcError(400, 'SOMETHING_NEW_HAPPENED');
    expect([unknown.type, unknown.value, unknown.method, unknown.message]).toEqual([
      'SOMETHING_NEW_HAPPENED',
      undefined,
      undefined,
      '400 SOMETHING_NEW_HAPPENED',
    ]);
    const counted = new RpcError(420, 'SOMETHING_NEW_WAIT_17');
    expect([counted.type, counted.value]).toEqual(['SOMETHING_NEW_WAIT_X', 17]);
    const lower = new RpcError(-503, 'Timeout');
    expect([lower.code, lower.type, lower.value]).toEqual([-503, 'Timeout', undefined]);
  });

  it('gets every documented type right from a text carrying a number, with no table', () => {
    const docs = JSON.parse(readFileSync('schema/docs/layer228.json', 'utf8')) as {
      errors: Record<string, { code: number }>;
    };
    const documented = Object.keys(docs.errors);
    expect(documented).toHaveLength(824);
    const wrong: string[] = [];
    for (const name of documented) {
      const type = name.replaceAll('%d', 'X');
      const text = name.replaceAll('%d', '42');
      const parsed = parseRpcErrorText(text);
      const value = name.includes('%d') ? 42 : undefined;
      // Documented beside FILE_PART_X_MISSING: its text is that type's with the value 0.
      if (name === 'FILE_PART_0_MISSING') continue;
      if (parsed.type !== type || parsed.value !== value)
        wrong.push(`${text} → ${parsed.type} ${parsed.value}`);
    }
    expect(wrong).toEqual([]);
    expect(parseRpcErrorText('FILE_PART_0_MISSING')).toEqual({
      text: 'FILE_PART_0_MISSING',
      type: 'FILE_PART_X_MISSING',
      value: 0,
    });
  });

  it('is(error, type) matches the type or the exact text, and narrows', () => {
    const caught: unknown = new RpcError(420, 'FLOOD_WAIT_42');
    expect(RpcError.is(caught)).toBe(true);
    expect(RpcError.is(caught, 'FLOOD_WAIT_X')).toBe(true);
    expect(RpcError.is(caught, 'FLOOD_WAIT_42')).toBe(true);
    expect(RpcError.is(caught, 'SLOWMODE_WAIT_X')).toBe(false);
    expect(RpcError.is(new Error('FLOOD_WAIT_42'), 'FLOOD_WAIT_X')).toBe(false);
    expect(RpcError.is(new RpcError(400, 'FILE_PART_0_MISSING'), 'FILE_PART_0_MISSING')).toBe(true);
    if (RpcError.is(caught, 'FLOOD_WAIT_X')) {
      expectTypeOf(caught).toEqualTypeOf<RpcError<'FLOOD_WAIT_X'>>();
      expectTypeOf(caught.type).toEqualTypeOf<'FLOOD_WAIT_X'>();
      expect(caught.value).toBe(42);
    }
  });

  it('is built from a decoded rpc_error object', () => {
    const error = RpcError.from({ errorCode: 400, errorMessage: 'BOT_INVALID' }, 'messages.startBot');
    expect([error.code, error.type, error.method]).toEqual([400, 'BOT_INVALID', 'messages.startBot']);
  });

  it('carries no description until a lookup is installed; then fills the value into it', () => {
    expect(new RpcError(420, 'FLOOD_WAIT_42').description).toBeUndefined();
    const seen: string[] = [];
    setRpcErrorDescriptions((type) => {
      seen.push(type);
      return type === 'FLOOD_WAIT_X' ? 'A wait of %d seconds is required' : undefined;
    });
    const flood = new RpcError(420, 'FLOOD_WAIT_42', 'messages.sendMessage');
    expect(flood.description).toBe('A wait of 42 seconds is required');
    expect(flood.message).toBe('messages.sendMessage: 420 FLOOD_WAIT_42 (A wait of 42 seconds is required)');
    expect(new RpcError(400, 'SOMETHING_NEW').description).toBeUndefined();
    expect(seen).toEqual(['FLOOD_WAIT_X', 'SOMETHING_NEW']);
    setRpcErrorDescriptions(undefined);
    expect(new RpcError(420, 'FLOOD_WAIT_42').description).toBeUndefined();
  });

  it('never throws while parsing, whatever the code and text (fuzzed)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme-ascii' }),
      fc.stringMatching(/^[A-Z0-9_]{0,40}$/),
      fc.constantFrom('', '_', '_0', '__1_', 'A_99999999999999999999999', '_1_2_3', 'X_1e5'),
    );
    fc.assert(
      fc.property(fc.integer({ min: -0x80000000, max: 0x7fffffff }), text, (code, message) => {
        const error = new RpcError(code, message, 'test.method');
        expect(error.code).toBe(code);
        expect(error.text).toBe(message);
        if (error.value === undefined) {
          expect(error.type).toBe(message);
        } else {
          // The type is the text with one run of digits replaced by X, and that run is the value.
          let at = 0;
          while (error.type[at] === message[at]) at++;
          expect(error.type[at]).toBe('X');
          const digits = message.slice(at, at + message.length - error.type.length + 1);
          expect(/^[0-9]+$/.test(digits)).toBe(true);
          expect(Number(digits)).toBe(error.value);
          expect(`${error.type.slice(0, at)}${digits}${error.type.slice(at + 1)}`).toBe(message);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
