// The generated schema sets as the property, differential and fuzz tests see them: the resolved
// model (what to build) next to the generated module (what builds it), with every definition of the
// model tied to its generated class by GramJS name and checked against the class's id.

import { fileURLToPath } from 'node:url';
import type { TlObject, TlReader, TlReaderOptions } from '@tlforge/runtime';
import { qualifiedClassName } from '../../packages/codegen/src/emit/naming.ts';
import { loadSchema } from '../../packages/codegen/src/model/load-schema.ts';
import type { TlDefinition, TlSchemaModel } from '../../packages/codegen/src/model/schema-model.ts';
import * as latest from '../../packages/layers/src/latest/index.ts';
import * as latestBigint from '../../packages/layers/src/latest-bigint/index.ts';
import * as layer122 from '../../packages/layers/src/layer122/index.ts';
import * as layer214 from '../generated/layer214/index.ts';

/** A generated class as the tests use it: constructible from an args object, readable from a reader. */
export interface GeneratedClass {
  new (args: Record<string, unknown>): GeneratedObject;
  readonly CONSTRUCTOR_ID: number;
  readonly className: string;
  readonly classType: 'constructor' | 'request';
  fromReader(r: TlReader): GeneratedObject;
}

export interface GeneratedObject extends TlObject {
  serialize(): Uint8Array;
}

export interface GeneratedModule {
  readonly LAYER: number;
  deserialize(bytes: Uint8Array, options?: TlReaderOptions): unknown;
}

export interface SchemaSet {
  name: SchemaSetName;
  model: TlSchemaModel;
  module: GeneratedModule;
  /** Constructors then functions, in declaration order. */
  definitions: TlDefinition[];
  /** TL name (`messages.startBot`) → its generated class. */
  classes: Map<string, GeneratedClass>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

const setSources = {
  latest: { files: ['schema/latest/api.tl', 'schema/latest/mtproto.tl'], module: latest },
  layer122: { files: ['schema/layer122/api.tl', 'schema/layer122/mtproto.tl'], module: layer122 },
  // teleproto's layer, for the differential tests only (not one of `schemaSetNames`).
  layer214: { files: ['schema/layer214/api.tl', 'schema/layer214/mtproto.tl'], module: layer214 },
  // The same schema generated with `--long bigint`: long fields are native bigints.
  'latest-bigint': { files: ['schema/latest/api.tl', 'schema/latest/mtproto.tl'], module: latestBigint },
} as const;

export type SchemaSetName = keyof typeof setSources;

/** Every class under `Api` (namespaces are plain objects, classes are functions with a constructor id). */
function collectClasses(namespace: object, into: Map<string, GeneratedClass>): void {
  for (const value of Object.values(namespace)) {
    if (typeof value === 'function' && typeof (value as GeneratedClass).CONSTRUCTOR_ID === 'number') {
      const cls = value as GeneratedClass;
      if (into.has(cls.className)) throw new Error(`two generated classes are named ${cls.className}`);
      into.set(cls.className, cls);
    } else if (typeof value === 'object' && value !== null) {
      collectClasses(value, into);
    }
  }
}

/** The `className` of every generated class under `Api`, sorted. */
export function collectClassNames(api: object): string[] {
  const classes = new Map<string, GeneratedClass>();
  collectClasses(api, classes);
  return [...classes.keys()].sort();
}

const cache = new Map<string, SchemaSet>();

export function loadSchemaSet(name: SchemaSetName): SchemaSet {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const source = setSources[name];
  const { model, diagnostics } = loadSchema(source.files.map((file) => `${root}${file}`));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`schema set ${name} has errors: ${errors[0].message}`);
  const byClassName = new Map<string, GeneratedClass>();
  collectClasses(source.module.Api, byClassName);
  const definitions: TlDefinition[] = [...model.constructors, ...model.functions];
  const classes = new Map<string, GeneratedClass>();
  for (const definition of definitions) {
    const className = qualifiedClassName(definition.namespace, definition.localName);
    const cls = byClassName.get(className);
    if (cls === undefined) throw new Error(`${name}: no generated class ${className} for ${definition.name}`);
    if (cls.CONSTRUCTOR_ID !== definition.id) {
      throw new Error(
        `${name}: ${className} has id ${cls.CONSTRUCTOR_ID.toString(16)}, the model says ${definition.id.toString(16)}`,
      );
    }
    const expectedType = definition.kind === 'function' ? 'request' : 'constructor';
    if (cls.classType !== expectedType) throw new Error(`${name}: ${className} is a ${cls.classType}`);
    classes.set(definition.name, cls);
  }
  const set: SchemaSet = { name, model, module: source.module as GeneratedModule, definitions, classes };
  cache.set(name, set);
  return set;
}

export const schemaSetNames = ['latest', 'layer122', 'latest-bigint'] as const;
