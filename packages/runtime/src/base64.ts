// Base64 (RFC 4648, standard alphabet, padded) for the JSON form of `bytes`, `int128` and `int256`.
// Decoding is strict: one text per byte string (padding required, unused bits zero, no whitespace), so
// JSON that decodes re-encodes to the same text. Plain JS: no atob/btoa (they work on Latin-1 strings,
// not bytes) and nothing of Node (the runtime runs in browsers).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Character code → 6-bit value, -1 for anything outside the alphabet. */
const VALUES = /*@__PURE__*/ (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) values[ALPHABET.charCodeAt(i)] = i;
  return values;
})();

export function encodeBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  let out = '';
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63];
  }
  if (i + 1 === n) {
    const v = bytes[i] << 16;
    out += `${ALPHABET[v >> 18]}${ALPHABET[(v >> 12) & 63]}==`;
  } else if (i + 2 === n) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += `${ALPHABET[v >> 18]}${ALPHABET[(v >> 12) & 63]}${ALPHABET[(v >> 6) & 63]}=`;
  }
  return out;
}

/** Why a text is not canonical base64: the message of a decode failure. */
export class Base64Failure extends Error {}

/** The bytes of a canonical base64 text; anything else throws a `Base64Failure` saying what and where. */
export function decodeBase64(text: string): Uint8Array {
  const n = text.length;
  if (n % 4 !== 0) {
    throw new Base64Failure(`base64 length ${n} is not a multiple of 4 (padding with = is required)`);
  }
  const padding = n === 0 ? 0 : text.charCodeAt(n - 1) !== 61 ? 0 : text.charCodeAt(n - 2) === 61 ? 2 : 1;
  const out = new Uint8Array((n / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < n; i += 4) {
    const last = i + 4 === n;
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = last && padding === 2 ? 0 : sextet(text, i + 2);
    const d = last && padding >= 1 ? 0 : sextet(text, i + 3);
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >> 16;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
    if (last && ((padding === 2 && (b & 15) !== 0) || (padding === 1 && (c & 3) !== 0))) {
      throw new Base64Failure(`base64 character ${i + 3 - padding} has bits set that the padding drops`);
    }
  }
  return out;
}

function sextet(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const value = code < 128 ? VALUES[code] : -1;
  if (value < 0) {
    const shown = code === 61 ? '"=" before the end' : JSON.stringify(text[i]);
    throw new Base64Failure(`character ${i} is ${shown}, not base64 (A-Z a-z 0-9 + /)`);
  }
  return value;
}
