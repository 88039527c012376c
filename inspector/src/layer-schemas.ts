// The layers the page reads bytes with: the vendored schema text the build embedded, parsed and
// resolved in the browser on first use (the same parser and resolver the CLI runs), then kept.

import schemaTexts from 'tlforge-inspector:schemas';
import {
  type DissectSchema,
  dissectSchemaFromText,
} from '../../packages/codegen/src/dissect/dissect-schema.ts';

const cache = new Map<string, DissectSchema>();

export const layerNames: readonly string[] = Object.keys(schemaTexts);

export function layerSchema(name: string): DissectSchema {
  let schema = cache.get(name);
  if (schema === undefined) {
    const files = schemaTexts[name];
    if (files === undefined) throw new Error(`no layer ${name}; layers: ${layerNames.join(', ')}`);
    schema = dissectSchemaFromText(files);
    cache.set(name, schema);
  }
  return schema;
}
