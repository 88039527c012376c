// The names of the generated `json` module: the JSON type reader of each boxed type
// (`fromJson$InputUser`), chosen once per symbol table so class modules and the json module agree,
// and each schema-wide identifier unique among the module's others (`declareModuleIdentifier`'s rule).

import { tlNameIdentifier } from './naming.ts';
import { safeIdentifier } from './safe-identifier.ts';
import type { SchemaSymbols } from './schema-symbols.ts';

/** The module holding the JSON type readers, `fromJson` and `jsonClasses`. */
export const JSON_MODULE = 'json';

/** What the json module exports for the index: `fromJson` (any object) and `jsonClasses` (by TL name). */
export const JSON_MODULE_EXPORTS: readonly string[] = ['fromJson', 'jsonClasses'];

export interface JsonSymbols {
  /** Boxed type name → its JSON type reader's identifier. */
  readonly typeReaders: ReadonlyMap<string, string>;
}

const cache = new WeakMap<SchemaSymbols, JsonSymbols>();

export function jsonSymbols(symbols: SchemaSymbols): JsonSymbols {
  let json = cache.get(symbols);
  if (json === undefined) {
    const typeReaders = new Map<string, string>();
    for (const type of symbols.model.types) {
      const safe = safeIdentifier(`fromJson$${tlNameIdentifier(type.name)}`, 'binding');
      let identifier = safe;
      for (let n = 2; symbols.moduleIdentifiers.has(identifier); n++) identifier = `${safe}$${n}`;
      symbols.moduleIdentifiers.add(identifier);
      typeReaders.set(type.name, identifier);
    }
    json = { typeReaders };
    cache.set(symbols, json);
  }
  return json;
}

/** The identifier of the JSON type reader of the boxed type `typeName`. */
export function jsonTypeReader(symbols: SchemaSymbols, typeName: string): string {
  const identifier = jsonSymbols(symbols).typeReaders.get(typeName);
  if (identifier === undefined) throw new Error(`no JSON reader for the type ${typeName}`);
  return identifier;
}
