// Property-based losslessness of the JSON form: for every constructor and function of every generated
// layer, random valid instances (the round-trip test's arbitraries and seeds) go to JSON text with
// `JSON.stringify` (`toJSON`), come back through the module-level `fromJson` and through the class's
// own `fromJson`, and are equal to the original (classes, values, NaN and -0 included) and serialize
// to identical bytes.

import type { TlJsonClasses } from '@tlforge/runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InstanceArbitraries } from './arbitrary-instance.ts';
import { assertSameBytes, assertSameValue, definitionSeed, propertyRuns } from './round-trip.ts';
import { type GeneratedObject, loadSchemaSet, type SchemaSet, schemaSetNames } from './schema-sets.ts';

interface JsonModule {
  fromJson(json: unknown): GeneratedObject;
  jsonClasses(): TlJsonClasses;
}

interface JsonClass {
  fromJson(json: unknown, classes?: TlJsonClasses): GeneratedObject;
}

function checkJsonRoundTrip(set: SchemaSet, value: GeneratedObject): void {
  const module = set.module as unknown as JsonModule;
  const what = `${set.name} ${value.className}`;
  const bytes = value.serialize();
  const text = JSON.stringify(value);
  const parsed = JSON.parse(text) as { _: string };
  const viaModule = module.fromJson(parsed);
  assertSameValue(viaModule, value, `${what} from JSON`);
  assertSameBytes(viaModule.serialize(), bytes, `${what} from JSON, serialized`);
  const cls = set.classes.get(parsed._) as unknown as JsonClass;
  const viaClass = cls.fromJson(JSON.parse(text), module.jsonClasses());
  assertSameValue(viaClass, value, `${what} from JSON by its class`);
  // The JSON text itself is canonical: the object read back gives the same text.
  if (JSON.stringify(viaClass) !== text) throw new Error(`${what}: JSON text changed on the way back`);
}

describe.each(schemaSetNames)('JSON round trip of every definition of %s', (setName) => {
  it(`object → JSON text → object: equal, same bytes (${propertyRuns} runs each)`, () => {
    const set = loadSchemaSet(setName);
    const arbitraries = new InstanceArbitraries(set);
    const failures: string[] = [];
    let cases = 0;
    for (const definition of set.definitions) {
      const seed = definitionSeed(definition.name);
      try {
        fc.assert(
          fc.property(arbitraries.definition(definition.name), (value) => {
            cases++;
            checkJsonRoundTrip(set, value);
          }),
          { seed, numRuns: propertyRuns },
        );
      } catch (e) {
        failures.push(`${definition.name} (seed ${seed}): ${(e as Error).message.split('\n')[0]}`);
      }
    }
    console.log(`${setName}: ${set.definitions.length} definitions, ${cases} JSON round trips`);
    expect(failures).toEqual([]);
  });
});
