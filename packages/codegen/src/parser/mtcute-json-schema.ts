// mtcute's JSON form of a schema (its `api-schema.json` and `mtp-schema.json`, written by
// @mtcute/tl-utils) read into the declarations the TL parser produces. Two shapes:
//   { "l": 228, "e": [entry…], "u": { "Error": "union comment", … } }   (api-schema.json)
//   [entry…]                                                            (mtp-schema.json)
// An entry: { "kind": "class" | "method", "name", "id" (uint32, 0 = unknown), "type", "generics"?,
// "arguments": [{ "name", "type", "typeModifiers"?, "comment"? }], "typeModifiers"? (of a method's
// result), "comment"?, "throws"?, "available"? }. The type is a bare name and its modifiers say what
// TL writes around it: `predicate` is `flags.N?`, `isVector` `Vector<…>`, `isBareVector` `vector<…>`,
// `isBareUnion` `%`. Two mtcute conventions are undone: its own type `int53` is TL `long`, and the
// prefix `mt_` that it puts on every MTProto name (`mt_resPQ`, `mt_future_salt`) is removed.
// mtcute writes every MTProto entry as a "class", functions too: read as written.

import type {
  TlArgument,
  TlDeclaration,
  TlFieldArgument,
  TlFlagConditionExpr,
  TlTypeExpr,
} from './declaration.ts';
import type { JsonShape } from './json-shape.ts';
import { type JsonString, type JsonValue, nodePosition } from './json-text.ts';
import type { JsonSchemaContent } from './telegram-json-schema.ts';
import { parseConditionText, parseTypeText } from './type-text.ts';

/**
 * The documentation mtcute's files carry (from core.telegram.org), read but kept out of the model:
 * by declaration name, by `declaration.field`, and by type name (the `u` of api-schema.json).
 */
export interface SchemaComments {
  definitions: Map<string, string>;
  fields: Map<string, string>;
  types: Map<string, string>;
}

export interface MtcuteSchemaContent extends JsonSchemaContent {
  comments: SchemaComments;
}

const packedKeys: ReadonlySet<string> = new Set(['l', 'e', 'u']);
/** `throws` and `available` describe methods for documentation: known, and not read. */
const entryKeys: ReadonlySet<string> = new Set([
  'kind',
  'name',
  'id',
  'type',
  'typeModifiers',
  'comment',
  'generics',
  'arguments',
  'throws',
  'available',
]);
const argumentKeys: ReadonlySet<string> = new Set(['name', 'type', 'typeModifiers', 'comment']);
const genericKeys: ReadonlySet<string> = new Set(['name', 'type']);
/** `constructorId` repeats the id of the type's constructor for mtcute's own codegen: known, not needed. */
const modifierKeys: ReadonlySet<string> = new Set([
  'predicate',
  'isVector',
  'isBareVector',
  'isBareUnion',
  'isBareType',
  'constructorId',
]);

const MTCUTE_PREFIX = 'mt_';

/** Reads mtcute's form, packed (an object with `e`) or a bare array of entries. */
export function readMtcuteSchema(root: JsonValue, shape: JsonShape): MtcuteSchemaContent {
  const comments: SchemaComments = { definitions: new Map(), fields: new Map(), types: new Map() };
  const content: MtcuteSchemaContent = { declarations: [], comments };
  let entries: JsonValue[] = [];
  if (root.kind === 'array') {
    entries = root.items;
  } else if (root.kind === 'object') {
    shape.unknownKeys(root, packedKeys, "a schema in mtcute's JSON form");
    const list = shape.required(root, 'e', "a schema in mtcute's JSON form");
    entries = (list && shape.array(list, '`e`')?.items) ?? [];
    const layer = root.members.get('l');
    if (layer !== undefined) {
      if (layer.kind === 'number' && /^[0-9]+$/.test(layer.text)) {
        content.layer = layer.value;
        content.layerPosition = nodePosition(layer, shape.file);
      } else {
        shape.report(
          'json-shape',
          layer,
          '`l` (the layer) must be a whole number',
          layer.kind === 'number' ? layer.text : '',
        );
      }
    }
    const unions = root.members.get('u');
    const unionObject = unions && shape.object(unions, '`u`');
    for (const [type, comment] of unionObject?.members ?? []) {
      const text = shape.string(comment, 'a union comment');
      if (text) comments.types.set(type, text.value);
    }
  }
  for (const node of entries) {
    const declaration = readEntry(node, shape, comments);
    if (declaration) content.declarations.push(declaration);
  }
  return content;
}

function readEntry(node: JsonValue, shape: JsonShape, comments: SchemaComments): TlDeclaration | undefined {
  const entry = shape.object(node, 'an entry');
  if (!entry) return undefined;
  shape.unknownKeys(entry, entryKeys, 'an entry');
  let usable = true;

  const kindNode = shape.required(entry, 'kind', 'an entry');
  const kindString = kindNode && shape.string(kindNode, '`kind`');
  let kind: TlDeclaration['kind'] | undefined;
  if (kindString?.value === 'class') kind = 'constructor';
  else if (kindString?.value === 'method') kind = 'function';
  else if (kindString)
    shape.report(
      'json-shape',
      kindString,
      `\`kind\` must be "class" or "method", found ${JSON.stringify(kindString.value)}`,
      kindString.value,
    );

  const nameNode = shape.required(entry, 'name', 'an entry');
  const nameString = nameNode && shape.string(nameNode, '`name`');
  const name = nameString && shape.declarationName(withoutPrefix(nameString));

  const idNode = shape.required(entry, 'id', 'an entry');
  const writtenId = idNode && shape.constructorId(idNode, 'an entry');
  if (writtenId === undefined) usable = false;
  // mtcute writes 0 for an id it does not know: computed, as for a TL line without `#id`.
  const id = writtenId === 0 ? undefined : writtenId;

  const args: TlArgument[] = [];
  const genericsNode = entry.members.get('generics');
  const generics = genericsNode && shape.array(genericsNode, '`generics`');
  if (genericsNode && !generics) usable = false;
  for (const item of generics?.items ?? []) {
    const generic = readGeneric(item, shape);
    if (generic) args.push(generic);
    else usable = false;
  }

  const argumentsNode = shape.required(entry, 'arguments', 'an entry');
  const argumentList = argumentsNode && shape.array(argumentsNode, '`arguments`');
  if (!argumentList) usable = false;
  for (const item of argumentList?.items ?? []) {
    const argument = readArgument(item, shape);
    if (!argument) {
      usable = false;
      continue;
    }
    args.push(argument.field);
    if (argument.comment !== undefined && name !== undefined)
      comments.fields.set(`${name}.${argument.field.name}`, argument.comment);
  }

  const typeNode = shape.required(entry, 'type', 'an entry');
  const typeString = typeNode && shape.string(typeNode, '`type`');
  const modifiersNode = entry.members.get('typeModifiers');
  const result = typeString && readModifiedType(typeString, modifiersNode, shape, 'result');

  const comment = entry.members.get('comment');
  const commentString = comment && shape.string(comment, '`comment`');
  if (commentString && name !== undefined) comments.definitions.set(name, commentString.value);

  if (!usable || kind === undefined || name === undefined || result === undefined) return undefined;
  const head = id === undefined ? name : `${name}#${id.toString(16)}`;
  const argsText = args.map(argumentText);
  return {
    kind,
    name,
    ...(id === undefined ? {} : { id }),
    args,
    primitive: false,
    result: result.type,
    position: nodePosition(entry, shape.file),
    source: [head, ...argsText, '=', typeText(result.type)].join(' '),
  };
}

/** `{ "name": "X", "type": "Type" }`: the type parameter `{X:Type}`. */
function readGeneric(node: JsonValue, shape: JsonShape): TlArgument | undefined {
  const generic = shape.object(node, 'a generic');
  if (!generic) return undefined;
  shape.unknownKeys(generic, genericKeys, 'a generic');
  const nameNode = shape.required(generic, 'name', 'a generic');
  const nameString = nameNode && shape.string(nameNode, 'the `name` of a generic');
  const name = nameString && shape.fieldName(nameString);
  const typeNode = shape.required(generic, 'type', 'a generic');
  const typeString = typeNode && shape.string(typeNode, 'the `type` of a generic');
  const parsed = typeString && parseTypeText(typeString, shape.file, 'term');
  if (parsed !== undefined && !('type' in parsed)) shape.diagnostics.push(parsed);
  if (name === undefined || parsed === undefined || !('type' in parsed)) return undefined;
  return { kind: 'typeParam', name, type: parsed.type, position: nodePosition(generic, shape.file) };
}

function readArgument(
  node: JsonValue,
  shape: JsonShape,
): { field: TlFieldArgument; comment?: string } | undefined {
  const argument = shape.object(node, 'an argument');
  if (!argument) return undefined;
  shape.unknownKeys(argument, argumentKeys, 'an argument');
  const nameNode = shape.required(argument, 'name', 'an argument');
  const nameString = nameNode && shape.string(nameNode, 'the `name` of an argument');
  const name = nameString && shape.fieldName(nameString);
  const typeNode = shape.required(argument, 'type', 'an argument');
  const typeString = typeNode && shape.string(typeNode, 'the `type` of an argument');
  const type =
    typeString && readModifiedType(typeString, argument.members.get('typeModifiers'), shape, 'argument');
  const commentNode = argument.members.get('comment');
  const comment = commentNode && shape.string(commentNode, 'the `comment` of an argument');
  if (name === undefined || type === undefined) return undefined;
  const field: TlFieldArgument = {
    kind: 'field',
    name,
    anonymous: false,
    type: type.type,
    position: nodePosition(argument, shape.file),
  };
  if (type.condition) field.condition = type.condition;
  return comment === undefined ? { field } : { field, comment: comment.value };
}

/**
 * A bare type name with its `typeModifiers` as the TL type they stand for: `long` with
 * `{ predicate: "flags.2", isVector: true }` is `flags.2?Vector<long>`.
 */
function readModifiedType(
  typeString: JsonString,
  modifiersNode: JsonValue | undefined,
  shape: JsonShape,
  place: 'argument' | 'result',
): { condition?: TlFlagConditionExpr; type: TlTypeExpr } | undefined {
  const parsed = parseTypeText(typeString, shape.file, 'term');
  if (!('type' in parsed)) {
    shape.diagnostics.push(parsed);
    return undefined;
  }
  let type = mtcuteNames(parsed.type);
  if (modifiersNode === undefined) return { type };
  const modifiers = shape.object(modifiersNode, '`typeModifiers`');
  if (!modifiers) return undefined;

  let usable = true;
  const flag = (key: string): boolean => {
    const node = modifiers.members.get(key);
    if (node === undefined) return false;
    const value = shape.boolean(node, `\`${key}\``);
    if (value === undefined) usable = false;
    return value === true;
  };
  for (const [key, node] of modifiers.members) {
    if (modifierKeys.has(key)) continue;
    shape.report(
      'unknown-type-modifier',
      node,
      `${JSON.stringify(key)} is not one of mtcute's type modifiers (${[...modifierKeys].join(', ')})`,
      key,
    );
    usable = false;
  }
  const isVector = flag('isVector');
  const isBareVector = flag('isBareVector');
  const isBareUnion = flag('isBareUnion');
  flag('isBareType'); // the name is a constructor's, bare by its lower-case letter already
  const constructorId = modifiers.members.get('constructorId');
  if (constructorId !== undefined && constructorId.kind !== 'number') {
    shape.report('json-shape', constructorId, '`constructorId` must be a number', '');
    usable = false;
  }

  if (isVector && isBareVector) {
    shape.report(
      'invalid-type-modifier',
      modifiers,
      '`isVector` (`Vector<T>`) and `isBareVector` (`vector<T>`) exclude each other',
      typeString.value,
    );
    usable = false;
  }
  if (isBareUnion) {
    if (type.bang || type.bare || type.name === '#') {
      shape.report(
        'invalid-type-modifier',
        modifiers,
        `\`isBareUnion\` (\`%\`) cannot apply to \`${typeText(type)}\``,
        typeString.value,
      );
      usable = false;
    }
    type = { ...type, bare: true };
  }
  if (isVector || isBareVector) {
    const name = isVector ? 'Vector' : 'vector';
    type = { name, bare: false, bang: false, args: [type], position: type.position };
  }

  let condition: TlFlagConditionExpr | undefined;
  const predicate = modifiers.members.get('predicate');
  const predicateString = predicate && shape.string(predicate, '`predicate`');
  if (predicate && !predicateString) usable = false;
  if (predicateString && place === 'result') {
    shape.report(
      'invalid-type-modifier',
      predicateString,
      'a result type cannot be conditional',
      predicateString.value,
    );
    usable = false;
  } else if (predicateString) {
    const parsedCondition = parseConditionText(predicateString, shape.file);
    if ('bit' in parsedCondition) condition = parsedCondition;
    else {
      shape.diagnostics.push(parsedCondition);
      usable = false;
    }
  }
  if (!usable) return undefined;
  return condition === undefined ? { type } : { condition, type };
}

/** mtcute's `int53` is TL `long`; its `mt_` prefix goes, wherever in the type a name has it. */
function mtcuteNames(type: TlTypeExpr): TlTypeExpr {
  const name = type.name === 'int53' ? 'long' : stripPrefix(type.name);
  return { ...type, name, args: type.args.map(mtcuteNames) };
}

function withoutPrefix(node: JsonString): JsonString {
  const value = stripPrefix(node.value);
  // The name's characters move left by the prefix: a position inside it would be off, so none is kept.
  return value === node.value ? node : { ...node, value, plain: false };
}

function stripPrefix(name: string): string {
  return name.startsWith(MTCUTE_PREFIX) && name.length > MTCUTE_PREFIX.length
    ? name.slice(MTCUTE_PREFIX.length)
    : name;
}

/** A type as TL writes it in an argument (`%Message`, `Vector<long>`, `!X`): for the source text. */
function typeText(type: TlTypeExpr): string {
  const head = (type.bare ? '%' : '') + (type.bang ? '!' : '') + type.name;
  return type.args.length === 0 ? head : `${head}<${type.args.map(typeText).join(' ')}>`;
}

/** `{X:Type}`, `flags2:#`, `entities:flags.3?Vector<MessageEntity>`. */
function argumentText(arg: TlArgument): string {
  switch (arg.kind) {
    case 'typeParam':
      return `{${arg.name}:${typeText(arg.type)}}`;
    case 'field': {
      const condition =
        arg.condition === undefined ? '' : `${arg.condition.flagsField}.${arg.condition.bit}?`;
      return `${arg.name}:${condition}${typeText(arg.type)}`;
    }
    case 'repetition':
      return '';
  }
}
