// The JSON form of TL objects to bytes, through the resolved schema (no generated code):
// `tlforge encode`. The JSON is the lossless form generated `toJSON()` writes (runtime's
// json-value.ts), read with the runtime's own value readers, so the two agree on every rule: `_` names
// the constructor, keys are TL field names, flags words are computed from the fields present (a shared
// bit needs every field on it), msg_container bodies get their length. Every problem is a TlJsonError
// naming the path: `messages.startBot.bot.access_hash: expected a long as a decimal string, got 1.5`.

import {
  boolFromJson,
  bytesFromJson,
  describeJson,
  doubleFromJson,
  int128FromJson,
  int256FromJson,
  intFromJson,
  isJsonObject,
  jsonConstructorName,
  longFromJson,
  rethrowJson,
  stringFromJson,
  TlEncodeError,
  TlJsonError,
  TlWriter,
  VECTOR_ID,
} from '@tlforge/runtime';
import type { TlDefinition, TlField, TlTypeRef } from '../model/schema-model.ts';
import type { DissectSchema } from './dissect-schema.ts';

export interface EncodeJsonOptions {
  /** The type the JSON is a value of; default `Object` (any constructor or function call, by `_`). */
  type?: TlTypeRef;
}

/** JSON values nested deeper than this are refused before they can exhaust the stack. */
const MAX_DEPTH = 1000;

/** The bytes of `json` (the lossless JSON form) as a value of `options.type`. */
export function encodeJson(
  schema: DissectSchema,
  json: unknown,
  options: EncodeJsonOptions = {},
): Uint8Array {
  const encoder = new JsonEncoder(schema);
  encoder.value(json, options.type ?? { kind: 'object' });
  return encoder.w.finish();
}

class JsonEncoder {
  readonly w = new TlWriter();
  private depth = 0;

  constructor(private readonly schema: DissectSchema) {}

  value(json: unknown, type: TlTypeRef): void {
    const w = this.w;
    if (++this.depth > MAX_DEPTH)
      throw new TlJsonError('range', `values nested deeper than ${MAX_DEPTH} levels`);
    try {
      switch (type.kind) {
        case 'int':
          w.int(intFromJson(json));
          return;
        case 'long':
          w.long(longFromJson(json));
          return;
        case 'double':
          w.double(doubleFromJson(json));
          return;
        case 'string':
          w.string(stringFromJson(json));
          return;
        case 'bytes':
          w.bytes(bytesFromJson(json));
          return;
        case 'int128':
          w.int128(int128FromJson(json));
          return;
        case 'int256':
          w.int256(int256FromJson(json));
          return;
        case 'Bool':
          w.bool(boolFromJson(json));
          return;
        case 'true':
        case 'flags':
          throw new TlJsonError(
            'type',
            `a ${type.kind === 'true' ? 'true flag' : '#'} has no value of its own`,
          );
        case 'vector':
          this.vector(json, type.boxed, type.element);
          return;
        case 'boxed':
          this.boxed(json, type.type);
          return;
        case 'bare':
          this.bare(json, type.constructor);
          return;
        case 'object':
          this.anyValue(json);
          return;
        case 'typeVar':
          this.boxed(json, undefined, true);
          return;
      }
    } catch (e) {
      // The writer's own checks (a lone surrogate, a string too long for TL) as JSON errors.
      if (e instanceof TlEncodeError) throw new TlJsonError(e.kind === 'type' ? 'type' : 'range', e.detail);
      throw e;
    } finally {
      this.depth--;
    }
  }

  private vector(json: unknown, boxed: boolean, element: TlTypeRef): void {
    if (!Array.isArray(json))
      throw new TlJsonError('type', `expected a vector (an array), got ${describeJson(json)}`);
    if (boxed) this.w.uint(VECTOR_ID);
    const n = json.length;
    this.w.int(n);
    let i = 0;
    try {
      for (; i < n; i++) this.value(json[i], element);
    } catch (e) {
      rethrowJson(e, `[${i}]`, undefined);
    }
  }

  /** `Object`: a Bool, a boxed vector of Objects, or any constructor or function call. */
  private anyValue(json: unknown): void {
    if (typeof json === 'boolean') {
      this.w.bool(json);
      return;
    }
    if (Array.isArray(json)) {
      this.vector(json, true, { kind: 'object' });
      return;
    }
    this.boxed(json, undefined, false);
  }

  /** A boxed object named by `_`: of `typeName` when given, a function call when `request`. */
  private boxed(json: unknown, typeName: string | undefined, request = false): void {
    const name = jsonConstructorName(json);
    const definition = this.schema.byTlName(name);
    if (definition === undefined) {
      throw new TlJsonError(
        'unknown-constructor',
        `no constructor or function of the schema is named ${JSON.stringify(name)}`,
      );
    }
    if (typeName !== undefined && !this.schema.builds(definition, typeName)) {
      throw new TlJsonError(
        'unexpected-constructor',
        `${JSON.stringify(name)} is not a constructor of ${typeName}`,
      );
    }
    if (request && definition.kind !== 'function') {
      throw new TlJsonError(
        'unexpected-constructor',
        `expected a function call, got the constructor ${JSON.stringify(name)}`,
      );
    }
    this.w.uint(definition.id);
    this.fields(json as Record<string, unknown>, definition);
  }

  private bare(json: unknown, name: string): void {
    const definition = this.schema.byTlName(name);
    if (definition === undefined)
      throw new TlJsonError('unknown-constructor', `the schema has no constructor ${name}`);
    if (!isJsonObject(json))
      throw new TlJsonError('type', `expected the JSON object of ${name}, got ${describeJson(json)}`);
    if (json._ !== undefined && json._ !== name) {
      throw new TlJsonError(
        'unexpected-constructor',
        `expected "_": ${JSON.stringify(name)} (a bare ${name}), got ${describeJson(json._)}`,
      );
    }
    this.fields(json, definition);
  }

  /** The fields of `definition` from `json`, flags words computed from the fields present. */
  private fields(json: Record<string, unknown>, definition: TlDefinition): void {
    const root = definition.name;
    checkKeys(json, definition);
    const words = flagWords(json, definition);
    let bodyLength: { at: number; given: unknown } | undefined;
    for (const field of definition.fields) {
      const key = field.name;
      try {
        if (field.type.kind === 'flags') {
          this.w.uint(words.get(key) ?? 0);
          continue;
        }
        const condition = field.condition;
        if (condition !== undefined && ((words.get(condition.flagsField) ?? 0) >>> condition.bit) % 2 === 0)
          continue;
        if (field.type.kind === 'true') continue;
        const value = Object.hasOwn(json, key) ? json[key] : undefined;
        if (isBodyLength(definition, field)) {
          // Written once the body is: its length is computed (and a given one must match).
          bodyLength = { at: this.w.pos, given: value };
          this.w.int(0);
          continue;
        }
        if (value === undefined || value === null)
          throw new TlJsonError('missing', 'a required field is absent');
        if (definition.name === 'rpc_result' && key === 'result' && field.type.kind === 'object') {
          this.w.raw(bytesFromJson(value));
        } else if (definition.name === 'gzip_packed' && key === 'packed_data') {
          this.w.bytes(bytesFromJson(value));
        } else {
          this.value(value, field.type);
        }
        if (bodyLength !== undefined && key === 'body') {
          this.closeBody(bodyLength.at, bodyLength.given);
          bodyLength = undefined;
        }
      } catch (e) {
        rethrowJson(e, key, root);
      }
    }
  }

  /** Writes the length of the body that ends here at `at`; a `bytes` given in the JSON must equal it. */
  private closeBody(at: number, given: unknown): void {
    const end = this.w.pos;
    const length = end - at - 4;
    if (given !== undefined && given !== null && given !== length) {
      throw new TlJsonError('range', `bytes is ${describeJson(given)} but the body takes ${length} bytes`);
    }
    this.w.pos = at;
    this.w.int(length);
    this.w.pos = end;
  }
}

/** Every key of the JSON is `_` or a field (flags words are computed, never given). */
function checkKeys(json: Record<string, unknown>, definition: TlDefinition): void {
  for (const key of Object.keys(json)) {
    if (key === '_') continue;
    const field = definition.fields.find((f) => f.name === key);
    if (field !== undefined && field.type.kind !== 'flags') continue;
    const names = definition.fields.filter((f) => f.type.kind !== 'flags').map((f) => f.name);
    const why =
      field === undefined
        ? names.length === 0
          ? 'it has no fields'
          : `its fields: ${names.join(', ')}`
        : 'a flags word is computed from the fields present';
    throw new TlJsonError('unknown-field', `no field ${JSON.stringify(key)} (${why})`, [], definition.name);
  }
}

/** Each flags word: a bit is set when any field on it is present, and then every non-`true` field on it must be. */
function flagWords(json: Record<string, unknown>, definition: TlDefinition): Map<string, number> {
  const words = new Map<string, number>();
  for (const group of definition.flagGroups) {
    let word = 0;
    for (const bit of group.bits) {
      const fields = bit.fields.map((name) => definition.fields.find((f) => f.name === name)!);
      const present = fields.filter((field) => isPresent(json, field, definition.name));
      if (present.length === 0) continue;
      const missing = fields.find((field) => field.type.kind !== 'true' && !present.includes(field));
      if (missing !== undefined) {
        throw new TlJsonError(
          'missing',
          `${group.flagsField}.${bit.bit} is shared by ${bit.fields.join(', ')}: ${present.map((f) => f.name).join(', ')} set it, so ${missing.name} must be present too`,
          [missing.name],
          definition.name,
        );
      }
      word |= 1 << bit.bit;
    }
    words.set(group.flagsField, word >>> 0);
  }
  return words;
}

/** A conditional field is present when its value is neither absent nor null; a `true` flag when it is `true`. */
function isPresent(json: Record<string, unknown>, field: TlField, root: string): boolean {
  const value = Object.hasOwn(json, field.name) ? json[field.name] : undefined;
  if (field.type.kind !== 'true') return value !== undefined && value !== null;
  if (value === true) return true;
  if (value === undefined || value === null || value === false) return false;
  throw new TlJsonError(
    'type',
    `expected true (or nothing) for a true flag, got ${describeJson(value)}`,
    [field.name],
    root,
  );
}

/** `message.bytes`: an `int` right before `body:Object`, both unconditional (msg_container's sized body). */
function isBodyLength(definition: TlDefinition, field: TlField): boolean {
  const index = definition.fields.indexOf(field);
  const next = definition.fields[index + 1];
  return (
    next !== undefined &&
    field.name === 'bytes' &&
    field.type.kind === 'int' &&
    field.condition === undefined &&
    next.name === 'body' &&
    next.type.kind === 'object' &&
    next.condition === undefined
  );
}
