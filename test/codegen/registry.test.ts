// The generated registries put every id in the bucket of its top bits: an id in a wrong bucket would
// be an unknown constructor at run time, so every id of every generated layer is looked up.

import type { ReaderRegistry } from '@tlforge/runtime';
import { describe, expect, it } from 'vitest';
import * as latest from '../../packages/layers/src/latest/registry.ts';
import * as latestBigint from '../../packages/layers/src/latest-bigint/registry.ts';
import * as layer122 from '../../packages/layers/src/layer122/registry.ts';
import * as layer214 from '../generated/layer214/registry.ts';
import { loadSchemaSet, type SchemaSetName } from '../property/schema-sets.ts';

const registries: Record<SchemaSetName, { globalRegistry(): ReaderRegistry }> = {
  latest,
  'latest-bigint': latestBigint,
  layer122,
  layer214,
};

describe.each(Object.keys(registries) as SchemaSetName[])('the registry of %s', (name) => {
  it('maps every constructor and function id to the fromReader of its class, and no other id', () => {
    const set = loadSchemaSet(name);
    const registry = registries[name].globalRegistry();
    let found = 0;
    for (const definition of set.definitions) {
      if (definition.name === 'gzip_packed') {
        expect(registry.has(definition.id)).toBe(false);
        continue;
      }
      // A prefix declaration's id reads as the longer definition it is a prefix of.
      const expected = set.classes.get(definition.prefixOf ?? definition.name)!;
      expect(registry.get(definition.id), definition.name).toBe(expected.fromReader);
      found++;
    }
    expect(found).toBe(set.definitions.length - 1);
    for (const id of [0x00000000, 0xffffffff, 0x12345678]) expect(registry.has(id)).toBe(false);
  });
});
