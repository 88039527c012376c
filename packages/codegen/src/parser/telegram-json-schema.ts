// Telegram's JSON form of a schema (core.telegram.org/schema/json and the files Telegram's tools
// publish) read into the declarations the TL parser produces:
//   { "constructors": [ { "id": "-1132882121", "predicate": "boolFalse", "params": [], "type": "Bool" } ],
//     "methods": [ { "id": "-421563528", "method": "messages.startBot",
//                    "params": [ { "name": "bot", "type": "InputUser" }, … ], "type": "Updates" } ] }
// Ids are signed decimal strings; a param's type is TL text (`flags.0?true`, `Vector<InputUser>`, `!X`).
// The form leaves out what TL writes in braces, so two things are restored here: `{X:Type}` for every
// `!X` a declaration uses (a param typed `Type` declares one where a writer kept it), and the
// arguments `{t:Type} # [ t ]` of the builtin `vector`, which the form lists with no params.

import type { SourcePosition } from '../model/schema-model.ts';
import type {
  TlArgument,
  TlDeclaration,
  TlFieldArgument,
  TlTypeExpr,
  TlTypeParamArgument,
} from './declaration.ts';
import type { JsonShape } from './json-shape.ts';
import { type JsonObject, type JsonValue, nodePosition } from './json-text.ts';
import { parseTypeText } from './type-text.ts';

export interface JsonSchemaContent {
  declarations: TlDeclaration[];
  layer?: number;
  layerPosition?: SourcePosition;
}

/** The top level; `layer` is not in Telegram's files (their layer is on the page) but may be added. */
const schemaKeys: ReadonlySet<string> = new Set(['constructors', 'methods', 'layer']);
const constructorKeys: ReadonlySet<string> = new Set(['id', 'predicate', 'params', 'type']);
const methodKeys: ReadonlySet<string> = new Set(['id', 'method', 'params', 'type']);
const paramKeys: ReadonlySet<string> = new Set(['name', 'type']);

const forms = {
  constructor: { list: 'constructors', nameKey: 'predicate', keys: constructorKeys, owner: 'a constructor' },
  function: { list: 'methods', nameKey: 'method', keys: methodKeys, owner: 'a method' },
} as const;

/** Reads Telegram's form from its top-level object; problems go to `shape.diagnostics`. */
export function readTelegramSchema(root: JsonObject, shape: JsonShape): JsonSchemaContent {
  shape.unknownKeys(root, schemaKeys, "a schema in Telegram's JSON form");
  const declarations: TlDeclaration[] = [];
  for (const kind of ['constructor', 'function'] as const) {
    const listNode = shape.required(root, forms[kind].list, "a schema in Telegram's JSON form");
    const list = listNode && shape.array(listNode, `\`${forms[kind].list}\``);
    for (const item of list?.items ?? []) {
      const declaration = readDeclaration(item, kind, shape);
      if (declaration) declarations.push(declaration);
    }
  }
  const content: JsonSchemaContent = { declarations };
  const layer = root.members.get('layer');
  if (layer !== undefined) {
    if (layer.kind === 'number' && /^[0-9]+$/.test(layer.text)) {
      content.layer = layer.value;
      content.layerPosition = nodePosition(layer, shape.file);
    } else {
      shape.report(
        'json-shape',
        layer,
        '`layer` must be a whole number',
        layer.kind === 'number' ? layer.text : '',
      );
    }
  }
  return content;
}

/** One constructor or method; undefined (with diagnostics) when any part of it is unusable. */
function readDeclaration(
  node: JsonValue,
  kind: TlDeclaration['kind'],
  shape: JsonShape,
): TlDeclaration | undefined {
  const form = forms[kind];
  const entry = shape.object(node, form.owner);
  if (!entry) return undefined;
  shape.unknownKeys(entry, form.keys, form.owner);
  let usable = true;

  const nameNode = shape.required(entry, form.nameKey, form.owner);
  const nameString = nameNode && shape.string(nameNode, `\`${form.nameKey}\``);
  const name = nameString && shape.declarationName(nameString);
  if (name === undefined) usable = false;

  // Telegram always writes the id; without one it is computed, as for a TL line without `#id`.
  const idNode = entry.members.get('id');
  const id = idNode && shape.constructorId(idNode, form.owner);
  if (idNode !== undefined && id === undefined) usable = false;

  const typeNode = shape.required(entry, 'type', form.owner);
  const typeString = typeNode && shape.string(typeNode, '`type`');
  const parsedResult = typeString && parseTypeText(typeString, shape.file, 'result');
  let result: TlTypeExpr | undefined;
  if (parsedResult === undefined) usable = false;
  else if ('type' in parsedResult) result = parsedResult.type;
  else {
    shape.diagnostics.push(parsedResult);
    usable = false;
  }

  const paramsNode = shape.required(entry, 'params', form.owner);
  const params = paramsNode && shape.array(paramsNode, '`params`');
  if (!params) usable = false;
  const args: TlArgument[] = [];
  const written: string[] = [];
  for (const item of params?.items ?? []) {
    const param = readParam(item, shape);
    if (param === undefined) {
      usable = false;
      continue;
    }
    args.push(param.arg);
    written.push(param.text);
  }
  if (!usable || name === undefined || result === undefined || typeString === undefined) return undefined;

  const position = nodePosition(entry, shape.file);
  const isBuiltinVector = name === 'vector' && args.length === 0 && typeString.value === 'Vector t';
  const typeParams = isBuiltinVector ? [] : inferredTypeParams(args);
  const allArgs = isBuiltinVector ? builtinVectorArgs(position) : [...typeParams, ...args];
  const argsText = isBuiltinVector
    ? ['{t:Type}', '#', '[ t ]']
    : [...typeParams.map((param) => `{${param.name}:Type}`), ...written];
  const head = id === undefined ? name : `${name}#${id.toString(16)}`;
  return {
    kind,
    name,
    ...(id === undefined ? {} : { id }),
    args: allArgs,
    primitive: false,
    result,
    position,
    source: [head, ...argsText, '=', typeString.value].join(' '),
  };
}

/** `{ "name": "bot", "type": "InputUser" }` as an argument, and its text for the declaration's source. */
function readParam(node: JsonValue, shape: JsonShape): { arg: TlArgument; text: string } | undefined {
  const param = shape.object(node, 'a param');
  if (!param) return undefined;
  shape.unknownKeys(param, paramKeys, 'a param');
  const nameNode = shape.required(param, 'name', 'a param');
  const nameString = nameNode && shape.string(nameNode, 'the `name` of a param');
  const name = nameString && shape.fieldName(nameString);
  const typeNode = shape.required(param, 'type', 'a param');
  const typeString = typeNode && shape.string(typeNode, 'the `type` of a param');
  if (typeString === undefined) return undefined;
  const position = nodePosition(param, shape.file);
  if (typeString.value === 'Type') {
    // `{X:Type}` where a writer kept the type parameter as a param.
    if (name === undefined) return undefined;
    const type: TlTypeExpr = {
      name: 'Type',
      bare: false,
      bang: false,
      args: [],
      position: nodePosition(typeString, shape.file),
    };
    return { arg: { kind: 'typeParam', name, type, position }, text: `{${name}:Type}` };
  }
  const parsed = parseTypeText(typeString, shape.file, 'field');
  if (!('type' in parsed)) {
    shape.diagnostics.push(parsed);
    return undefined;
  }
  if (name === undefined) return undefined;
  const arg: TlFieldArgument = { kind: 'field', name, anonymous: false, type: parsed.type, position };
  if (parsed.condition) arg.condition = parsed.condition;
  return { arg, text: `${name}:${typeString.value}` };
}

/** `{X:Type}` for each `!X` used and not declared, in the order of first use, as TL places them: first. */
function inferredTypeParams(args: readonly TlArgument[]): TlTypeParamArgument[] {
  const declared = new Set(args.flatMap((arg) => (arg.kind === 'typeParam' ? [arg.name] : [])));
  const params: TlTypeParamArgument[] = [];
  const visit = (type: TlTypeExpr): void => {
    if (type.bang && !declared.has(type.name)) {
      declared.add(type.name);
      const kind: TlTypeExpr = { name: 'Type', bare: false, bang: false, args: [], position: type.position };
      params.push({ kind: 'typeParam', name: type.name, type: kind, position: type.position });
    }
    for (const inner of type.args) visit(inner);
  };
  for (const arg of args) if (arg.kind === 'field') visit(arg.type);
  return params;
}

/** `{t:Type} # [ t ]`, as the TL parser reads them from `vector#1cb5c415 {t:Type} # [ t ] = Vector t;`. */
function builtinVectorArgs(position: SourcePosition): TlArgument[] {
  const type = (name: string): TlTypeExpr => ({ name, bare: false, bang: false, args: [], position });
  return [
    { kind: 'typeParam', name: 't', type: type('Type'), position },
    { kind: 'field', name: 'arg1', anonymous: true, type: type('#'), position },
    {
      kind: 'repetition',
      args: [{ kind: 'field', name: 'arg0', anonymous: true, type: type('t'), position }],
      position,
    },
  ];
}
