// Reading the values a JSON schema form expects out of positioned JSON (json-text.ts): an object
// here, a string there, a name, a 32-bit id. Every mismatch becomes a diagnostic at the value's
// JSON path and the caller gets `undefined`, so one run reports every problem of the file.

import {
  type JsonArray,
  type JsonObject,
  type JsonString,
  type JsonValue,
  nodePosition,
} from './json-text.ts';
import { TlSchemaError, type TlSchemaErrorKind } from './schema-error.ts';

const declarationName = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const fieldName = /^[A-Za-z_][A-Za-z0-9_]*$/;
const signedDecimal = /^-?[0-9]+$/;

/** The ids JSON writers use: Telegram's signed int32, mtcute's unsigned uint32; both mean the same 32 bits. */
const MIN_ID = -0x80000000;
const MAX_ID = 0xffffffff;

export class JsonShape {
  readonly diagnostics: TlSchemaError[] = [];

  constructor(readonly file: string) {}

  object(node: JsonValue, what: string): JsonObject | undefined {
    if (node.kind === 'object') return node;
    this.wrongKind(node, what, 'an object');
    return undefined;
  }

  array(node: JsonValue, what: string): JsonArray | undefined {
    if (node.kind === 'array') return node;
    this.wrongKind(node, what, 'an array');
    return undefined;
  }

  string(node: JsonValue, what: string): JsonString | undefined {
    if (node.kind === 'string') return node;
    this.wrongKind(node, what, 'a string');
    return undefined;
  }

  boolean(node: JsonValue, what: string): boolean | undefined {
    if (node.kind === 'boolean') return node.value === true;
    this.wrongKind(node, what, '`true` or `false`');
    return undefined;
  }

  /** `key` of `object`, reported when absent: `owner` names the object (`a constructor`). */
  required(object: JsonObject, key: string, owner: string): JsonValue | undefined {
    const value = object.members.get(key);
    if (value === undefined)
      this.report('json-shape', object, `${owner} has no ${JSON.stringify(key)}`, '{…}');
    return value;
  }

  /** A declaration name (`messages.startBot`), as the TL parser accepts them. */
  declarationName(node: JsonString): string | undefined {
    if (declarationName.test(node.value)) return node.value;
    this.report(
      'invalid-name',
      node,
      `${JSON.stringify(node.value)} is not a valid declaration name`,
      node.value,
    );
    return undefined;
  }

  /** A field or type parameter name (`random_id`, `X`). */
  fieldName(node: JsonString): string | undefined {
    if (fieldName.test(node.value)) return node.value;
    this.report('invalid-name', node, `${JSON.stringify(node.value)} is not a valid field name`, node.value);
    return undefined;
  }

  /**
   * A constructor id as Telegram writes it, a decimal string (`"-1132882121"`), or as mtcute does, a
   * number (`3162085175`): returned as uint32. Out of the 32-bit range, or not an integer, is an error.
   */
  constructorId(node: JsonValue, owner: string): number | undefined {
    let text: string;
    if (node.kind === 'string') text = node.value;
    else if (node.kind === 'number') text = node.text;
    else {
      this.wrongKind(node, `the id of ${owner}`, 'a decimal string or a number');
      return undefined;
    }
    if (!signedDecimal.test(text)) {
      this.report('invalid-id', node, `${JSON.stringify(text)} is not a decimal constructor id`, text);
      return undefined;
    }
    const value = Number(text);
    if (value < MIN_ID || value > MAX_ID || !Number.isSafeInteger(value)) {
      this.report(
        'invalid-id',
        node,
        `${text} is outside the 32-bit range of a constructor id (${MIN_ID} to ${MAX_ID})`,
        text,
      );
      return undefined;
    }
    return value >>> 0;
  }

  /** Warns about keys outside `known`: the form does not define them, and they are ignored. */
  unknownKeys(object: JsonObject, known: ReadonlySet<string>, owner: string): void {
    for (const [key, value] of object.members) {
      if (known.has(key)) continue;
      this.report(
        'unknown-json-key',
        value,
        `${JSON.stringify(key)} is not a key of ${owner}; it is ignored`,
        key,
        'warning',
      );
    }
  }

  report(
    kind: TlSchemaErrorKind,
    node: JsonValue,
    detail: string,
    excerpt: string,
    severity: 'error' | 'warning' = 'error',
  ): void {
    this.diagnostics.push(new TlSchemaError(kind, nodePosition(node, this.file), detail, excerpt, severity));
  }

  private wrongKind(node: JsonValue, what: string, expected: string): void {
    this.report(
      'json-shape',
      node,
      `${what} must be ${expected}, found ${describeValue(node)}`,
      excerptOf(node),
    );
  }
}

/** `a string`, `an object`, `the number 12`, `null`. */
export function describeValue(node: JsonValue): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return `the string ${excerptOf(node)}`;
    case 'number':
      return `the number ${node.text}`;
    default:
      return `\`${String(node.value)}\``;
  }
}

function excerptOf(node: JsonValue): string {
  switch (node.kind) {
    case 'object':
      return '{…}';
    case 'array':
      return '[…]';
    case 'string': {
      const text = JSON.stringify(node.value);
      return text.length <= 60 ? text : `${text.slice(0, 57)}..."`;
    }
    case 'number':
      return node.text;
    default:
      return String(node.value);
  }
}
