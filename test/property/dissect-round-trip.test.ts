// The model-driven dissector and JSON encoder against the generated classes, for every constructor and
// function of every schema set: random valid instances (the round-trip test's arbitraries and seeds)
// serialize; the dissector reads the bytes through without an error, and the value it reads is the
// JSON `toJSON()` writes for what `deserialize` returns; the encoder turns that JSON back into the same bytes; and cut
// short anywhere, the bytes fail in the dissector with the error (kind and offset) `deserialize` gives.

import { TlDecodeError } from '@tlforge/runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dissect } from '../../packages/codegen/src/dissect/dissect-bytes.ts';
import { DissectSchema } from '../../packages/codegen/src/dissect/dissect-schema.ts';
import { dissectionValue } from '../../packages/codegen/src/dissect/dissection-value.ts';
import { encodeJson } from '../../packages/codegen/src/dissect/encode-json.ts';
import { GZIP_PACKED, InstanceArbitraries } from './arbitrary-instance.ts';
import { assertSameBytes, definitionSeed, gzipPackedArbitrary, propertyRuns } from './round-trip.ts';
import { type GeneratedObject, loadSchemaSet, schemaSetNames } from './schema-sets.ts';

function decodeError(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    if (e instanceof TlDecodeError) return `${e.kind} at ${e.offset}${e.inflated ? ' (inflated)' : ''}`;
    throw e;
  }
  return 'no error';
}

describe.each(schemaSetNames)('the dissector and the JSON encoder on every definition of %s', (setName) => {
  it(`read what the classes write, give their toJSON() and encode it back (${propertyRuns} runs each)`, () => {
    const set = loadSchemaSet(setName);
    const schema = new DissectSchema(set.model);
    const arbitraries = new InstanceArbitraries(set);
    const failures: string[] = [];
    let cases = 0;
    const check = (value: GeneratedObject, cut: number) => {
      cases++;
      const bytes = value.serialize();
      const result = dissect(schema, bytes);
      if (result.error !== undefined) throw new Error(`dissect failed: ${result.error.message}`);
      // What `deserialize` gives: the object itself, or for a gzip_packed the object it holds.
      const decoded = set.module.deserialize(bytes) as GeneratedObject;
      const json = JSON.stringify(dissectionValue(result));
      if (json !== JSON.stringify(decoded)) {
        throw new Error(
          `value differs\n  dissect ${json.slice(0, 300)}\n  toJSON  ${JSON.stringify(decoded).slice(0, 300)}`,
        );
      }
      assertSameBytes(
        encodeJson(schema, JSON.parse(json)),
        decoded.serialize(),
        `${value.className} from JSON`,
      );
      const short = bytes.subarray(0, cut % bytes.length);
      const expected = decodeError(() => set.module.deserialize(short));
      const error = dissect(schema, short).error;
      const actual =
        error === undefined
          ? 'no error'
          : `${error.kind} at ${error.offset}${error.buffer > 0 ? ' (inflated)' : ''}`;
      if (actual !== expected)
        throw new Error(`cut to ${short.length} bytes: dissect ${actual}, deserialize ${expected}`);
    };
    for (const definition of set.definitions) {
      const seed = definitionSeed(definition.name);
      const values =
        definition.name === GZIP_PACKED
          ? gzipPackedArbitrary(set, arbitraries).map((sample) => sample.packed)
          : arbitraries.definition(definition.name);
      try {
        fc.assert(
          fc.property(values, fc.nat(), (value, cut) => check(value, cut)),
          { seed, numRuns: propertyRuns },
        );
      } catch (e) {
        failures.push(
          `${definition.name} (seed ${seed}): ${(e as Error).message.split('\n').slice(0, 4).join(' | ')}`,
        );
      }
    }
    console.log(`${setName}: ${set.definitions.length} definitions, ${cases} cases through the dissector`);
    expect(failures).toEqual([]);
  });
});
