// The JSON methods of every generated class, `toJSON()` and `static fromJson(json, classes?)`: one
// implementation here, driven by a description each class gives `defineTlClass`, instead of two
// methods generated per class (which were a quarter of a minified layer). The description is the
// definition in TL syntax without its id, as the class stores its fields:
//
//   messages.startBot bot:InputUser peer:InputPeer random_id:long start_param:string
//   message flags:# out:flags.1?true … id:int from_id:flags.8?Peer … = Message
//   invokeWithLayer {X:Type} layer:int query:!X
//
// - a field is `key:type`, or `key=property:type` when its property is not the one `defaultPropertyName`
//   derives from the TL name (`to_string=toString_:string`);
// - a constructor ends with `= Type`, the boxed type it builds: a field of that type takes it;
// - `#` words stay in the text but not in the JSON (written from the fields present); `rpc_result.result`
//   and `gzip_packed.packed_data` are `bytes`, as their classes hold them.
// A class parses its description on first use and keeps the result. Nothing in it names another class:
// nested objects are read through the classes the caller passes (the layer's `jsonClasses()`), so a
// bundler still drops every class a program does not use.

import { describeValue } from './describe-value.ts';
import { TlJsonError } from './json-error.ts';
import {
  boolFromJson,
  boxedValueFromJson,
  bytesFromJson,
  checkJsonObjectOf,
  describeJson,
  doubleFromJson,
  type FromJson,
  fieldFromJson,
  int128FromJson,
  int256FromJson,
  intFromJson,
  jsonClassesNeeded,
  jsonClassOf,
  jsonConstructorName,
  longFromJson,
  requestFromJson,
  stringFromJson,
  type TlJsonClasses,
  unexpectedJsonConstructor,
  vectorFromJson,
} from './json-reader.ts';
import {
  boolToJson,
  boxedValueToJson,
  bytesToJson,
  doubleToJson,
  fieldToJson,
  int128ToJson,
  int256ToJson,
  intToJson,
  longToJson,
  objectToJson,
  setJsonKey,
  stringToJson,
  type TlJsonObject,
  type ToJson,
  vectorToJson,
} from './json-value.ts';
import type { TlObject } from './tl-object.ts';

/** How one field goes to JSON and back. */
interface JsonField {
  /** The TL name: the key in the JSON. */
  readonly key: string;
  /** The property on instances and in the constructor's argument object. */
  readonly property: string;
  /** `flags.N?true`: `true` when set, absent when clear. */
  readonly flag: boolean;
  /** Conditional, or msg_container's body length: may be absent. */
  readonly optional: boolean;
  /** A vector: only the message of a missing value says so. */
  readonly vector: boolean;
  /** A name plain objects inherit (`constructor`, `__proto__`): read only as an own property. */
  readonly inherited: boolean;
  readonly toJson: ToJson;
  readonly fromJson: FromJson<unknown>;
}

/** A class's description, parsed. */
interface JsonForm {
  /** The TL name: `_` in the JSON. */
  readonly name: string;
  /** The boxed type a constructor builds; undefined for a function. */
  readonly type: string | undefined;
  /** The stored fields in wire order (no `#` words). */
  readonly fields: readonly JsonField[];
}

/** The description of a class and, after the first use, its parsed form. */
interface JsonFormSlot {
  readonly text: string;
  form: JsonForm | undefined;
}

/** The key of each class's JsonFormSlot on its prototype: instances and subclasses find it there. */
const formKey: unique symbol = /*@__PURE__*/ Symbol('tlforge.json');

/** A class method's descriptor: writable, configurable, not enumerable. */
const methodDescriptor: PropertyDescriptor = { writable: true, configurable: true };

/**
 * Gives a class its JSON methods and description (called by `defineTlClass`): `toJSON` on the
 * prototype, `fromJson` on the class, both this module's, and the description on the prototype.
 */
export function defineJsonMethods(cls: object, prototype: object, description: string): void {
  const slot: JsonFormSlot = { text: description, form: undefined };
  Object.defineProperty(prototype, formKey, { value: slot });
  methodDescriptor.value = toJSON;
  Object.defineProperty(prototype, 'toJSON', methodDescriptor);
  methodDescriptor.value = fromJson;
  Object.defineProperty(cls, 'fromJson', methodDescriptor);
}

/** The parsed description found on `target` (a prototype or an instance), or undefined. */
function formOf(target: unknown): JsonForm | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const slot = (target as { [formKey]?: JsonFormSlot })[formKey];
  if (slot === undefined) return undefined;
  if (slot.form === undefined) slot.form = parseDescription(slot.text);
  return slot.form;
}

/** The JSON form of a TL object (every class's `toJSON`): `_` and its fields by TL name, in wire order. */
function toJSON(this: unknown): TlJsonObject {
  const form = formOf(this);
  if (form === undefined) throw new TypeError('toJSON is a method of the generated TL classes');
  const json: TlJsonObject = { _: form.name };
  const object = this as Record<string, unknown>;
  const fields = form.fields;
  let i = 0;
  // An object's own properties are its fields in wire order (its constructor and its reader assign
  // them so), and for-in reads them several times faster than loads by name, which see a different
  // class at every call. From the first property that is not the next field (one added, deleted or
  // assigned again), the rest is read by name.
  for (const property in object) {
    const field = fields[i];
    if (field?.property !== property) break;
    fieldIntoJson(json, field, object[property], form.name);
    i++;
  }
  for (; i < fields.length; i++) {
    const field = fields[i] as JsonField;
    fieldIntoJson(json, field, object[field.property], form.name);
  }
  return json;
}

/** Writes one field of the object named `name` into its JSON form. */
function fieldIntoJson(json: TlJsonObject, field: JsonField, value: unknown, name: string): void {
  if (field.flag) {
    if (value === true) setJsonKey(json, field.key, true);
    else if (value !== undefined && value !== null && value !== false) {
      throw new TlJsonError(
        'type',
        `expected a boolean for a true flag, got ${describeValue(value)}`,
        [field.key],
        name,
      );
    }
  } else if (value === undefined || value === null) {
    // A required field absent: the object could not be serialized either.
    if (!field.optional) {
      const what = field.vector ? 'vector' : 'field';
      throw new TlJsonError('missing', `a required ${what} is ${describeValue(value)}`, [field.key], name);
    }
  } else {
    setJsonKey(json, field.key, fieldToJson(field.key, value, field.toJson, name));
  }
}

/**
 * Reads the JSON form of one object of this class (every class's static `fromJson`): checks that it is
 * an object whose `_` is this class's TL name, reads each field, builds the object through the class's
 * constructor (which converts its arguments as for any caller) and at the end refuses keys no field
 * has. An error gets the field's TL name in its path and this object's TL name as its root. Objects in
 * the fields are read through `classes`.
 */
function fromJson(this: unknown, json: unknown, classes?: TlJsonClasses): TlObject {
  const form = typeof this === 'function' ? formOf(this.prototype) : undefined;
  if (form === undefined) {
    throw new TypeError('fromJson is a static method of the generated TL classes: call it on the class');
  }
  const name = form.name;
  checkJsonObjectOf(json, name);
  // Plain objects (what JSON.parse gives) inherit only Object.prototype's members, so a field is read
  // with one load unless its name is one of those; for other objects every field is checked as own.
  const plain = Object.getPrototypeOf(json) === Object.prototype;
  const args: Record<string, unknown> = {};
  /** Fields `json` has a value for: with `_`, as many as its keys, or a key is unknown. */
  let found = 1;
  for (const field of form.fields) {
    const key = field.key;
    const value = plain && !field.inherited ? json[key] : Object.hasOwn(json, key) ? json[key] : undefined;
    if (value === undefined) {
      if (!field.optional && !field.flag)
        throw new TlJsonError('missing', 'a required field is absent', [key], name);
      continue;
    }
    found++;
    if (field.flag) {
      if (value === true) args[field.property] = true;
      else if (value !== null && value !== false) {
        throw new TlJsonError(
          'type',
          `expected true (or nothing) for a true flag, got ${describeJson(value)}`,
          [key],
          name,
        );
      }
    } else if (value === null) {
      if (!field.optional) throw new TlJsonError('missing', 'a required field is absent', [key], name);
    } else {
      args[field.property] = fieldFromJson(key, value, field.fromJson, classes, name);
    }
  }
  const object = new (this as new (args: Record<string, unknown>) => TlObject)(args);
  // More keys than values read: a key no field has, or only fields set to undefined.
  if (Object.keys(json).length !== found) checkKeys(json, form);
  return object;
}

/** Refuses a key of `json` that is no field of the class. */
function checkKeys(json: Record<string, unknown>, form: JsonForm): void {
  const known = new Set(form.fields.map((field) => field.key));
  const unknown = Object.keys(json).find((key) => key !== '_' && !known.has(key));
  if (unknown === undefined) return;
  const fields =
    form.fields.length === 0
      ? 'it has no fields'
      : `its fields: ${form.fields.map((field) => field.key).join(', ')}`;
  throw new TlJsonError('unknown-field', `no field ${JSON.stringify(unknown)} (${fields})`, [], form.name);
}

/**
 * The property of a TL field where a description names none, by GramJS's rule: `random_id` →
 * `randomId`, `srp_B` stays `srp_B`. The generator writes `key=property` wherever its name differs.
 */
export function defaultPropertyName(key: string): string {
  return key.replace(/([-_][a-z])/g, (g) => g.toUpperCase().replace('-', '').replace('_', ''));
}

/** How values of one type go to JSON and back. */
interface JsonType {
  readonly toJson: ToJson;
  readonly fromJson: FromJson<unknown>;
}

const int: JsonType = { toJson: intToJson, fromJson: intFromJson };
const bool: JsonType = { toJson: boolToJson, fromJson: boolFromJson };

/** The types TL spells with one word, `#` (a flags word, as a vector element) included. */
const wordTypes: ReadonlyMap<string, JsonType> = /*@__PURE__*/ new Map([
  ['#', int],
  ['int', int],
  ['long', { toJson: longToJson, fromJson: longFromJson }],
  ['double', { toJson: doubleToJson, fromJson: doubleFromJson }],
  ['int128', { toJson: int128ToJson, fromJson: int128FromJson }],
  ['int256', { toJson: int256ToJson, fromJson: int256FromJson }],
  ['string', { toJson: stringToJson, fromJson: stringFromJson }],
  ['bytes', { toJson: bytesToJson, fromJson: bytesFromJson }],
  ['Bool', bool],
  ['true', bool],
  ['Object', { toJson: boxedValueToJson, fromJson: boxedValueFromJson }],
]);

/**
 * Parsed types by their text (`Vector<InputUser>`), shared by every class of every layer: the readers
 * name types, never classes. Types of a class with type parameters are not kept (`X` is a type
 * variable there).
 */
const typeCache = /*@__PURE__*/ new Map<string, JsonType>();

/** One field of a description as written: `key=property:flags.N?type`. */
interface DescribedField {
  key: string;
  property: string;
  conditional: boolean;
  type: string;
}

const fieldPattern = /^(\w+)(?:=([\w$]+))?:(\w+\.\d+\?)?(\S+)$/;
const typeParamPattern = /^\{(\w+):Type\}$/;

/** Parses a description (see the top of this file); a malformed one is a bug of the generator. */
function parseDescription(text: string): JsonForm {
  const tokens = text.split(' ');
  const name = tokens[0] as string;
  let end = tokens.length;
  let type: string | undefined;
  if (end >= 3 && tokens[end - 2] === '=') {
    type = tokens[end - 1];
    end -= 2;
  }
  const typeParams = new Set<string>();
  const described: DescribedField[] = [];
  for (let i = 1; i < end; i++) {
    const token = tokens[i] as string;
    const param = typeParamPattern.exec(token);
    if (param !== null) {
      typeParams.add(param[1] as string);
      continue;
    }
    const match = fieldPattern.exec(token);
    if (match === null) {
      throw new Error(`the TL description of ${name} is malformed at ${JSON.stringify(token)}`);
    }
    const [, key = '', property = defaultPropertyName(key), condition, fieldType = ''] = match;
    described.push({ key, property, conditional: condition !== undefined, type: fieldType });
  }
  const fields: JsonField[] = [];
  for (let i = 0; i < described.length; i++) {
    const { key, property, conditional, type: fieldType } = described[i] as DescribedField;
    if (fieldType === '#') continue;
    const { toJson, fromJson } = jsonType(fieldType, typeParams, name);
    fields.push({
      key: propertyKey(key),
      property: propertyKey(property),
      flag: fieldType === 'true',
      optional: conditional || isBodyLength(described[i] as DescribedField, described[i + 1]),
      vector: fieldType.endsWith('>'),
      inherited: key in Object.prototype,
      toJson,
      fromJson,
    });
  }
  return { name, type, fields };
}

/**
 * `text` as engines keep property names (V8 internalizes them): a name cut out of the description is
 * a new string, which each property access by it would look up first (about a tenth of the time of
 * `fromJson` and `toJSON`).
 */
function propertyKey(text: string): string {
  return Object.keys({ [text]: 0 })[0] as string;
}

/**
 * msg_container's `bytes:int body:Object` (the rule of the generator's model/sized-body.ts): `bytes` is
 * the body's length, which the class computes on write when it is left out.
 */
function isBodyLength(field: DescribedField, next: DescribedField | undefined): boolean {
  return (
    next !== undefined &&
    field.key === 'bytes' &&
    field.type === 'int' &&
    !field.conditional &&
    next.key === 'body' &&
    next.type === 'Object' &&
    !next.conditional
  );
}

/** How values of the type `text` go to JSON and back. */
function jsonType(text: string, typeParams: ReadonlySet<string>, where: string): JsonType {
  const cacheable = typeParams.size === 0;
  let type = cacheable ? typeCache.get(text) : undefined;
  if (type === undefined) {
    type = parseType(text, typeParams, where);
    if (cacheable) typeCache.set(text, type);
  }
  return type;
}

function parseType(text: string, typeParams: ReadonlySet<string>, where: string): JsonType {
  // A type parameter first, as the schema reads it: `{string:Type}` makes `string` one.
  if (typeParams.has(text.startsWith('!') ? text.slice(1) : text)) {
    return { toJson: objectToJson, fromJson: requestFromJson };
  }
  const word = wordTypes.get(text);
  if (word !== undefined) return word;
  const vector = /^[Vv]ector<(.+)>$/.exec(text);
  if (vector !== null) {
    const element = jsonType(vector[1] as string, typeParams, where);
    return { toJson: vectorToJson(element.toJson), fromJson: vectorFromJson(element.fromJson) };
  }
  if (!/^[\w.]+$/.test(text))
    throw new Error(`the TL description of ${where} has the type ${JSON.stringify(text)}`);
  // TL's rule: a name whose last part starts with a capital is a boxed type, any other a constructor.
  const local = text.charCodeAt(text.lastIndexOf('.') + 1);
  const fromJson = local >= 65 && local <= 90 ? boxedFromJson(text) : bareFromJson(text);
  return { toJson: objectToJson, fromJson };
}

/** A field of a boxed type: a constructor of that type, by its `_`. */
function boxedFromJson(typeName: string): FromJson<TlObject> {
  return (json, classes) => {
    const name = jsonConstructorName(json);
    if (classes === undefined) throw jsonClassesNeeded(name, `a constructor of ${typeName}`);
    const cls = classes.get(name);
    if (cls === undefined || formOf(cls.prototype)?.type !== typeName) {
      throw unexpectedJsonConstructor(name, typeName);
    }
    return cls.fromJson(json, classes);
  };
}

/** A field of a bare type: that constructor's object (its `_` names it too, as `toJSON` writes it). */
function bareFromJson(name: string): FromJson<TlObject> {
  return (json, classes) => {
    checkJsonObjectOf(json, name);
    return jsonClassOf(name, classes, `the bare ${name}`).fromJson(json, classes);
  };
}
