// Property-based byte-exactness of every generated class: for each constructor and function of both
// schema sets, random valid instances (seeded, reproducible) serialize, decode to an equal value of the
// same classes, and re-serialize to the same bytes. The test counts what it covered against the model.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GZIP_PACKED, InstanceArbitraries } from './arbitrary-instance.ts';
import {
  checkGzipPacked,
  checkRoundTrip,
  definitionSeed,
  gzipPackedArbitrary,
  propertyRuns,
  propertySeed,
} from './round-trip.ts';
import { loadSchemaSet, schemaSetNames } from './schema-sets.ts';

describe.each(schemaSetNames)('round trip of every definition of %s', (setName) => {
  it(`serializes, decodes to an equal instance and re-serializes identically (${propertyRuns} runs each)`, () => {
    const set = loadSchemaSet(setName);
    const arbitraries = new InstanceArbitraries(set);
    const failures: string[] = [];
    const covered = new Set<string>();
    let cases = 0;
    for (const definition of set.definitions) {
      const seed = definitionSeed(definition.name);
      try {
        if (definition.name === GZIP_PACKED) {
          const samples = gzipPackedArbitrary(set, arbitraries);
          fc.assert(
            fc.property(samples, (sample) => {
              cases++;
              checkGzipPacked(set, sample);
            }),
            { seed, numRuns: propertyRuns },
          );
        } else {
          const values = arbitraries.definition(definition.name);
          fc.assert(
            fc.property(values, (value) => {
              cases++;
              checkRoundTrip(set, value);
            }),
            { seed, numRuns: propertyRuns },
          );
        }
        covered.add(definition.name);
      } catch (e) {
        failures.push(`${definition.name} (seed ${seed}): ${(e as Error).message}`);
      }
    }
    const expected = set.model.constructors.length + set.model.functions.length;
    console.log(
      `${setName}: ${covered.size}/${expected} definitions round-tripped ` +
        `(${set.model.constructors.length} constructors, ${set.model.functions.length} functions), ` +
        `${cases} cases, base seed ${propertySeed}`,
    );
    expect(failures).toEqual([]);
    expect(covered.size).toBe(expected);
  });
});
