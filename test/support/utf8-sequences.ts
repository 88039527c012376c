// UTF-8 byte sequences for property tests of the decoders, valid or not.

/**
 * `cp` encoded in `extra` more bytes than UTF-8 needs (at most 4): with `extra` 0 the valid encoding
 * (or, for a surrogate, the 3-byte sequence a strict decoder refuses), otherwise an overlong one.
 */
export function encodeCodePoint(cp: number, extra: number): number[] {
  const natural = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  const length = Math.min(4, natural + extra);
  if (length === 1) return [cp];
  const out = [((0xff00 >> length) & 0xff) | (cp >> (6 * (length - 1)))];
  for (let k = length - 2; k >= 0; k--) out.push(0x80 | ((cp >> (6 * k)) & 0x3f));
  return out;
}
