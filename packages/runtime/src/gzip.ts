// Inflating gzip_packed payloads from untrusted peers, in one strict place: exactly one gzip member
// (RFC 1952), its deflate stream (RFC 1951) ending exactly where the 8-byte trailer begins, the
// trailer's CRC32 and size checked, and the output capped while it is produced, so a compression bomb
// fails before it costs memory. The same rules hold at every input size: the decoder is our own, so
// it knows where the deflate stream ends (a library that inflates "what it can" ignores garbage after
// the stream, or a second member).

import { crc32 } from './crc32.ts';

/** Thrown for any malformed or oversized gzip stream; the reader turns it into a 'gzip' decode error. */
export class GzipFailure extends Error {}

const FLAG_HCRC = 0x02;
const FLAG_EXTRA = 0x04;
const FLAG_NAME = 0x08;
const FLAG_COMMENT = 0x10;
const FLAGS_RESERVED = 0xe0;

/** Inflates one complete gzip member of at most `maxSize` output bytes; `data` must hold nothing else. */
export function inflateGzip(data: Uint8Array, maxSize: number): Uint8Array {
  const n = data.length;
  if (n < 18) throw new GzipFailure(`a gzip stream needs at least 18 bytes, got ${n}`);
  if (data[0] !== 0x1f || data[1] !== 0x8b || data[2] !== 8) {
    throw new GzipFailure('not a gzip stream (bad magic bytes or compression method)');
  }
  const start = headerEnd(data, n - 8);
  const declared = readUint32(data, n - 4);
  if (declared > maxSize) {
    throw new GzipFailure(`inflated size ${declared} exceeds the limit of ${maxSize} bytes`);
  }
  // Output beyond the declared size is an error already: the cap is the smaller of the two.
  const inflated = inflateRaw(data, start, n - 8, declared);
  if (inflated.end !== n - 8) {
    throw new GzipFailure(
      `${n - 8 - inflated.end} bytes between the end of the deflate stream and the gzip trailer`,
    );
  }
  const out = inflated.out;
  if (out.length !== declared) {
    throw new GzipFailure(`inflated ${out.length} bytes but the gzip trailer declares ${declared}`);
  }
  if (crc32(out) !== readUint32(data, n - 8)) {
    throw new GzipFailure('CRC32 of the inflated data does not match');
  }
  return out;
}

function readUint32(data: Uint8Array, at: number): number {
  return ((data[at] as number) | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24)) >>> 0;
}

/** The offset where the deflate stream starts: past the fixed header and the optional fields. */
function headerEnd(data: Uint8Array, limit: number): number {
  const flags = data[3] as number;
  if ((flags & FLAGS_RESERVED) !== 0) {
    throw new GzipFailure(`reserved gzip header flags set (0x${flags.toString(16)})`);
  }
  let p = 10;
  if ((flags & FLAG_EXTRA) !== 0) {
    if (p + 2 > limit) throw new GzipFailure('gzip header extra field is cut off');
    p += 2 + ((data[p] as number) | (data[p + 1]! << 8));
  }
  if ((flags & FLAG_NAME) !== 0) p = afterZero(data, p, limit, 'file name');
  if ((flags & FLAG_COMMENT) !== 0) p = afterZero(data, p, limit, 'comment');
  if ((flags & FLAG_HCRC) !== 0) {
    if (p + 2 > limit) throw new GzipFailure('gzip header CRC is cut off');
    const expected = (data[p] as number) | (data[p + 1]! << 8);
    if ((crc32(data.subarray(0, p)) & 0xffff) !== expected) throw new GzipFailure('gzip header CRC mismatch');
    p += 2;
  }
  if (p >= limit) throw new GzipFailure('gzip header leaves no room for a deflate stream');
  return p;
}

function afterZero(data: Uint8Array, p: number, limit: number, what: string): number {
  while (p < limit && data[p] !== 0) p++;
  if (p >= limit) throw new GzipFailure(`gzip header ${what} is not terminated`);
  return p + 1;
}

// ---- RFC 1951 ----

/** Length codes 257..285: base lengths and extra bits. */
const LENGTH_BASE = new Uint16Array([
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
]);
const LENGTH_EXTRA = new Uint8Array([
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
]);
/** Distance codes 0..29. */
const DIST_BASE = new Uint16Array([
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
]);
const DIST_EXTRA = new Uint8Array([
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
]);
/** The order in which code-length code lengths are sent. */
const CODE_LENGTH_ORDER = new Uint8Array([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);

/**
 * A Huffman decoding table indexed by the next `bits` input bits (LSB first): entry = symbol << 4 |
 * code length; 0 marks a bit pattern no code starts with.
 */
interface HuffmanTable {
  entries: Int32Array;
  bits: number;
}

let fixedTables: { litlen: HuffmanTable; dist: HuffmanTable } | undefined;

function fixedHuffman(): { litlen: HuffmanTable; dist: HuffmanTable } {
  if (fixedTables === undefined) {
    const lengths = new Uint8Array(288);
    lengths.fill(8, 0, 144);
    lengths.fill(9, 144, 256);
    lengths.fill(7, 256, 280);
    lengths.fill(8, 280, 288);
    fixedTables = { litlen: huffmanTable(lengths, 288), dist: huffmanTable(new Uint8Array(30).fill(5), 30) };
  }
  return fixedTables;
}

/** Builds the table of a canonical code; an over-subscribed set of lengths is an error. */
function huffmanTable(lengths: Uint8Array, count: number): HuffmanTable {
  const perLength = new Uint16Array(16);
  let maxBits = 0;
  for (let s = 0; s < count; s++) {
    const len = lengths[s] as number;
    perLength[len]!++;
    if (len > maxBits) maxBits = len;
  }
  perLength[0] = 0;
  const next = new Uint16Array(16);
  let code = 0;
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left = (left << 1) - (perLength[len] as number);
    if (left < 0) throw new GzipFailure('corrupt deflate stream: over-subscribed Huffman code');
    code = (code + (perLength[len - 1] as number)) << 1;
    next[len] = code;
  }
  const bits = Math.max(maxBits, 1);
  const size = 1 << bits;
  const entries = new Int32Array(size);
  for (let s = 0; s < count; s++) {
    const len = lengths[s] as number;
    if (len === 0) continue;
    const assigned = next[len]!++;
    // Codes are sent MSB first; the table is indexed by bits as they arrive (LSB first).
    let reversed = 0;
    for (let i = 0; i < len; i++) reversed |= ((assigned >>> i) & 1) << (len - 1 - i);
    for (let j = reversed; j < size; j += 1 << len) entries[j] = (s << 4) | len;
  }
  return { entries, bits };
}

/** Decodes a raw deflate stream in `data[start, limit)`; reports where the stream ended. */
function inflateRaw(
  data: Uint8Array,
  start: number,
  limit: number,
  maxSize: number,
): { out: Uint8Array; end: number } {
  let out = new Uint8Array(Math.min(maxSize, Math.max(1024, (limit - start) * 4)));
  let outPos = 0;
  let pos = start;
  let bitBuf = 0;
  let bitCount = 0;

  const need = (n: number): void => {
    while (bitCount < n) {
      if (pos >= limit) throw new GzipFailure('deflate stream is cut off');
      bitBuf |= (data[pos++] as number) << bitCount;
      bitCount += 8;
    }
  };
  const take = (n: number): number => {
    need(n);
    const value = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCount -= n;
    return value;
  };
  const decode = (table: HuffmanTable): number => {
    // Fill as many bits as the table uses, or as many as remain: a short code may end the input.
    while (bitCount < table.bits && pos < limit) {
      bitBuf |= (data[pos++] as number) << bitCount;
      bitCount += 8;
    }
    const entry = table.entries[bitBuf & ((1 << table.bits) - 1)] as number;
    const len = entry & 15;
    if (len === 0) throw new GzipFailure('corrupt deflate stream: invalid Huffman code');
    if (len > bitCount) throw new GzipFailure('deflate stream is cut off');
    bitBuf >>>= len;
    bitCount -= len;
    return entry >>> 4;
  };
  const room = (n: number): void => {
    if (outPos + n <= out.length) return;
    if (outPos + n > maxSize) {
      throw new GzipFailure(
        `the deflate stream inflates to more than the ${maxSize} bytes the gzip trailer declares`,
      );
    }
    const grown = new Uint8Array(Math.min(maxSize, Math.max(outPos + n, out.length * 2)));
    grown.set(out.subarray(0, outPos));
    out = grown;
  };

  let final = 0;
  while (final === 0) {
    final = take(1);
    const type = take(2);
    if (type === 0) {
      // Stored: from the next byte boundary, LEN and its complement, then LEN bytes.
      bitBuf = 0;
      pos -= bitCount >>> 3;
      bitCount = 0;
      if (pos + 4 > limit) throw new GzipFailure('deflate stream is cut off');
      const len = (data[pos] as number) | (data[pos + 1]! << 8);
      const nlen = (data[pos + 2] as number) | (data[pos + 3]! << 8);
      if ((len ^ 0xffff) !== nlen) throw new GzipFailure('corrupt deflate stream: stored block length check');
      pos += 4;
      if (pos + len > limit) throw new GzipFailure('deflate stream is cut off');
      room(len);
      out.set(data.subarray(pos, pos + len), outPos);
      outPos += len;
      pos += len;
      continue;
    }
    let litlen: HuffmanTable;
    let dist: HuffmanTable;
    if (type === 1) {
      ({ litlen, dist } = fixedHuffman());
    } else if (type === 2) {
      ({ litlen, dist } = dynamicTables(take, decode));
    } else {
      throw new GzipFailure('corrupt deflate stream: block type 3');
    }
    for (;;) {
      const symbol = decode(litlen);
      if (symbol < 256) {
        room(1);
        out[outPos++] = symbol;
        continue;
      }
      if (symbol === 256) break;
      const li = symbol - 257;
      if (li >= 29) throw new GzipFailure('corrupt deflate stream: invalid length code');
      const length = (LENGTH_BASE[li] as number) + take(LENGTH_EXTRA[li] as number);
      const di = decode(dist);
      if (di >= 30) throw new GzipFailure('corrupt deflate stream: invalid distance code');
      const distance = (DIST_BASE[di] as number) + take(DIST_EXTRA[di] as number);
      if (distance > outPos) throw new GzipFailure('corrupt deflate stream: distance before the start');
      room(length);
      let from = outPos - distance;
      for (let i = 0; i < length; i++) out[outPos++] = out[from++] as number;
    }
  }
  // Whole bytes fetched into the bit buffer but not used belong after the stream.
  const end = pos - (bitCount >>> 3);
  return { out: outPos === out.length ? out : out.slice(0, outPos), end };
}

/** Reads a dynamic block's code lengths and builds its two tables. */
function dynamicTables(
  take: (n: number) => number,
  decode: (table: HuffmanTable) => number,
): { litlen: HuffmanTable; dist: HuffmanTable } {
  const nlen = take(5) + 257;
  const ndist = take(5) + 1;
  const ncode = take(4) + 4;
  if (nlen > 286 || ndist > 30)
    throw new GzipFailure('corrupt deflate stream: too many length or distance codes');
  const codeLengths = new Uint8Array(19);
  for (let i = 0; i < ncode; i++) codeLengths[CODE_LENGTH_ORDER[i] as number] = take(3);
  const codeTable = huffmanTable(codeLengths, 19);
  const lengths = new Uint8Array(nlen + ndist);
  for (let i = 0; i < nlen + ndist; ) {
    const symbol = decode(codeTable);
    if (symbol < 16) {
      lengths[i++] = symbol;
      continue;
    }
    let repeat: number;
    let value = 0;
    if (symbol === 16) {
      if (i === 0) throw new GzipFailure('corrupt deflate stream: repeat with no previous length');
      value = lengths[i - 1] as number;
      repeat = 3 + take(2);
    } else if (symbol === 17) {
      repeat = 3 + take(3);
    } else {
      repeat = 11 + take(7);
    }
    if (i + repeat > nlen + ndist) throw new GzipFailure('corrupt deflate stream: code lengths overflow');
    lengths.fill(value, i, i + repeat);
    i += repeat;
  }
  if (lengths[256] === 0) throw new GzipFailure('corrupt deflate stream: no end-of-block code');
  return {
    litlen: huffmanTable(lengths.subarray(0, nlen), nlen),
    dist: huffmanTable(lengths.subarray(nlen), ndist),
  };
}
