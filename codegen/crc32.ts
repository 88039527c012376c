// CRC-32 (IEEE 802.3 / zlib polynomial, reflected), table-driven. Constructor ids are the CRC32 of
// a normalized declaration (TL-NOTES §3); the codegen must not depend on node:zlib's version for it.

const table = buildTable();

function buildTable(): Uint32Array {
  const entries = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    entries[n] = c >>> 0;
  }
  return entries;
}

/** CRC32 of the low byte of each char code: TL declarations are ASCII, so this is the CRC of the text. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = table[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
