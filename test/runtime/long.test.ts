import { bigintArg, isBigInteger, longArg, TlEncodeError, TlReader, TlWriter } from '@tlforge/runtime';
import bigInt from 'big-integer';
import bigIntSecondCopy from 'big-integer/BigInteger.min.js';
import { describe, expect, it } from 'vitest';

describe('isBigInteger', () => {
  it('recognizes values from two copies of big-integer', () => {
    expect(bigIntSecondCopy(5) instanceof bigInt(5).constructor).toBe(false);
    expect(isBigInteger(bigInt(5))).toBe(true);
    expect(isBigInteger(bigIntSecondCopy('123456789012345678901234567890'))).toBe(true);
  });
  it('recognizes the SmallInteger and digit-array shapes', () => {
    const multiply = () => undefined;
    expect(isBigInteger({ value: 3, sign: false, isSmall: true, multiply })).toBe(true);
    expect(isBigInteger({ value: [1, 2], sign: false, isSmall: false, multiply })).toBe(true);
  });
  it('rejects look-alikes and other values', () => {
    for (const v of [5, 5n, '5', null, undefined, {}, { value: 5n }, { value: 3, isSmall: true }, [1]]) {
      expect(isBigInteger(v)).toBe(false);
    }
  });
});

describe('longArg', () => {
  it('converts valid inputs to big-integer values', () => {
    expect(longArg(42).toString()).toBe('42');
    expect(longArg(-(2n ** 63n)).toString()).toBe('-9223372036854775808');
    expect(longArg('9223372036854775807').toString()).toBe('9223372036854775807');
    expect(isBigInteger(longArg('-7'))).toBe(true);
  });
  it('returns a BigInteger input itself', () => {
    const v = bigIntSecondCopy('123');
    expect(longArg(v)).toBe(v);
  });
  it('returns invalid inputs unchanged for the writer to report', () => {
    for (const v of [1.5, 2 ** 53 + 2, '12a', '', ' 1', 2n ** 63n, '9223372036854775808']) {
      expect(longArg(v as never)).toBe(v);
    }
  });
});

describe('bigintArg (--long bigint)', () => {
  it('converts valid inputs to native bigints', () => {
    expect(bigintArg(42)).toBe(42n);
    expect(bigintArg(-(2n ** 63n))).toBe(-(2n ** 63n));
    expect(bigintArg('9223372036854775807')).toBe(2n ** 63n - 1n);
    expect(bigintArg(bigInt('-123456789012345678'))).toBe(-123456789012345678n);
    expect(bigintArg(bigIntSecondCopy(7))).toBe(7n);
    expect(bigintArg({ value: [1, 2], sign: true, isSmall: false, multiply: () => undefined } as never)).toBe(
      -20000001n,
    );
  });
  it('returns invalid inputs unchanged for the writer to report', () => {
    for (const v of [1.5, 2 ** 53, '12a', '9223372036854775808', {}, null]) {
      expect(bigintArg(v as never)).toBe(v);
    }
  });
  it('reads and writes through TlReader.bigint and TlWriter.bigint', () => {
    const w = new TlWriter();
    w.bigint(-2n);
    w.bigint(5);
    expect(() => w.bigint(2n ** 63n)).toThrow(TlEncodeError);
    const r = new TlReader(w.finish(), new Map());
    expect(r.bigint()).toBe(-2n);
    expect(r.bigint()).toBe(5n);
  });
});
