// The module-level declarations every generated module carries besides its classes: the runtime
// imports, the request typing (`TlRequest`, `ResultOf`) and the small checked helpers the generated
// `_write`/`fromReader` methods call. Kept as readable source text; the emitter prints it verbatim.

import type { LongRepresentation } from './long-representation.ts';

/** Runtime values the generated code imports (besides those of the long representation). */
export const runtimeValueImports: readonly string[] = [
  'describeValue',
  'encodeError',
  'isTlObject',
  'readBoxed',
  'rethrowDecode',
  'rethrowEncode',
  'serializeObject',
  'TlDecodeError',
];

export const runtimeTypeImports: readonly string[] = [
  'ObjectReader',
  'ReaderRegistry',
  'TlBoxedValue',
  'TlEncodeError',
  'TlObject',
  'TlReader',
  'TlReaderOptions',
  'TlWriter',
];

/** Names of the helpers below: namespace members must not shadow them. */
export const helperNames: readonly string[] = [
  'BareWritable',
  'decoding',
  'defineTlClass',
  'required',
  'arrayValue',
  'trueFlag',
  'sharedFlagError',
  'indexedField',
  'describeTlValue',
  'boxedValueError',
  'writeBare',
  'writeObject',
  'writeRequest',
  'readRequest',
  'unknownFlagBits',
  'writeSizedObject',
  'checkBodyLength',
  'mapArrayArg',
];

export const requestTypesSource = `/** A function call: serializes like any object and knows how to read its own result. */
export interface TlRequest<R> extends TlObject {
  readonly classType: 'request';
  readResult(bytes: Uint8Array, options?: TlReaderOptions): R;
}

/** What a request returns: \`ResultOf<Api.help.GetConfig>\` is \`Api.TypeConfig\`. */
export type ResultOf<Q> = Q extends TlRequest<infer R> ? R : never;`;

export function helpersSource(long: LongRepresentation): string {
  return `${helpersCommonSource}\n\n${longHelpersSource(long)}`;
}

function longHelpersSource(long: LongRepresentation): string {
  return `/** Converts each element of a long array argument; a non-array is kept for the writer to report. */
function longArrayArg(values: readonly ${long.inputType}[]): ${long.valueType}[] {
  if (!Array.isArray(values)) return values as unknown as ${long.valueType}[];
  const converted: ${long.valueType}[] = [];
  for (let i = 0; i < values.length; i++) converted.push(${long.convertInput('values[i]')});
  return converted;
}`;
}

const helpersCommonSource = `interface BareWritable {
  _writeBare(w: TlWriter): void;
}

/**
 * Passed by \`fromReader\` instead of constructor arguments: the constructor then returns at once and
 * the reader assigns every field in the constructor's order, so decoded objects keep the class's shape
 * without an argument object or input conversions. Typed \`never\` to fit every constructor.
 */
const decoding: never = Object.freeze({ decoding: true }) as never;

/**
 * Defines a class's statics, read-only, on the class and on its prototype: instances share them and
 * never carry them as own properties. Runs once per class at import: one descriptor object reused for
 * the eight \`defineProperty\` calls costs less than descriptor maps for \`defineProperties\`.
 */
function defineTlClass(
  cls: { prototype: object },
  constructorId: number,
  subclassOfId: number,
  className: string,
  classType: 'constructor' | 'request',
): void {
  const prototype = cls.prototype;
  const descriptor: PropertyDescriptor = { value: constructorId };
  Object.defineProperty(cls, 'CONSTRUCTOR_ID', descriptor);
  Object.defineProperty(prototype, 'CONSTRUCTOR_ID', descriptor);
  descriptor.value = subclassOfId;
  Object.defineProperty(cls, 'SUBCLASS_OF_ID', descriptor);
  Object.defineProperty(prototype, 'SUBCLASS_OF_ID', descriptor);
  descriptor.value = className;
  Object.defineProperty(cls, 'className', descriptor);
  Object.defineProperty(prototype, 'className', descriptor);
  descriptor.value = classType;
  Object.defineProperty(cls, 'classType', descriptor);
  Object.defineProperty(prototype, 'classType', descriptor);
}

/** A required field's value: \`undefined\` or \`null\` is a 'missing' error, never a default. */
function required<T>(value: T | null | undefined, tlType: string): T {
  if (value === undefined || value === null) {
    throw encodeError('missing', \`expected \${tlType}, got \${describeValue(value)}\`);
  }
  return value;
}

/** A vector's elements: missing is 'missing', anything but an array is 'type'. */
function arrayValue<T>(value: readonly T[] | null | undefined, tlType: string): readonly T[] {
  if (value === undefined || value === null) {
    throw encodeError('missing', \`expected \${tlType}, got \${describeValue(value)}\`);
  }
  if (!Array.isArray(value)) throw encodeError('type', \`expected \${tlType} (an array), got \${describeValue(value)}\`);
  return value;
}

/**
 * A \`flags.N?true\` field is set by \`true\` only; \`false\`, \`undefined\` and \`null\` leave it clear.
 * Decoding gives \`true\` for a set bit and \`undefined\` for a clear one, like an object built
 * without the field, so decoded and constructed objects compare equal.
 */
function trueFlag(value: unknown): boolean {
  if (value === true) return true;
  if (value === undefined || value === null || value === false) return false;
  throw encodeError('type', \`expected a boolean for a true flag, got \${describeValue(value)}\`);
}

/** A shared flag bit is set but one of its non-\`true\` fields is missing. */
function sharedFlagError(
  flag: string,
  missing: string,
  names: readonly string[],
  values: readonly unknown[],
): TlEncodeError {
  const present: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const value = values[i];
    if (value !== undefined && value !== null && value !== false) present.push(names[i]);
  }
  return encodeError(
    'flags',
    \`\${flag} is shared by \${names.join(', ')}: \${present.join(', ')} set it, so \${missing} must be present too\`,
  );
}

/** The error path segment of a vector element: \`messages[3]\` (index -1: not inside the vector). */
function indexedField(field: string, index: number): string {
  return index < 0 ? field : \`\${field}[\${index}]\`;
}

function describeTlValue(value: unknown): string {
  return isTlObject(value) ? \`\${value.className} (\${value.classType})\` : describeValue(value);
}

/** Why a value cannot be written as a boxed value of \`typeName\` (its writer checked SUBCLASS_OF_ID). */
function boxedValueError(value: unknown, typeName: string): TlEncodeError {
  if (value === undefined || value === null) {
    return encodeError('missing', \`expected \${typeName}, got \${describeValue(value)}\`);
  }
  return encodeError('type', \`expected \${typeName}, got \${describeTlValue(value)}\`);
}

/** A bare value (fields only) of exactly one constructor. */
function writeBare(w: TlWriter, value: unknown, constructorId: number, constructorName: string): void {
  if (value === undefined || value === null) {
    throw encodeError('missing', \`expected \${constructorName}, got \${describeValue(value)}\`);
  }
  if (!isTlObject(value) || value.CONSTRUCTOR_ID !== constructorId) {
    throw encodeError('type', \`expected \${constructorName}, got \${describeTlValue(value)}\`);
  }
  (value as unknown as BareWritable)._writeBare(w);
}

/** \`Object\`: any TL object, constructor or function call. */
function writeObject(w: TlWriter, value: unknown): void {
  if (value === undefined || value === null) {
    throw encodeError('missing', \`expected a TL object, got \${describeValue(value)}\`);
  }
  w.object(value);
}

/** \`!X\`: a function call. */
function writeRequest(w: TlWriter, value: unknown): void {
  if (value === undefined || value === null) {
    throw encodeError('missing', \`expected a function call, got \${describeValue(value)}\`);
  }
  if (!isTlObject(value) || value.classType !== 'request') {
    throw encodeError('type', \`expected a function call, got \${describeTlValue(value)}\`);
  }
  value._write(w);
}

/** \`!X\` when decoding: the object read must be a function call. */
function readRequest(r: TlReader): TlRequest<unknown> {
  const at = r.pos;
  const value = r.object();
  if (!isTlObject(value) || value.classType !== 'request') {
    throw new TlDecodeError('unexpected-constructor', \`expected a function call, got \${describeTlValue(value)}\`, at);
  }
  return value as TlRequest<unknown>;
}

/**
 * A flags word with bits that no field of the constructor uses. Strict mode rejects it: the bits would
 * be lost on re-encoding. Lenient mode ignores them, as other TL implementations do.
 */
function unknownFlagBits(r: TlReader, flags: number, unused: number): void {
  if (!r.strict) return;
  const bits = (flags & unused) >>> 0;
  throw new TlDecodeError(
    'flags',
    \`flags word 0x\${(flags >>> 0).toString(16)} has bits 0x\${bits.toString(16)} that no field uses\`,
    r.pos - 4,
  );
}

/** msg_container's \`message\`: writes a placeholder length, the body, then the body's real length. */
function writeSizedObject(w: TlWriter, value: unknown): number {
  const at = w.pos;
  w.int(0);
  writeObject(w, value);
  const end = w.pos;
  const length = end - at - 4;
  w.pos = at;
  w.int(length);
  w.pos = end;
  return length;
}

/** A \`bytes\` given for a sized body must be the body's length (it is computed when omitted). */
function checkBodyLength(given: unknown, length: number): void {
  if (given !== undefined && given !== null && given !== length) {
    throw encodeError('length', \`is \${describeValue(given)} but the body takes \${length} bytes\`);
  }
}

/** Converts each element of a nested array argument; a non-array is kept for the writer to report. */
function mapArrayArg<T, U>(values: readonly T[], convert: (item: T) => U): U[] {
  if (!Array.isArray(values)) return values as unknown as U[];
  return values.map(convert);
}`;
