// Byte literals for tests: expected encodings are written out by hand as hex words (one per field,
// with a comment saying which), never produced by the writer under test.

/** Parses hex digits, ignoring whitespace: `hex('7873dfe6 16282')`. */
export function hex(...words: string[]): Uint8Array {
  const digits = words.join('').replace(/\s+/g, '');
  if (digits.length % 2 !== 0 || /[^0-9a-f]/i.test(digits)) throw new Error(`bad hex literal: ${digits}`);
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Formats bytes as 4-byte words (`7873dfe6 162829d8 …`): the form the expected literals use. */
export function toHex(bytes: Uint8Array): string {
  const digits = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return digits.replace(/(.{8})(?=.)/g, '$1 ');
}
