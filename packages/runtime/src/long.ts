// 64-bit integer inputs: recognizes big-integer values from any copy of the package (duck-typed),
// native bigints, safe-integer numbers and decimal strings, and converts them for the writer and
// for generated constructors (`longArg`).

import type { BigInteger } from 'big-integer';
import bigInt from 'big-integer';

export type { BigInteger } from 'big-integer';
export type LongInput = BigInteger | bigint | number | string;

export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

/** Internal shapes of big-integer's three classes (NativeBigInt, SmallInteger, BigInteger). */
interface BigIntegerShape {
  value: unknown;
  isSmall?: unknown;
  sign?: unknown;
  multiply?: unknown;
}

/**
 * True for a big-integer value from any copy of the package: `instanceof` fails across copies, so
 * this checks the instance shapes the package uses (native bigint value, small number value, or
 * base-1e7 digit array with a sign) plus one of its methods.
 */
export function isBigInteger(v: unknown): v is BigInteger {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as BigIntegerShape;
  if (typeof o.multiply !== 'function') return false;
  const value = o.value;
  if (typeof value === 'bigint') return true;
  if (typeof value === 'number') return o.isSmall === true;
  return Array.isArray(value) && o.isSmall === false && typeof o.sign === 'boolean';
}

/**
 * The exact value of a big-integer `BigInteger` (array form: little-endian base-1e7 digits), or
 * undefined when it has more digits than any signed 64-bit value (three digits reach 1e21 > 2^63).
 */
export function bigIntegerDigitsToBigint(digits: readonly number[], negative: boolean): bigint | undefined {
  if (digits.length > 3) return undefined;
  let r = 0n;
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digits[i];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d >= 1e7) return undefined;
    r = r * 10000000n + BigInt(d);
  }
  return negative ? -r : r;
}

/**
 * Parses a decimal string: optional leading '-', then ASCII digits only (no whitespace, '+', hex,
 * exponent or fraction). Returns undefined when malformed; the value may still be out of range.
 * Leading zeros are skipped before counting digits so a long run of them cannot make BigInt() slow.
 */
export function parseDecimalLong(s: string): bigint | undefined {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n) return undefined;
  for (let j = i; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return undefined;
  }
  while (i < n - 1 && s.charCodeAt(i) === 48) i++;
  // 20 significant digits already exceed 2^63; report out of range via a value just outside it.
  if (n - i > 19) return s.charCodeAt(0) === 45 ? LONG_MIN - 1n : LONG_MAX + 1n;
  const digits = BigInt(s.slice(i));
  return s.charCodeAt(0) === 45 ? -digits : digits;
}

/**
 * Converts a valid `long` input to a big-integer value (a BigInteger input is returned as is).
 * Invalid input is returned unchanged, so the writer reports it with the field path at serialize time.
 */
export function longArg(v: LongInput): BigInteger {
  switch (typeof v) {
    case 'number':
      return Number.isSafeInteger(v) ? bigInt(v) : (v as unknown as BigInteger);
    case 'bigint':
      return v >= LONG_MIN && v <= LONG_MAX ? bigInt(v) : (v as unknown as BigInteger);
    case 'string': {
      const parsed = parseDecimalLong(v);
      return parsed !== undefined && parsed >= LONG_MIN && parsed <= LONG_MAX
        ? bigInt(parsed)
        : (v as unknown as BigInteger);
    }
    default:
      return v;
  }
}

/**
 * For modules generated with `--long bigint`: converts a valid `long` input (bigint, safe-integer
 * number, decimal string, big-integer value of any copy) to a native bigint. Invalid input (out of
 * range, a fraction, anything else) is returned unchanged, so the writer reports it with the field path
 * at serialize time, as `longArg` does.
 */
export function bigintArg(v: LongInput): bigint {
  switch (typeof v) {
    case 'bigint':
      return v;
    case 'number':
      return Number.isSafeInteger(v) ? BigInt(v) : (v as unknown as bigint);
    case 'string': {
      const parsed = parseDecimalLong(v);
      return parsed !== undefined && parsed >= LONG_MIN && parsed <= LONG_MAX
        ? parsed
        : (v as unknown as bigint);
    }
    default: {
      if (!isBigInteger(v)) return v as unknown as bigint;
      const value = (v as unknown as { value: unknown }).value;
      if (typeof value === 'bigint') return value;
      if (typeof value === 'number') return BigInt(value);
      const exact = bigIntegerDigitsToBigint(
        value as number[],
        (v as unknown as { sign?: unknown }).sign === true,
      );
      return exact !== undefined && exact >= LONG_MIN && exact <= LONG_MAX ? exact : (v as unknown as bigint);
    }
  }
}

/**
 * Converts each element of a `Vector<long>` constructor argument with `longArg`; a non-array is kept
 * as given, for the writer to report with the field path.
 */
export function longArrayArg(values: readonly LongInput[]): BigInteger[] {
  if (!Array.isArray(values)) return values as unknown as BigInteger[];
  const converted: BigInteger[] = [];
  for (let i = 0; i < values.length; i++) converted.push(longArg(values[i] as LongInput));
  return converted;
}

/** `longArrayArg` for modules generated with `--long bigint`. */
export function bigintArrayArg(values: readonly LongInput[]): bigint[] {
  if (!Array.isArray(values)) return values as unknown as bigint[];
  const converted: bigint[] = [];
  for (let i = 0; i < values.length; i++) converted.push(bigintArg(values[i] as LongInput));
  return converted;
}

/** Converts each element of a nested array argument; a non-array is kept for the writer to report. */
export function mapArrayArg<T, U>(values: readonly T[], convert: (item: T) => U): U[] {
  if (!Array.isArray(values)) return values as unknown as U[];
  return values.map(convert);
}
