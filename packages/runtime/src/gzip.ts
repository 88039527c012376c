// Inflating gzip_packed payloads from untrusted peers: the output size is capped before it is
// allocated (a compression bomb fails instead of exhausting memory), and the trailer's size and
// CRC32 are verified so truncated or corrupt streams are rejected rather than half-decoded.

import { Gunzip, gunzipSync } from 'fflate';
import { crc32 } from './crc32.ts';

/** Deflate cannot expand data by more than about 1032:1; below cap/1032 input a one-shot inflate is safe. */
const MAX_DEFLATE_RATIO = 1032;
/** Compressed bytes fed per step in the streaming path: bounds the overshoot past the cap to ~1 MiB. */
const STREAM_CHUNK = 1024;

/** Thrown for any malformed or oversized gzip stream; the reader turns it into a 'gzip' decode error. */
export class GzipFailure extends Error {}

/** Inflates a complete gzip member (RFC 1952) of at most `maxSize` output bytes. */
export function inflateGzip(data: Uint8Array, maxSize: number): Uint8Array {
  const n = data.length;
  if (n < 18) throw new GzipFailure(`a gzip stream needs at least 18 bytes, got ${n}`);
  if (data[0] !== 0x1f || data[1] !== 0x8b || data[2] !== 8) {
    throw new GzipFailure('not a gzip stream (bad magic bytes or compression method)');
  }
  const declared = (data[n - 4] | (data[n - 3] << 8) | (data[n - 2] << 16) | (data[n - 1] << 24)) >>> 0;
  if (declared > maxSize) {
    throw new GzipFailure(`inflated size ${declared} exceeds the limit of ${maxSize} bytes`);
  }
  let out: Uint8Array;
  try {
    out = n <= maxSize / MAX_DEFLATE_RATIO ? inflateOneShot(data, declared) : inflateStreaming(data, maxSize);
  } catch (e) {
    if (e instanceof GzipFailure) throw e;
    throw new GzipFailure(`corrupt gzip stream: ${(e as Error).message}`);
  }
  if (out.length !== declared) {
    throw new GzipFailure(`inflated ${out.length} bytes but the gzip trailer declares ${declared}`);
  }
  const expectedCrc = (data[n - 8] | (data[n - 7] << 8) | (data[n - 6] << 16) | (data[n - 5] << 24)) >>> 0;
  if (crc32(out) !== expectedCrc) throw new GzipFailure('CRC32 of the inflated data does not match');
  return out;
}

/**
 * One call into fflate with a fixed output buffer one byte larger than declared: fflate neither
 * grows a caller's buffer nor reports overflow, so a stream longer than declared shows up as a
 * result of declared + 1 bytes.
 */
function inflateOneShot(data: Uint8Array, declared: number): Uint8Array {
  return gunzipSync(data, { out: new Uint8Array(declared + 1) });
}

/** Feeds small chunks and counts output as it arrives, stopping as soon as the cap is passed. */
function inflateStreaming(data: Uint8Array, maxSize: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const gunzip = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > maxSize) throw new GzipFailure(`inflated size exceeds the limit of ${maxSize} bytes`);
    chunks.push(chunk);
  });
  const n = data.length;
  for (let i = 0; i < n; i += STREAM_CHUNK) {
    const stop = Math.min(i + STREAM_CHUNK, n);
    gunzip.push(data.subarray(i, stop), stop === n);
  }
  const out = new Uint8Array(total);
  let p = 0;
  for (const chunk of chunks) {
    out.set(chunk, p);
    p += chunk.length;
  }
  return out;
}
