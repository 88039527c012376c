// The vendored layers as the dissector reads them, parsed once per test file.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type DissectSchema,
  dissectSchemaFromText,
} from '../../packages/codegen/src/dissect/dissect-schema.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cache = new Map<string, DissectSchema>();

export function layerSchema(layer: 'latest' | '122'): DissectSchema {
  let schema = cache.get(layer);
  if (schema === undefined) {
    const folder = layer === '122' ? 'layer122' : 'latest';
    schema = dissectSchemaFromText(
      ['api.tl', 'mtproto.tl'].map((name) => ({
        name,
        text: readFileSync(`${root}schema/${folder}/${name}`, 'utf8'),
      })),
    );
    cache.set(layer, schema);
  }
  return schema;
}

/** Hex chunks (spaces allowed) to bytes. */
export function bytesOf(...chunks: string[]): Uint8Array {
  return Uint8Array.from(Buffer.from(chunks.join('').replace(/\s+/g, ''), 'hex'));
}
