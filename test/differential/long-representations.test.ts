// The `--long bigint` build of the latest layer against the default (big-integer) build, on every
// definition: bytes written by one are read by the other and written back identically. No peer has
// layer 228; the default build is checked against teleproto on layer 214 (peers.test.ts) and both
// builds come from one emitter, so this is what ties `latest-bigint` to a peer-checked encoding.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// gzip_packed holds a gzip stream: the reader unpacks it wherever it stands (round-trip.test.ts).
import { GZIP_PACKED, InstanceArbitraries } from '../property/arbitrary-instance.ts';
import { assertSameBytes, definitionSeed, propertyRuns } from '../property/round-trip.ts';
import { type GeneratedObject, loadSchemaSet, type SchemaSetName } from '../property/schema-sets.ts';

describe.each([
  ['latest', 'latest-bigint'],
  ['latest-bigint', 'latest'],
] as const)('values built in %s', (from: SchemaSetName, to: SchemaSetName) => {
  it(`are read by ${to} and written back to the same bytes, for every definition`, () => {
    const source = loadSchemaSet(from);
    const target = loadSchemaSet(to);
    const arbitraries = new InstanceArbitraries(source);
    const failures: string[] = [];
    let cases = 0;
    const definitions = source.definitions.filter((d) => d.name !== GZIP_PACKED);
    for (const definition of definitions) {
      const samples = fc.sample(arbitraries.definition(definition.name), {
        seed: definitionSeed(`long:${definition.name}`),
        numRuns: propertyRuns,
      });
      for (const value of samples) {
        cases++;
        try {
          const bytes = value.serialize();
          const read = target.module.deserialize(bytes) as GeneratedObject;
          assertSameBytes(read.serialize(), bytes, `${to} ${definition.name}`);
        } catch (e) {
          failures.push(`${definition.name}: ${(e as Error).message}`);
          break;
        }
      }
    }
    console.log(`${from} -> ${to}: ${definitions.length} definitions, ${cases} cases`);
    expect(failures.slice(0, 10)).toEqual([]);
    expect(cases).toBe(definitions.length * propertyRuns);
  });
});
