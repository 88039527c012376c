// Constructor ids and SUBCLASS_OF_IDs are the CRC32 of TL text (TL-NOTES §3), computed with the
// runtime's CRC32 over the text's bytes (declarations are ASCII), not with node:zlib's.

import { crc32 as crc32OfBytes } from '@tlforge/runtime';

const encoder = new TextEncoder();

export function crc32(text: string): number {
  return crc32OfBytes(encoder.encode(text));
}
