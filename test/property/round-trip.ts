// The round-trip property every definition must satisfy: serialize, deserialize, compare (values and
// classes), serialize again, compare bytes. Shared by the property test and the fuzz campaign's seeds.

import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { TlReader } from '@tlforge/runtime';
import type fc from 'fast-check';
import { GZIP_PACKED, type InstanceArbitraries } from './arbitrary-instance.ts';
import type { GeneratedObject, SchemaSet } from './schema-sets.ts';

/** Default samples per definition; `PROPERTY_RUNS` raises it (`npm run test:property:long`). */
export const propertyRuns = Number(process.env.PROPERTY_RUNS ?? 20);
/** Base seed; `PROPERTY_SEED` reproduces another run. */
export const propertySeed = Number(process.env.PROPERTY_SEED ?? 0x5eed214);

/** A stable per-definition seed so one definition's failure replays alone. */
export function definitionSeed(name: string): number {
  let h = propertySeed | 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h | 0;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Same classes, same values (node's strict deep equality compares prototypes, NaN and -0 exactly). */
export function assertSameValue(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: decoded value differs from the original`);
  }
}

export function assertSameBytes(actual: Uint8Array, expected: Uint8Array, what: string): void {
  if (actual.length !== expected.length || Buffer.compare(actual, expected) !== 0) {
    throw new Error(`${what}: bytes differ\n  expected ${hex(expected)}\n  actual   ${hex(actual)}`);
  }
}

/** serialize → deserialize → equal (class identity included) → serialize → identical bytes. */
export function checkRoundTrip(set: SchemaSet, value: GeneratedObject): void {
  const bytes = value.serialize();
  const decoded = set.module.deserialize(bytes) as GeneratedObject;
  assertSameValue(decoded, value, `${set.name} ${value.className}`);
  assertSameBytes(decoded.serialize(), bytes, `${set.name} ${value.className} re-serialized`);
}

/**
 * gzip_packed is inflated transparently by `deserialize` (TL-NOTES §4), so its property is different:
 * packing any object's bytes decodes to that object, and the class itself round-trips field by field.
 */
export function gzipPackedArbitrary(
  set: SchemaSet,
  arbitraries: InstanceArbitraries,
): fc.Arbitrary<{
  packed: GeneratedObject;
  inner: GeneratedObject;
}> {
  const cls = set.classes.get(GZIP_PACKED)!;
  return arbitraries.anyConstructor(1).map((inner) => ({
    inner,
    packed: new cls({ packedData: new Uint8Array(gzipSync(inner.serialize())) }),
  }));
}

export function checkGzipPacked(
  set: SchemaSet,
  sample: { packed: GeneratedObject; inner: GeneratedObject },
): void {
  const cls = set.classes.get(GZIP_PACKED)!;
  const bytes = sample.packed.serialize();
  assertSameValue(set.module.deserialize(bytes), sample.inner, `${set.name} gzip_packed inflated`);
  const fields = cls.fromReader(new TlReader(bytes.subarray(4), new Map()));
  assertSameValue(fields, sample.packed, `${set.name} gzip_packed fields`);
  assertSameBytes(fields.serialize(), bytes, `${set.name} gzip_packed re-serialized`);
}
