// The model-driven dissector: reads TL bytes by walking the resolved schema (not generated classes) and
// records every value it reads as a node with its byte range. The runtime's TlReader reads the
// primitives with its strict checks (padding, length prefixes, UTF-8, vector counts against the bytes
// left); the dissector adds the rest of the runtime's rules (Bool ids, flags bits no field uses, depth,
// one budget of vector elements, inflated bytes and tree nodes per decode) and the MTProto service
// values: gzip_packed is inflated in place (its content's offsets are into the inflated data, a buffer
// of its own), a msg_container body must take exactly its `bytes`, and rpc_result's result is read as
// the result of the request named in the options. On an error the tree read so far is kept.

import {
  BOOL_FALSE_ID,
  BOOL_TRUE_ID,
  constructorIdHex,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_ELEMENTS,
  DEFAULT_MAX_INFLATED_SIZE,
  GZIP_PACKED_ID,
  inflateGzip,
  type ReaderRegistry,
  TlDecodeError,
  TlError,
  TlReader,
  UnknownConstructorError,
  VECTOR_ID,
} from '@tlforge/runtime';
import type { TlDefinition, TlField, TlFunction, TlTypeRef } from '../model/schema-model.ts';
import { isSizedBody } from '../model/sized-body.ts';
import { fieldTypeText, typeRefText } from '../model/type-ref-text.ts';
import type { DissectSchema } from './dissect-schema.ts';
import type {
  DissectBuffer,
  DissectDefinition,
  DissectError,
  DissectFlags,
  DissectNode,
  DissectResult,
} from './dissect-tree.ts';
import { hexOf } from './input-bytes.ts';
import { treePath } from './tree-path.ts';

export interface DissectOptions {
  /** Read the input as this type; default `Object` (any boxed object of the schema, or a Bool or Vector). */
  type?: TlTypeRef;
  /**
   * The function whose result every `rpc_result` holds (TL name: `messages.getDialogs`). Without
   * `type`, an input that starts with neither rpc_result, msg_container, gzip_packed nor the function
   * itself is read as its result.
   */
  request?: string;
  /** Accept only canonical encodings (zero padding, Bool ids, flags bits fields use). Default true. */
  strict?: boolean;
  /** Deepest nesting of boxed objects; default 100 (the runtime's). */
  maxDepth?: number;
  /** Bytes all gzip_packed values may inflate to together; default 64 MiB (the runtime's). */
  maxInflatedSize?: number;
  /** Vector elements one decode may read; default 1,000,000 (the runtime's). */
  maxElements?: number;
  /** Values (tree nodes) one decode may record; default 500,000. */
  maxNodes?: number;
}

export const DEFAULT_MAX_NODES = 500_000;

const OBJECT: TlTypeRef = { kind: 'object' };
const noRegistry: ReaderRegistry = new Map();

/** Reads `bytes` against `schema` into a tree of values with byte ranges; never throws on bad bytes. */
export function dissect(
  schema: DissectSchema,
  bytes: Uint8Array,
  options: DissectOptions = {},
): DissectResult {
  return new Dissector(schema, bytes, options).run();
}

/** The position to return to when a trial read (an rpc_result without `request`) fails. */
interface Snapshot {
  pos: number;
  end: number;
  buffers: number;
  nodes: number;
  elements: number;
  inflate: number;
  depth: number;
  open: number;
}

class Dissector {
  private readonly schema: DissectSchema;
  private readonly strict: boolean;
  private readonly maxDepth: number;
  private readonly maxInflatedSize: number;
  private readonly maxElements: number;
  private readonly maxNodes: number;
  private readonly request: TlFunction | undefined;
  private readonly buffers: DissectBuffer[] = [];
  /** One reader per buffer; `r` is the one being read. */
  private readonly readers: TlReader[] = [];
  private r: TlReader;
  private buffer = 0;
  /** The nodes being read, outermost first: the path of an error. */
  private readonly open: DissectNode[] = [];
  private depth = 0;
  private nodes = 0;
  private elements: number;
  private inflate: number;

  constructor(
    schema: DissectSchema,
    bytes: Uint8Array,
    private readonly options: DissectOptions,
  ) {
    if (!(bytes instanceof Uint8Array)) {
      throw new TlError('invalid-option', 'dissect needs the bytes as a Uint8Array');
    }
    this.schema = schema;
    this.strict = options.strict ?? true;
    this.maxDepth = limit(options.maxDepth, 'maxDepth', 1, 1000, DEFAULT_MAX_DEPTH);
    this.maxInflatedSize = limit(
      options.maxInflatedSize,
      'maxInflatedSize',
      0,
      2 ** 30,
      DEFAULT_MAX_INFLATED_SIZE,
    );
    this.maxElements = limit(options.maxElements, 'maxElements', 0, 0x7fffffff, DEFAULT_MAX_ELEMENTS);
    this.maxNodes = limit(options.maxNodes, 'maxNodes', 1, 0x7fffffff, DEFAULT_MAX_NODES);
    this.elements = this.maxElements;
    this.inflate = this.maxInflatedSize;
    this.request = options.request === undefined ? undefined : requestNamed(schema, options.request);
    this.r = this.addBuffer(bytes, undefined);
  }

  run(): DissectResult {
    const type = this.topType();
    const root = this.begin('', typeRefText(type));
    if (type !== OBJECT && this.options.type === undefined && this.request !== undefined) {
      root.note = `result of ${this.request.name}`;
    }
    let error: DissectError | undefined;
    try {
      this.value(root, type);
      this.finish(root);
      if (this.r.pos !== this.r.end) {
        throw new TlDecodeError(
          'trailing-bytes',
          `${this.r.end - this.r.pos} bytes left after the value`,
          this.r.pos,
        );
      }
    } catch (e) {
      if (!(e instanceof TlDecodeError)) throw e;
      error = this.describeError(e);
      for (const node of this.open) {
        node.incomplete = true;
        node.end = Math.max(node.start, this.readers[node.buffer]!.pos);
      }
    }
    return { layer: this.schema.layer, root, buffers: this.buffers, error };
  }

  /** What the input is read as: the option's type, a request's result, or any object. */
  private topType(): TlTypeRef {
    if (this.options.type !== undefined) return this.options.type;
    const request = this.request;
    if (request === undefined || this.r.end < 4) return OBJECT;
    const first = this.r.view.getUint32(0, true);
    const framing = ['rpc_result', 'msg_container'].map((name) => this.schema.byTlName(name)?.id);
    if (first === GZIP_PACKED_ID || first === request.id || framing.includes(first)) return OBJECT;
    return request.result.kind === 'typeVar' ? OBJECT : request.result;
  }

  private addBuffer(bytes: Uint8Array, from: DissectBuffer['from']): TlReader {
    const index = this.buffers.length;
    this.buffers.push(from === undefined ? { index, bytes } : { index, bytes, from });
    // The dissector keeps its own element budget across buffers; the reader's would start anew in each.
    const reader = new TlReader(bytes, noRegistry, { strict: this.strict, maxElements: 0x7fffffff });
    this.readers.push(reader);
    return reader;
  }

  private begin(name: string, type: string): DissectNode {
    if (++this.nodes > this.maxNodes) {
      throw new TlDecodeError(
        'element-limit',
        `the tree would hold more than ${this.maxNodes} values (maxNodes)`,
        this.r.pos,
      );
    }
    const node: DissectNode = {
      name,
      type,
      buffer: this.buffer,
      start: this.r.pos,
      end: this.r.pos,
      children: [],
    };
    this.open.at(-1)?.children.push(node);
    this.open.push(node);
    return node;
  }

  private finish(node: DissectNode): void {
    node.end = this.r.pos;
    this.open.pop();
  }

  private enter(at: number): void {
    if (++this.depth > this.maxDepth) {
      throw new TlDecodeError('depth', `objects nested deeper than ${this.maxDepth} levels`, at);
    }
  }

  /** Reads one value of `type` into `node`. */
  private value(node: DissectNode, type: TlTypeRef): void {
    const r = this.r;
    switch (type.kind) {
      case 'int':
        node.valueKind = 'int';
        node.value = r.int();
        return;
      case 'long':
        node.valueKind = 'long';
        node.value = r.bigint().toString();
        return;
      case 'double':
        node.valueKind = 'double';
        node.value = r.double();
        return;
      case 'int128':
      case 'int256':
      case 'bytes': {
        const raw = type.kind === 'int128' ? r.int128() : type.kind === 'int256' ? r.int256() : r.bytes();
        node.valueKind = type.kind;
        node.raw = raw;
        node.value = hexOf(raw);
        return;
      }
      case 'string':
        node.valueKind = 'string';
        node.value = r.string();
        return;
      case 'Bool':
        this.bool(node);
        return;
      case 'true':
        node.valueKind = 'true';
        node.value = true;
        return;
      case 'flags':
        node.valueKind = '#';
        node.value = r.uint();
        return;
      case 'vector':
        this.vector(node, type);
        return;
      case 'boxed':
      case 'object':
      case 'typeVar':
        this.boxed(node, type);
        return;
      case 'bare':
        this.bare(node, type.constructor);
        return;
    }
  }

  private bool(node: DissectNode): void {
    const at = this.r.pos;
    const id = this.r.uint();
    if (id === GZIP_PACKED_ID) {
      this.packed(node, at, { kind: 'Bool' });
      return;
    }
    node.valueKind = 'Bool';
    if (id === BOOL_TRUE_ID || id === BOOL_FALSE_ID) {
      node.value = id === BOOL_TRUE_ID;
      node.definition = { name: node.value ? 'boolTrue' : 'boolFalse', id, kind: 'builtin', bare: false };
      return;
    }
    if (this.strict) {
      throw new TlDecodeError(
        'bool',
        `expected boolTrue (0x997275b5) or boolFalse (0xbc799737), got ${constructorIdHex(id)}`,
        at,
      );
    }
    node.value = false;
    node.note = `${constructorIdHex(id)} is no Bool id: read as false (lenient)`;
  }

  private vector(node: DissectNode, type: Extract<TlTypeRef, { kind: 'vector' }>): void {
    if (type.boxed) {
      const at = this.r.pos;
      const id = this.r.uint();
      if (id === GZIP_PACKED_ID) {
        this.packed(node, at, type);
        return;
      }
      if (id !== VECTOR_ID) {
        throw new TlDecodeError(
          'vector-id',
          `expected vector id 0x1cb5c415, got ${constructorIdHex(id)}`,
          at,
        );
      }
      node.definition = { name: 'vector', id, kind: 'builtin', bare: false };
    }
    this.elementsOf(node, type.element);
  }

  /** A vector's count and elements (its id, if boxed, already read). */
  private elementsOf(node: DissectNode, element: TlTypeRef): void {
    const at = this.r.pos;
    const n = this.r.count(this.schema.minWireSize(element));
    if (n > this.elements) {
      throw new TlDecodeError(
        'element-limit',
        `a vector of ${n} elements would pass the limit of ${this.maxElements} vector elements in one decode (maxElements)`,
        at,
      );
    }
    this.elements -= n;
    node.count = n;
    const text = typeRefText(element);
    for (let i = 0; i < n; i++) {
      const child = this.begin(`[${i}]`, text);
      this.value(child, element);
      this.finish(child);
    }
  }

  /** A boxed value: of one type (`boxed`), any object (`object`) or a function call (`typeVar`, `!X`). */
  private boxed(node: DissectNode, type: Extract<TlTypeRef, { kind: 'boxed' | 'object' | 'typeVar' }>): void {
    const at = this.r.pos;
    const id = this.r.uint();
    if (id === GZIP_PACKED_ID) {
      this.packed(node, at, type);
      return;
    }
    if (type.kind === 'object') {
      if (id === VECTOR_ID) {
        this.enter(at);
        node.definition = { name: 'vector', id, kind: 'builtin', bare: false };
        this.elementsOf(node, OBJECT);
        this.depth--;
        return;
      }
      if (id === BOOL_TRUE_ID || id === BOOL_FALSE_ID) {
        this.r.pos = at;
        this.bool(node);
        return;
      }
    }
    const expected =
      type.kind === 'boxed' ? type.type : type.kind === 'object' ? 'Object' : 'a function call';
    const definition = this.schema.byConstructorId(id);
    if (definition === undefined) throw new UnknownConstructorError(id, at, expected);
    const fits =
      type.kind === 'boxed'
        ? this.schema.builds(definition, type.type)
        : type.kind === 'typeVar'
          ? definition.kind === 'function'
          : true;
    if (!fits) {
      throw new TlDecodeError(
        'unexpected-constructor',
        `constructor ${constructorIdHex(id)} (${definition.name}) is not ${type.kind === 'boxed' ? `a ${expected}` : expected}`,
        at,
      );
    }
    this.enter(at);
    node.definition = definitionOf(definition, false);
    this.fields(definition);
    this.depth--;
  }

  private bare(node: DissectNode, name: string): void {
    const definition = this.schema.byTlName(name);
    if (definition === undefined) {
      throw new TlDecodeError('unknown-constructor', `the schema has no constructor ${name}`, this.r.pos);
    }
    this.enter(this.r.pos);
    node.definition = definitionOf(definition, true);
    this.fields(definition);
    this.depth--;
  }

  /** The fields of `definition`, in wire order: flags words first decide which conditional fields follow. */
  private fields(definition: TlDefinition): void {
    const words = new Map<string, number>();
    let previous: { field: TlField; value: unknown } | undefined;
    for (const field of definition.fields) {
      const condition = field.condition;
      if (condition !== undefined && ((words.get(condition.flagsField) ?? 0) >>> condition.bit) % 2 === 0)
        continue;
      const child = this.begin(field.name, fieldTypeText(field));
      if (field.type.kind === 'flags') {
        const word = this.r.uint();
        const flags = describeFlags(definition, field.name, word);
        child.valueKind = '#';
        child.value = word;
        child.flags = flags;
        words.set(field.name, word);
        if (flags.unknown !== 0) {
          if (this.strict) {
            throw new TlDecodeError(
              'flags',
              `flags word 0x${word.toString(16)} has bits 0x${flags.unknown.toString(16)} that no field uses`,
              child.start,
            );
          }
          child.note = `bits 0x${flags.unknown.toString(16)} are used by no field (ignored: lenient)`;
        }
      } else if (
        definition.name === 'rpc_result' &&
        field.name === 'result' &&
        field.type.kind === 'object'
      ) {
        this.rpcResult(child);
      } else if (isSizedBody(previous?.field, field)) {
        this.sizedBody(child, previous?.value as number);
      } else {
        this.value(child, field.type);
      }
      this.finish(child);
      previous = { field, value: child.value };
    }
  }

  /** msg_container's `message.body`: one object taking exactly the `bytes` before it. */
  private sizedBody(node: DissectNode, length: number): void {
    const r = this.r;
    const start = r.pos;
    if (length < 0 || start + length > r.end) {
      throw new TlDecodeError(
        'truncated',
        `a ${length}-byte body needs ${length} bytes, ${r.end - start} remain`,
        start,
      );
    }
    const outerEnd = r.end;
    r.end = start + length;
    this.value(node, OBJECT);
    if (r.pos !== r.end) {
      throw new TlDecodeError(
        'trailing-bytes',
        `${r.end - r.pos} bytes left in a ${length}-byte body`,
        r.pos,
      );
    }
    r.end = outerEnd;
  }

  /**
   * rpc_result's result: the request's result type when `request` names one (an rpc_error may stand
   * instead); otherwise any object, and when the bytes are none (a Vector<long> result, say) they are
   * shown raw with a hint.
   */
  private rpcResult(node: DissectNode): void {
    const r = this.r;
    const request = this.request;
    const next = r.end - r.pos >= 4 ? r.view.getUint32(r.pos, true) : undefined;
    const rpcError = this.schema.byTlName('rpc_error')?.id;
    if (request !== undefined && next !== rpcError && request.result.kind !== 'typeVar') {
      node.type = typeRefText(request.result);
      node.note = `result of ${request.name}`;
      this.value(node, request.result);
      return;
    }
    if (request !== undefined) {
      node.note = next === rpcError ? `an rpc_error answers ${request.name}` : `result of ${request.name}`;
      this.value(node, OBJECT);
      return;
    }
    const snapshot = this.snapshot();
    try {
      this.value(node, OBJECT);
    } catch (e) {
      if (!(e instanceof TlDecodeError)) throw e;
      this.restore(snapshot);
      node.children = [];
      node.definition = undefined;
      node.count = undefined;
      const raw = this.r.rest();
      node.valueKind = 'bytes';
      node.raw = raw;
      node.value = hexOf(raw);
      node.note = `not an object of this schema (${e.kind} at byte ${e.offset}): name the call with --request to read its result`;
    }
  }

  private snapshot(): Snapshot {
    return {
      pos: this.r.pos,
      end: this.r.end,
      buffers: this.buffers.length,
      nodes: this.nodes,
      elements: this.elements,
      inflate: this.inflate,
      depth: this.depth,
      open: this.open.length,
    };
  }

  private restore(s: Snapshot): void {
    const node = this.open[s.open - 1]!;
    this.buffers.length = s.buffers;
    this.readers.length = s.buffers;
    this.buffer = node.buffer;
    this.r = this.readers[node.buffer]!;
    this.r.pos = s.pos;
    this.r.end = s.end;
    this.nodes = s.nodes;
    this.elements = s.elements;
    this.inflate = s.inflate;
    this.depth = s.depth;
    this.open.length = s.open;
  }

  /**
   * A gzip_packed where a value of `type` stands (its id at `at` already read): `packed_data`, then the
   * value read from the inflated data, a buffer of its own that it must use up exactly.
   */
  private packed(node: DissectNode, at: number, type: TlTypeRef): void {
    this.enter(at);
    node.definition = { name: 'gzip_packed', id: GZIP_PACKED_ID, kind: 'constructor', bare: false };
    const data = this.begin('packed_data', 'bytes');
    const raw = this.r.bytes();
    data.valueKind = 'bytes';
    data.raw = raw;
    data.value = hexOf(raw);
    this.finish(data);
    const inflated = this.inflateAt(raw, at);
    const outer = this.r;
    const outerBuffer = this.buffer;
    this.r = this.addBuffer(inflated, { buffer: outerBuffer, offset: at });
    this.buffer = this.buffers.length - 1;
    data.note = `gzip: ${raw.length} bytes inflate to ${inflated.length}, read as buffer #${this.buffer}`;
    const inner = this.begin('inflated', typeRefText(type));
    this.value(inner, type);
    if (this.r.pos !== this.r.end) {
      throw new TlDecodeError(
        'trailing-bytes',
        `${this.r.end - this.r.pos} bytes left after the value in the inflated data`,
        this.r.pos,
      );
    }
    this.finish(inner);
    this.r = outer;
    this.buffer = outerBuffer;
    this.depth--;
  }

  private inflateAt(packed: Uint8Array, at: number): Uint8Array {
    const n = packed.length;
    // The trailer's size, checked against the budget before anything is inflated.
    const declared =
      n >= 18
        ? (packed[n - 4]! | (packed[n - 3]! << 8) | (packed[n - 2]! << 16) | (packed[n - 1]! << 24)) >>> 0
        : 0;
    if (declared > this.inflate) {
      throw new TlDecodeError(
        'inflated-limit',
        `gzip_packed declares ${declared} bytes, but ${this.inflate} of the ${this.maxInflatedSize} bytes one decode may inflate remain (maxInflatedSize)`,
        at,
      );
    }
    let inflated: Uint8Array;
    try {
      inflated = inflateGzip(packed, this.inflate);
    } catch (e) {
      if (e instanceof Error && !(e instanceof TlError)) throw new TlDecodeError('gzip', e.message, at);
      throw e;
    }
    this.inflate -= inflated.length;
    return inflated;
  }

  private describeError(e: TlDecodeError): DissectError {
    const path = treePath(this.open);
    const of = this.buffer === 0 ? '' : ` of buffer #${this.buffer} (inflated)`;
    const where = path === '' ? '' : ` (${path})`;
    return {
      kind: e.kind,
      detail: e.detail,
      message: `at byte ${e.offset}${of}${where}: ${e.kind}: ${e.detail}`,
      buffer: this.buffer,
      offset: e.offset,
      path,
    };
  }
}

function definitionOf(definition: TlDefinition, bare: boolean): DissectDefinition {
  const { name, id, kind } = definition;
  return definition.kind === 'function'
    ? { name, id, kind, bare, result: typeRefText(definition.result) }
    : { name, id, kind, bare };
}

/** The bits of a flags word that are set, each with the fields it switches on, and the bits no field uses. */
function describeFlags(definition: TlDefinition, flagsField: string, word: number): DissectFlags {
  const group = definition.flagGroups.find((g) => g.flagsField === flagsField);
  const set: DissectFlags['set'] = [];
  let used = 0;
  for (const bit of group?.bits ?? []) {
    used |= 1 << bit.bit;
    if ((word >>> bit.bit) % 2 === 1) set.push({ bit: bit.bit, fields: [...bit.fields] });
  }
  return { value: word, set, unknown: (word & ~used) >>> 0 };
}

/** The function named `name`, or a TlError that suggests the name meant. */
export function requestNamed(schema: DissectSchema, name: string): TlFunction {
  const found = schema.function(name);
  if (found !== undefined) return found;
  const lower = name.toLowerCase().replace(/_/g, '');
  const close = schema.model.functions
    .filter(
      (f) => f.name.toLowerCase().replace(/_/g, '') === lower || f.name.toLowerCase().endsWith(`.${lower}`),
    )
    .map((f) => f.name);
  const hint = close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : '';
  const layer = schema.layer === undefined ? '' : ` of layer ${schema.layer}`;
  throw new TlError('unknown-request', `no function of the schema${layer} is named ${name}${hint}`);
}

function limit(value: number | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TlError('invalid-option', `${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}
