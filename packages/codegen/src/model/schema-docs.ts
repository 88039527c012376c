// The documentation of a schema (`--docs`, schema/docs/layer228.json): descriptions of definitions,
// arguments and types, the RPC error table, and each method's errors and callers. Kept beside the
// model, not in it: a schema generates without it. Texts are as the data writes them (HTML
// fragments from core.telegram.org); the emitter turns them into Markdown.

import type { TlDefinition } from './schema-model.ts';

/** Who may call a method. */
export type DocsAvailability = 'user' | 'bot' | 'both';

/** An RPC error a method may return, with the code and text the method's own table gives. */
export interface MethodErrorDocs {
  /** As the data writes it: `FLOOD_WAIT_%d`, `%d` standing for the number the text carries. */
  type: string;
  code: number;
  description: string | undefined;
}

export interface DefinitionDocs {
  /** The id the description was written for: only a definition with this name and id gets it. */
  id: number;
  description: string | undefined;
  /** By TL argument name (`random_id`). */
  arguments: ReadonlyMap<string, string>;
  available: DocsAvailability | undefined;
  /** Sorted by type; empty for constructors and undocumented methods. */
  errors: readonly MethodErrorDocs[];
}

export interface ErrorDocs {
  type: string;
  code: number;
  description: string | undefined;
}

export interface SchemaDocs {
  /** The file, as given (its name goes into the generated header). */
  file: string;
  /** The layer the texts were written for. */
  layer: number | undefined;
  /** Where the texts come from and their license, written into the header of files that carry them. */
  notice: string | undefined;
  definitions: ReadonlyMap<string, DefinitionDocs>;
  /** Descriptions of boxed types by TL name (`InputPeer`). */
  types: ReadonlyMap<string, string>;
  /** The RPC error table by type (`FLOOD_WAIT_%d`), in the file's order. */
  errors: ReadonlyMap<string, ErrorDocs>;
}

/**
 * The documentation of `definition`: only when the docs have a definition of the same name and the
 * same id, so texts written for one layer never describe a definition another layer changed.
 */
export function definitionDocs(
  docs: SchemaDocs | undefined,
  definition: TlDefinition,
): DefinitionDocs | undefined {
  const found = docs?.definitions.get(definition.name);
  return found !== undefined && found.id === definition.id ? found : undefined;
}
