// UTF-8 for TL strings without intermediate arrays: the writer encodes straight into its buffer; the
// reader validates and decodes in JS where that beats TextDecoder's fixed cost (short and non-ASCII
// strings), strictly in strict mode, never stripping a leading BOM, so accepted bytes re-encode
// identically.

// Strings reach the encoder in many representations (flat one- and two-byte, ropes, slices,
// internalized), and each is its own map to V8: `s.charCodeAt` soon sees more than four and its load
// goes megamorphic, so TurboFan stops inlining it and every unit costs a generic call (about 3x
// slower). Calling the method through `String.prototype` keeps the target constant whatever the
// receiver is. A 27-unit URL after the bench payloads: 190 ns with `s.charCodeAt`, 58 ns this way.

/**
 * Encodes `s` (of `n` = `s.length` units: the caller knows it is a string, so its `length` costs no
 * megamorphic load here) into `buf` at `p` (the caller reserved 3 bytes per UTF-16 unit) and returns
 * the end position, or `-1 - i` when `s[i]` is a lone surrogate (nothing useful was written then).
 */
export function encodeUtf8Into(s: string, n: number, buf: Uint8Array, p: number): number {
  let i = 0;
  // ASCII fast path: most TL strings (names, usernames, JSON keys) never leave it.
  while (i < n) {
    const c = String.prototype.charCodeAt.call(s, i);
    if (c >= 0x80) break;
    buf[p++] = c;
    i++;
  }
  while (i < n) {
    let c = String.prototype.charCodeAt.call(s, i++);
    if (c < 0x80) {
      buf[p++] = c;
    } else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 0x3f);
      buf[p++] = 0x80 | (c & 0x3f);
    } else {
      const low = i < n ? String.prototype.charCodeAt.call(s, i) : 0;
      if (c > 0xdbff || low < 0xdc00 || low > 0xdfff) return -i;
      i++;
      c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
      buf[p++] = 0xf0 | (c >> 18);
      buf[p++] = 0x80 | ((c >> 12) & 0x3f);
      buf[p++] = 0x80 | ((c >> 6) & 0x3f);
      buf[p++] = 0x80 | (c & 0x3f);
    }
  }
  return p;
}

/**
 * Index of the first lone surrogate in `s`, or -1 when `s` is well-formed UTF-16 (so that
 * TextEncoder.encodeInto would not silently replace anything).
 */
export function loneSurrogateIndex(s: string): number {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = String.prototype.charCodeAt.call(s, i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return i;
    const low = i + 1 < n ? String.prototype.charCodeAt.call(s, i + 1) : 0;
    if (low < 0xdc00 || low > 0xdfff) return i;
    i++;
  }
  return -1;
}

/**
 * Offset of the first byte in [start, end) that makes the data invalid UTF-8 (overlong forms,
 * surrogates, code points above U+10FFFF, bad or missing continuation bytes), or -1 when valid.
 * Only called after the decoder rejected the data, to report an exact offset.
 */
export function invalidUtf8Offset(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const j = i + k;
      if (j >= end) return i;
      const c = bytes[j];
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return j;
    }
    i += need + 1;
  }
  return -1;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
/** Turns the UTF-16 code units the JS decoder produced (always well-formed) into a string. */
export const utf16Decoder = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * Measured on V8 (Node 20): a TextDecoder call costs ~100-150 ns before it decodes anything, UTF-8 text
 * that is not ASCII then costs it ~4 ns per byte, while the JS decoder below takes ~1 ns per byte and
 * `String.fromCharCode.apply` ~20 ns plus ~2-3 ns per code unit; concatenating characters one by one
 * costs ~8 ns per character. Hence: ASCII up to TINY_ASCII bytes concatenated, up to APPLY_ASCII
 * bytes by `fromCharCode`, longer with the UTF-8 decoder; anything else decoded to code units in JS,
 * joined by `fromCharCode` up to SHORT_UNITS units and by the UTF-16 decoder above that. Strings up to
 * SHORT_ASCII bytes never go to a string batch (see TlReader.stringField).
 */
export const SHORT_ASCII = 12;
const TINY_ASCII = 4;
const APPLY_ASCII = 24;
const SHORT_UNITS = 64;
/** Longer non-ASCII data goes to TextDecoder directly, so the code unit buffer stays small. */
const JS_DECODE_MAX = 65536;

let units = new Uint16Array(1024);
/** `unitArrays[n]` has length n: `fromCharCode.apply` takes all of an array, and these are reused. */
const unitArrays: number[][] = [];
for (let n = 0; n <= SHORT_UNITS; n++) unitArrays.push(new Array<number>(n).fill(0));

/**
 * Decodes bytes [start, end) as UTF-8 (`view` is a DataView over the same bytes, same offsets). Invalid
 * data: strict returns undefined (the caller reports the offset from `invalidUtf8Offset`), lenient
 * replaces each invalid sequence by U+FFFD as TextDecoder does. A leading BOM is kept either way.
 */
export function decodeUtf8(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  end: number,
  strict: boolean,
): string | undefined {
  const i = asciiEnd(bytes, view, start, end);
  if (i === end) {
    const n = end - start;
    if (n <= TINY_ASCII) {
      let s = '';
      for (let k = start; k < end; k++) s += String.fromCharCode(bytes[k]);
      return s;
    }
    if (n <= APPLY_ASCII) {
      const codes = unitArrays[n];
      for (let k = 0; k < n; k++) codes[k] = bytes[start + k];
      return String.fromCharCode.apply(null, codes);
    }
    return strictDecoder.decode(bytes.subarray(start, end));
  }
  const length = end - start;
  // Every code unit takes at most 3 bytes: data this short may have at most SHORT_UNITS units. Their
  // count is cheap to take first, and then they are decoded straight into the array `fromCharCode`
  // takes rather than copied there from `units` (measured: 110 ns against 130 ns for a 21-unit text).
  if (length <= 3 * SHORT_UNITS) {
    const n = i - start + unitCount(bytes, view, i, end);
    if (n <= SHORT_UNITS) {
      const codes = unitArrays[n];
      if (utf8ToArray(bytes, view, start, i, end, codes) >= 0) return String.fromCharCode.apply(null, codes);
      return strict ? undefined : lenientDecoder.decode(bytes.subarray(start, end));
    }
  }
  if (length > JS_DECODE_MAX) return nativeDecode(bytes, start, end, strict);
  if (units.length < length) units = new Uint16Array(Math.max(length, units.length * 2));
  const n = utf8ToUnits(bytes, view, start, i, end, units);
  if (n < 0) return strict ? undefined : lenientDecoder.decode(bytes.subarray(start, end));
  return utf16Decoder.decode(units.subarray(0, n));
}

/**
 * How many UTF-16 code units valid UTF-8 [start, end) decodes to: one per byte that is not a
 * continuation byte (10xxxxxx), two for a 4-byte sequence's lead (11110xxx). Four bytes per step.
 * For invalid data the count is no less than what `utf8ToArray` writes before it finds the error.
 */
function unitCount(bytes: Uint8Array, view: DataView, start: number, end: number): number {
  let n = end - start;
  let k = start;
  for (; k + 4 <= end; k += 4) {
    const word = view.getInt32(k, true);
    // Bit 7 of each byte: set for a continuation byte, or for a byte >= 0xf0.
    const continuation = word & ~(word << 1) & 0x80808080;
    const lead4 = word & (word << 1) & (word << 2) & (word << 3) & 0x80808080;
    // Bits 0, 8, 16 and 24 summed into the top byte by one multiplication.
    n += (Math.imul(lead4 >>> 7, 0x01010101) >>> 24) - (Math.imul(continuation >>> 7, 0x01010101) >>> 24);
  }
  for (; k < end; k++) {
    const b = bytes[k];
    if ((b & 0xc0) === 0x80) n--;
    else if (b >= 0xf0) n++;
  }
  return n;
}

/** The end of the ASCII prefix of [start, end): four bytes per step (V8 reads a DataView word faster than 4 bytes). */
export function asciiEnd(bytes: Uint8Array, view: DataView, start: number, end: number): number {
  let i = start;
  while (i + 4 <= end && (view.getInt32(i, true) & 0x80808080) === 0) i += 4;
  while (i < end && bytes[i] < 0x80) i++;
  return i;
}

function nativeDecode(bytes: Uint8Array, start: number, end: number, strict: boolean): string | undefined {
  if (!strict) return lenientDecoder.decode(bytes.subarray(start, end));
  try {
    return strictDecoder.decode(bytes.subarray(start, end));
  } catch {
    return undefined;
  }
}

/**
 * Decodes [start, end) into UTF-16 code units at `out[outStart]` (bytes before `ascii` are known to be
 * ASCII) and returns their count, or -1 at the first sequence that is not valid UTF-8: the rules of `invalidUtf8Offset`
 * (no overlong forms, no surrogates, nothing above U+10FFFF, complete sequences only).
 */
/** Bytes 110xxxxx 10xxxxxx 110xxxxx 10xxxxxx, read little-endian as one int32. */
const TWO_SEQUENCES_MASK = 0xc0e0c0e0 | 0;
const TWO_SEQUENCES = 0x80c080c0 | 0;

export function utf8ToUnits(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  ascii: number,
  end: number,
  out: Uint16Array,
  outStart = 0,
): number {
  let n = outStart;
  for (let k = start; k < ascii; k++) out[n++] = bytes[k];
  let i = ascii;
  while (i < end) {
    // Four bytes per DataView read where they are four ASCII characters or two 2-byte sequences
    // (Cyrillic, Greek, …, lead bytes 0xc2..0xdf), the common cases of chat text.
    if (i + 4 <= end) {
      const word = view.getInt32(i, true);
      if ((word & 0x80808080) === 0) {
        out[n] = word & 0x7f;
        out[n + 1] = (word >> 8) & 0x7f;
        out[n + 2] = (word >> 16) & 0x7f;
        out[n + 3] = word >>> 24;
        n += 4;
        i += 4;
        continue;
      }
      if ((word & TWO_SEQUENCES_MASK) === TWO_SEQUENCES && (word & 0x1e) !== 0 && (word & 0x1e0000) !== 0) {
        out[n] = ((word & 0x1f) << 6) | ((word >> 8) & 0x3f);
        out[n + 1] = ((word >> 10) & 0x7c0) | ((word >>> 24) & 0x3f);
        n += 2;
        i += 4;
        continue;
      }
    }
    const c = bytes[i];
    if (c < 0x80) {
      out[n++] = c;
      i++;
    } else if (c < 0xe0) {
      if (c < 0xc2 || i + 1 >= end) return -1;
      const c1 = bytes[i + 1];
      if ((c1 & 0xc0) !== 0x80) return -1;
      out[n++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      if (i + 2 >= end) return -1;
      const c1 = bytes[i + 1];
      const c2 = bytes[i + 2];
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return -1;
      const cp = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      // Overlong forms and UTF-16 surrogates.
      if (cp < 0x800 || (cp & 0xf800) === 0xd800) return -1;
      out[n++] = cp;
      i += 3;
    } else {
      if (c > 0xf4 || i + 3 >= end) return -1;
      const c1 = bytes[i + 1];
      const c2 = bytes[i + 2];
      const c3 = bytes[i + 3];
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return -1;
      const cp = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      if (cp < 0x10000 || cp > 0x10ffff) return -1;
      // The surrogate pair: 0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + (cp & 0x3ff).
      out[n++] = 0xd7c0 + (cp >> 10);
      out[n++] = 0xdc00 | (cp & 0x3ff);
      i += 4;
    }
  }
  return n - outStart;
}

/**
 * `utf8ToUnits` into a plain array of exactly `unitCount` elements, for `fromCharCode.apply` (a copy of
 * its body: one function storing into both kinds of array would make every store polymorphic). Writes
 * units only for sequences found valid, so for invalid data it never writes past the array's end.
 */
function utf8ToArray(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  ascii: number,
  end: number,
  out: number[],
): number {
  let n = 0;
  for (let k = start; k < ascii; k++) out[n++] = bytes[k];
  let i = ascii;
  while (i < end) {
    // Four bytes per DataView read where they are four ASCII characters or two 2-byte sequences
    // (Cyrillic, Greek, …, lead bytes 0xc2..0xdf), the common cases of chat text.
    if (i + 4 <= end) {
      const word = view.getInt32(i, true);
      if ((word & 0x80808080) === 0) {
        out[n] = word & 0x7f;
        out[n + 1] = (word >> 8) & 0x7f;
        out[n + 2] = (word >> 16) & 0x7f;
        out[n + 3] = word >>> 24;
        n += 4;
        i += 4;
        continue;
      }
      if ((word & TWO_SEQUENCES_MASK) === TWO_SEQUENCES && (word & 0x1e) !== 0 && (word & 0x1e0000) !== 0) {
        out[n] = ((word & 0x1f) << 6) | ((word >> 8) & 0x3f);
        out[n + 1] = ((word >> 10) & 0x7c0) | ((word >>> 24) & 0x3f);
        n += 2;
        i += 4;
        continue;
      }
    }
    const c = bytes[i];
    if (c < 0x80) {
      out[n++] = c;
      i++;
    } else if (c < 0xe0) {
      if (c < 0xc2 || i + 1 >= end) return -1;
      const c1 = bytes[i + 1];
      if ((c1 & 0xc0) !== 0x80) return -1;
      out[n++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      if (i + 2 >= end) return -1;
      const c1 = bytes[i + 1];
      const c2 = bytes[i + 2];
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return -1;
      const cp = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      // Overlong forms and UTF-16 surrogates.
      if (cp < 0x800 || (cp & 0xf800) === 0xd800) return -1;
      out[n++] = cp;
      i += 3;
    } else {
      if (c > 0xf4 || i + 3 >= end) return -1;
      const c1 = bytes[i + 1];
      const c2 = bytes[i + 2];
      const c3 = bytes[i + 3];
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return -1;
      const cp = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      if (cp < 0x10000 || cp > 0x10ffff) return -1;
      // The surrogate pair: 0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + (cp & 0x3ff).
      out[n++] = 0xd7c0 + (cp >> 10);
      out[n++] = 0xdc00 | (cp & 0x3ff);
      i += 4;
    }
  }
  return n;
}
