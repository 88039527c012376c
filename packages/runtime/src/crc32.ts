// CRC-32 (IEEE 802.3 / zlib polynomial, reflected), table-driven: the gzip trailer check here and
// the constructor ids of the code generator (TL-NOTES §3) both use this one implementation.

let crcTable: Int32Array | undefined;

function makeCrcTable(): Int32Array {
  const table = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c;
  }
  return table;
}

/** zlib/IEEE CRC32, as uint32. */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === undefined) crcTable = makeCrcTable();
  const table = crcTable;
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
