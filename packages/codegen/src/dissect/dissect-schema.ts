// The resolved schema as the dissector and the JSON encoder look it up: definitions by id (the one
// that reads each id) and by TL name, boxed types, and the fewest bytes a value can take (the vector
// count guard). Built from a `TlSchemaModel`, or from schema text with the parser and resolver: pure,
// so a web page bundles it.

import { TlError } from '@tlforge/runtime';
import { resolveSchema } from '../model/resolve-schema.ts';
import type {
  TlBoxedType,
  TlDefinition,
  TlFunction,
  TlSchemaModel,
  TlTypeRef,
} from '../model/schema-model.ts';
import { minWireSize } from '../model/wire-size.ts';
import { parseSchema } from '../parser/parse-schema.ts';

/** One schema file's text and the name its diagnostics give it. */
export interface SchemaText {
  name: string;
  text: string;
}

export class DissectSchema {
  readonly model: TlSchemaModel;
  private readonly byId = new Map<number, TlDefinition>();
  private readonly byName = new Map<string, TlDefinition>();

  constructor(model: TlSchemaModel) {
    this.model = model;
    for (const definition of [...model.constructors, ...model.functions]) {
      this.byName.set(definition.name, definition);
      // A prefix declaration shares its id with the longer definition, which reads the bytes.
      if (definition.prefixOf === undefined) this.byId.set(definition.id, definition);
    }
  }

  get layer(): number | undefined {
    return this.model.layer;
  }

  /** The definition that reads `id`. */
  byConstructorId(id: number): TlDefinition | undefined {
    return this.byId.get(id >>> 0);
  }

  byTlName(name: string): TlDefinition | undefined {
    return this.byName.get(name);
  }

  function(name: string): TlFunction | undefined {
    const definition = this.byName.get(name);
    return definition?.kind === 'function' ? definition : undefined;
  }

  type(name: string): TlBoxedType | undefined {
    return this.model.typesByName.get(name);
  }

  /** Whether `definition` is a constructor of the boxed type `typeName`. */
  builds(definition: TlDefinition, typeName: string): boolean {
    return definition.kind === 'constructor' && definition.type === typeName;
  }

  /**
   * The fewest bytes one value of `type` takes: a lower bound, so a vector count that cannot fit in
   * what is left fails before anything is read. A bare constructor counts its unconditional fields (0
   * for one reached again inside itself).
   */
  minWireSize(type: TlTypeRef): number {
    return minWireSize(type, this.model);
  }
}

/**
 * Parses and resolves schema files given as text (`api.tl`, `mtproto.tl`) into a DissectSchema. A
 * schema with errors is a TlError of kind 'schema-errors' listing the first few; warnings pass.
 */
export function dissectSchemaFromText(files: readonly SchemaText[]): DissectSchema {
  const { model, diagnostics } = resolveSchema(files.map((file) => parseSchema(file.text, file.name)));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const shown = errors.slice(0, 5).map((d) => d.message);
    const more = errors.length > 5 ? `\n… and ${errors.length - 5} more` : '';
    throw new TlError(
      'schema-errors',
      `the schema has ${errors.length} error(s):\n${shown.join('\n')}${more}`,
    );
  }
  return new DissectSchema(model);
}
