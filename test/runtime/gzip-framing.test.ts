// The gzip decoder is the runtime's own: it must inflate whatever zlib writes (every level, stored,
// fixed and dynamic blocks, several blocks, header fields) byte for byte, and refuse every framing
// zlib tolerates or a library glosses over, the same way at every input size.

import { constants, crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { inflateGzip } from '@tlforge/runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from './capture.ts';
import { sameBytes } from './hex.ts';

const LIMIT = 1 << 26;

function gzipMember(data: Uint8Array, level = 6, strategy = constants.Z_DEFAULT_STRATEGY): Uint8Array {
  return new Uint8Array(gzipSync(data, { level, strategy }));
}

/** A gzip member built by hand: header bytes, a raw deflate stream, then CRC32 and size. */
function handMade(header: number[], deflate: Uint8Array, data: Uint8Array): Uint8Array {
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, crc32(data), true);
  view.setUint32(4, data.length, true);
  return concat(new Uint8Array(header), deflate, trailer);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const BASIC_HEADER = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];

/** Text-like data that compresses with back-references and dynamic Huffman blocks. */
function sample(size: number, seed: number): Uint8Array {
  const words = ['message', 'user', 'peer', ' ', 'channel', '42', 'привет', '\n', 'id'];
  const bytes: number[] = [];
  let s = seed;
  while (bytes.length < size) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    for (const b of new TextEncoder().encode(words[s % words.length])) bytes.push(b);
    if (s % 7 === 0) bytes.push(s & 0xff);
  }
  return new Uint8Array(bytes.slice(0, size));
}

describe('inflateGzip reads what zlib writes', () => {
  it('round-trips random data at every level and strategy', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(
          constants.Z_DEFAULT_STRATEGY,
          constants.Z_FIXED,
          constants.Z_HUFFMAN_ONLY,
          constants.Z_RLE,
        ),
        (data, level, strategy) => {
          expect(inflateGzip(gzipMember(data, level, strategy), LIMIT)).toEqual(data);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('inflates multi-block streams of text, zeros and incompressible bytes', () => {
    const random = new Uint8Array(300_000).map((_, i) => (Math.imul(i, 2654435761) >>> 13) & 0xff);
    for (const data of [sample(500_000, 1), new Uint8Array(1_000_000), random]) {
      // Compared as bytes: a deep equality of megabyte arrays would take seconds.
      for (const level of [0, 1, 9])
        expect(sameBytes(inflateGzip(gzipMember(data, level), LIMIT), data)).toBe(true);
    }
  });

  it('skips the optional header fields (extra, name, comment, header CRC)', () => {
    const data = sample(1000, 3);
    const deflate = new Uint8Array(deflateRawSync(data));
    const withFields = [
      ...[0x1f, 0x8b, 8, 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3],
      ...[3, 0, 0xaa, 0xbb, 0xcc],
      ...new TextEncoder().encode('name.bin\0comment\0'),
    ];
    expect(inflateGzip(handMade(withFields, deflate, data), LIMIT)).toEqual(data);
    const header = [...BASIC_HEADER];
    header[3] = 0x02;
    const headerCrc = crc32(new Uint8Array(header)) & 0xffff;
    const checked = handMade([...header, headerCrc & 0xff, headerCrc >>> 8], deflate, data);
    expect(inflateGzip(checked, LIMIT)).toEqual(data);
    checked[10] ^= 1;
    expect(thrown(() => inflateGzip(checked, LIMIT))).toMatchObject({ message: 'gzip header CRC mismatch' });
  });
});

describe('inflateGzip refuses framing that is not exactly one member', () => {
  // Below and above 65,038 bytes, where an earlier decoder switched between a one-shot and a
  // streaming path with different rules.
  for (const size of [100, 70_000]) {
    const data = sample(size, size);
    const member = gzipMember(data);
    const trailer = member.subarray(member.length - 8);
    const body = member.subarray(0, member.length - 8);

    it(`rejects bytes between the deflate stream and the trailer (${size} bytes)`, () => {
      const padded = concat(body, new Uint8Array([0, 0, 0, 0]), trailer);
      expect(thrown(() => inflateGzip(padded, LIMIT))).toMatchObject({
        message: '4 bytes between the end of the deflate stream and the gzip trailer',
      });
    });

    it(`rejects a second member, even with a forged final trailer (${size} bytes)`, () => {
      const second = gzipMember(sample(50, 9));
      // The last trailer is the second member's: the first stream alone inflates past its 50 bytes.
      expect(thrown(() => inflateGzip(concat(member, second), LIMIT))).toMatchObject({
        message: 'the deflate stream inflates to more than the 50 bytes the gzip trailer declares',
      });
      const forged = concat(member, second);
      forged.set(trailer, forged.length - 8);
      expect(thrown(() => inflateGzip(forged, LIMIT))).toMatchObject({
        message: `${second.length} bytes between the end of the deflate stream and the gzip trailer`,
      });
    });

    it(`rejects a cut-off stream and a wrong CRC (${size} bytes)`, () => {
      const cut = concat(body.subarray(0, body.length - 5), trailer);
      expect(() => inflateGzip(cut, LIMIT)).toThrow(/deflate stream is cut off|corrupt deflate stream/);
      const badCrc = member.slice();
      badCrc[badCrc.length - 8] ^= 0x80;
      expect(thrown(() => inflateGzip(badCrc, LIMIT))).toMatchObject({
        message: 'CRC32 of the inflated data does not match',
      });
    });
  }

  it('rejects reserved header flags and an unterminated file name', () => {
    const data = sample(100, 1);
    const deflate = new Uint8Array(deflateRawSync(data));
    const reserved = [...BASIC_HEADER];
    reserved[3] = 0x20;
    expect(thrown(() => inflateGzip(handMade(reserved, deflate, data), LIMIT))).toMatchObject({
      message: 'reserved gzip header flags set (0x20)',
    });
    const named = [...BASIC_HEADER];
    named[3] = 0x08;
    const unterminated = concat(new Uint8Array(named), new Uint8Array(30).fill(0x41));
    expect(thrown(() => inflateGzip(unterminated, LIMIT))).toMatchObject({
      message: 'gzip header file name is not terminated',
    });
  });

  it('caps the output at the limit before inflating and at the declared size while inflating', () => {
    const bomb = gzipMember(new Uint8Array(10_000_000));
    expect(thrown(() => inflateGzip(bomb, 1_000_000))).toMatchObject({
      message: 'inflated size 10000000 exceeds the limit of 1000000 bytes',
    });
    const lying = bomb.slice();
    lying.set([0xe8, 0x03, 0, 0], lying.length - 4);
    expect(thrown(() => inflateGzip(lying, 1_000_000))).toMatchObject({
      message: 'the deflate stream inflates to more than the 1000 bytes the gzip trailer declares',
    });
  });
});
