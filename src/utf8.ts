// UTF-8 for TL strings without intermediate arrays: the writer encodes straight into its buffer, the
// reader decodes short ASCII in JS and everything else with TextDecoder (fatal in strict mode, and
// never stripping a leading BOM, so accepted bytes re-encode identically).

/**
 * Encodes `s` into `buf` at `p` (the caller reserved 3 bytes per UTF-16 unit) and returns the end
 * position, or `-1 - i` when `s[i]` is a lone surrogate (nothing useful was written then).
 */
export function encodeUtf8Into(s: string, buf: Uint8Array, p: number): number {
  const n = s.length;
  let i = 0;
  // ASCII fast path: most TL strings (names, usernames, JSON keys) never leave it.
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) break;
    buf[p++] = c;
    i++;
  }
  while (i < n) {
    let c = s.charCodeAt(i++);
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
      const low = i < n ? s.charCodeAt(i) : 0;
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
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return i;
    const low = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    if (low < 0xdc00 || low > 0xdfff) return i;
    i++;
  }
  return -1;
}

/**
 * Offset of the first byte in [start, end) that makes the data invalid UTF-8 (overlong forms,
 * surrogates, code points above U+10FFFF, bad or missing continuation bytes), or -1 when valid.
 * Only called after TextDecoder rejected the data, to report an exact offset.
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

/** Below this many bytes a JS loop beats the TextDecoder call overhead for ASCII. */
const SHORT_STRING = 12;

/**
 * Decodes bytes [start, end) as UTF-8. Strict: throws the decoder's TypeError on invalid data (the
 * caller turns it into a positioned error); lenient: invalid sequences become U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number, strict: boolean): string {
  if (end - start <= SHORT_STRING) {
    let s = '';
    let i = start;
    for (; i < end; i++) {
      const c = bytes[i];
      if (c >= 0x80) break;
      s += String.fromCharCode(c);
    }
    if (i === end) return s;
  }
  return (strict ? strictDecoder : lenientDecoder).decode(bytes.subarray(start, end));
}
