// The documentation file `--docs` reads (schema/docs/layer228.json, written by
// schema/vendor-docs.ts) into `SchemaDocs`:
//   { "layer": 228, "notice": "…",
//     "types": { "InputPeer": "text" },
//     "definitions": { "messages.startBot": { "id": "e6df7378", "description"?: "text",
//        "arguments": { "bot": "text" }, "available"?: "user" | "bot" | "both",
//        "errors"?: [{ "type": "BOT_INVALID", "code"?: 400, "description"?: "text" }] } },
//     "errors": { "FLOOD_WAIT_%d": { "code": 420, "description"?: "text" } } }
// A method's error without `code` or `description` takes the error table's. Every value of the wrong
// shape is a diagnostic at its JSON path, as in a JSON schema; what is usable is still returned.

import type {
  DefinitionDocs,
  DocsAvailability,
  ErrorDocs,
  MethodErrorDocs,
  SchemaDocs,
} from '../model/schema-docs.ts';
import { JsonShape } from './json-shape.ts';
import { type JsonObject, type JsonValue, parseJsonText } from './json-text.ts';
import type { TlSchemaError } from './schema-error.ts';

export interface ParsedSchemaDocs {
  docs: SchemaDocs;
  diagnostics: TlSchemaError[];
}

const fileKeys: ReadonlySet<string> = new Set(['layer', 'notice', 'types', 'definitions', 'errors']);
const definitionKeys: ReadonlySet<string> = new Set([
  'id',
  'description',
  'arguments',
  'available',
  'errors',
]);
const methodErrorKeys: ReadonlySet<string> = new Set(['type', 'code', 'description']);
const errorKeys: ReadonlySet<string> = new Set(['code', 'description']);
const availabilities: ReadonlySet<string> = new Set<DocsAvailability>(['user', 'bot', 'both']);
const hexId = /^[0-9a-f]{8}$/;

/** Never throws: malformed JSON and values of the wrong shape are diagnostics. */
export function parseSchemaDocs(text: string, file: string): ParsedSchemaDocs {
  const json = parseJsonText(text, file);
  const shape = new JsonShape(file);
  const definitions = new Map<string, DefinitionDocs>();
  const types = new Map<string, string>();
  const errors = new Map<string, ErrorDocs>();
  const docs: SchemaDocs = { file, layer: undefined, notice: undefined, definitions, types, errors };
  const root = json.root === undefined ? undefined : shape.object(json.root, 'a documentation file');
  if (root !== undefined) {
    shape.unknownKeys(root, fileKeys, 'a documentation file');
    const layer = root.members.get('layer');
    if (layer !== undefined) docs.layer = integer(shape, layer, '`layer`');
    const notice = root.members.get('notice');
    if (notice !== undefined) docs.notice = shape.string(notice, '`notice`')?.value;

    for (const [name, node] of members(shape, root, 'errors')) {
      const entry = shape.object(node, `error ${name}`);
      if (entry === undefined) continue;
      shape.unknownKeys(entry, errorKeys, `error ${name}`);
      const codeNode = shape.required(entry, 'code', `error ${name}`);
      const code = codeNode === undefined ? undefined : integer(shape, codeNode, `the code of ${name}`);
      if (code === undefined) continue;
      errors.set(name, { type: name, code, description: optionalString(shape, entry, 'description', name) });
    }
    for (const [name, node] of members(shape, root, 'types')) {
      const description = shape.string(node, `the description of type ${name}`);
      if (description !== undefined) types.set(name, description.value);
    }
    for (const [name, node] of members(shape, root, 'definitions')) {
      const definition = readDefinition(shape, name, node, errors);
      if (definition !== undefined) definitions.set(name, definition);
    }
  }
  return { docs, diagnostics: [...json.diagnostics, ...shape.diagnostics] };
}

function readDefinition(
  shape: JsonShape,
  name: string,
  node: JsonValue,
  table: ReadonlyMap<string, ErrorDocs>,
): DefinitionDocs | undefined {
  const entry = shape.object(node, `definition ${name}`);
  if (entry === undefined) return undefined;
  shape.unknownKeys(entry, definitionKeys, `definition ${name}`);
  const idNode = shape.required(entry, 'id', `definition ${name}`);
  const idText = idNode === undefined ? undefined : shape.string(idNode, `the id of ${name}`);
  if (idText === undefined) return undefined;
  if (!hexId.test(idText.value)) {
    shape.report('invalid-id', idText, `the id of ${name} must be 8 lowercase hex digits`, idText.value);
    return undefined;
  }
  const args = new Map<string, string>();
  for (const [argument, value] of members(shape, entry, 'arguments')) {
    const text = shape.string(value, `the description of ${name}.${argument}`);
    if (text !== undefined) args.set(argument, text.value);
  }
  let available: DocsAvailability | undefined;
  const availableNode = entry.members.get('available');
  if (availableNode !== undefined) {
    const text = shape.string(availableNode, `\`available\` of ${name}`);
    if (text !== undefined && availabilities.has(text.value)) available = text.value as DocsAvailability;
    else if (text !== undefined)
      shape.report('json-shape', text, '`available` must be "user", "bot" or "both"', text.value);
  }
  const errors: MethodErrorDocs[] = [];
  const list = entry.members.get('errors');
  for (const item of list === undefined ? [] : (shape.array(list, `the errors of ${name}`)?.items ?? [])) {
    const error = readMethodError(shape, name, item, table);
    if (error !== undefined) errors.push(error);
  }
  errors.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return {
    id: Number.parseInt(idText.value, 16),
    description: optionalString(shape, entry, 'description', name),
    arguments: args,
    available,
    errors,
  };
}

function readMethodError(
  shape: JsonShape,
  method: string,
  node: JsonValue,
  table: ReadonlyMap<string, ErrorDocs>,
): MethodErrorDocs | undefined {
  const entry = shape.object(node, `an error of ${method}`);
  if (entry === undefined) return undefined;
  shape.unknownKeys(entry, methodErrorKeys, `an error of ${method}`);
  const typeNode = shape.required(entry, 'type', `an error of ${method}`);
  const type =
    typeNode === undefined ? undefined : shape.string(typeNode, `the type of an error of ${method}`);
  if (type === undefined) return undefined;
  const known = table.get(type.value);
  const codeNode = entry.members.get('code');
  const code = codeNode === undefined ? known?.code : integer(shape, codeNode, `the code of ${type.value}`);
  if (code === undefined) {
    if (codeNode === undefined) {
      shape.report(
        'json-shape',
        type,
        `${method} lists ${type.value} without a code, and the error table has no ${type.value}`,
        type.value,
      );
    }
    return undefined;
  }
  const description = optionalString(shape, entry, 'description', `${method} ${type.value}`);
  return { type: type.value, code, description: description ?? known?.description };
}

/** The members of the object under `key` of `parent`; none when it is absent or not an object. */
function members(shape: JsonShape, parent: JsonObject, key: string): Map<string, JsonValue> {
  const node = parent.members.get(key);
  const object = node === undefined ? undefined : shape.object(node, `\`${key}\``);
  return object?.members ?? new Map();
}

function optionalString(shape: JsonShape, entry: JsonObject, key: string, owner: string): string | undefined {
  const node = entry.members.get(key);
  return node === undefined ? undefined : shape.string(node, `\`${key}\` of ${owner}`)?.value;
}

function integer(shape: JsonShape, node: JsonValue, what: string): number | undefined {
  if (node.kind === 'number' && Number.isSafeInteger(node.value)) return node.value;
  shape.report(
    'json-shape',
    node,
    `${what} must be an integer`,
    node.kind === 'number' ? node.text : node.kind,
  );
  return undefined;
}
