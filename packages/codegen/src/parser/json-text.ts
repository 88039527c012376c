// JSON text to a tree of values that know where they stand: line, column and JSON path. `JSON.parse`
// gives neither, and its syntax errors name a character offset in a message that changes between
// Node versions; a schema error needs the position and a stable kind. Strict RFC 8259: no comments,
// no trailing commas.

import type { SourcePosition } from '../model/schema-model.ts';
import { TlSchemaError } from './schema-error.ts';

interface JsonNodeBase {
  /** `$`, `$.constructors[12].params[3].type`. */
  path: string;
  line: number; // 1-based, of the value's first character
  column: number; // 1-based
}

export interface JsonObject extends JsonNodeBase {
  kind: 'object';
  /** In the order written; a repeated key keeps its first value (and is reported). */
  members: Map<string, JsonValue>;
}

export interface JsonArray extends JsonNodeBase {
  kind: 'array';
  items: JsonValue[];
}

export interface JsonString extends JsonNodeBase {
  kind: 'string';
  value: string;
  /** No escapes: character i of `value` stands at column + 1 + i, so positions can point inside. */
  plain: boolean;
}

export interface JsonNumber extends JsonNodeBase {
  kind: 'number';
  value: number;
  /** As written (`-1132882121`, `1e3`). */
  text: string;
}

export interface JsonLiteral extends JsonNodeBase {
  kind: 'boolean' | 'null';
  value: boolean | null;
}

export type JsonValue = JsonObject | JsonArray | JsonString | JsonNumber | JsonLiteral;

export interface JsonText {
  /** Absent when the text is not JSON: then `diagnostics` holds the syntax error. */
  root?: JsonValue;
  diagnostics: TlSchemaError[];
}

/**
 * How deep arrays and objects may nest. Both schema forms nest five levels; the limit keeps the
 * recursive descent far from the end of the call stack on hostile input.
 */
export const MAX_JSON_DEPTH = 64;

const identifierKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `$.key` for identifier-like keys, `$["odd key"]` for the rest. */
export function memberPath(parent: string, key: string): string {
  return identifierKey.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

export function itemPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** Where `node` stands, for a diagnostic. */
export function nodePosition(node: JsonNodeBase, file: string): SourcePosition {
  return { file, line: node.line, column: node.column, path: node.path };
}

/** Thrown inside the parser at the first syntax error; caught by `parseJsonText`, never escapes. */
class JsonSyntaxAbort {
  constructor(readonly error: TlSchemaError) {}
}

/**
 * Parses `text` (the contents of `file`) into positioned values. Never throws: a syntax error ends the
 * parse and is the one diagnostic; a repeated key is reported and the parse goes on.
 */
export function parseJsonText(text: string, file: string): JsonText {
  const parser = new JsonParser(text, file);
  try {
    const root = parser.parseDocument();
    return { root, diagnostics: parser.diagnostics };
  } catch (abort) {
    if (!(abort instanceof JsonSyntaxAbort)) throw abort;
    return { diagnostics: [...parser.diagnostics, abort.error] };
  }
}

const LF = 10;

class JsonParser {
  readonly diagnostics: TlSchemaError[] = [];
  private i: number;
  private line = 1;
  private lineStart: number;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    // A UTF-8 byte order mark is not part of the text; columns count from after it, as in TL.
    this.i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.lineStart = this.i;
  }

  parseDocument(): JsonValue {
    this.skipSpace();
    const root = this.parseValue('$');
    this.skipSpace();
    if (this.i < this.text.length) this.fail('$', 'unexpected text after the JSON value');
    return root;
  }

  private parseValue(path: string): JsonValue {
    const c = this.text.charCodeAt(this.i);
    const line = this.line;
    const column = this.column();
    switch (c) {
      case 123: // {
        return this.parseObject(path, line, column);
      case 91: // [
        return this.parseArray(path, line, column);
      case 34: {
        // "
        const { value, plain } = this.parseString(path);
        return { kind: 'string', value, plain, path, line, column };
      }
      case 116: // t
        return this.parseLiteral('true', true, 'boolean', path);
      case 102: // f
        return this.parseLiteral('false', false, 'boolean', path);
      case 110: // n
        return this.parseLiteral('null', null, 'null', path);
      default:
        if (c === 45 || isDigit(c)) return this.parseNumber(path, line, column);
        return this.fail(path, `expected a value, found ${this.describeHere()}`);
    }
  }

  private parseObject(path: string, line: number, column: number): JsonObject {
    this.enter(path);
    this.i++;
    const members = new Map<string, JsonValue>();
    this.skipSpace();
    if (this.text.charCodeAt(this.i) === 125) {
      this.i++;
      this.depth--;
      return { kind: 'object', members, path, line, column };
    }
    for (;;) {
      if (this.text.charCodeAt(this.i) !== 34)
        this.fail(path, `expected a key in double quotes, found ${this.describeHere()}`);
      const keyLine = this.line;
      const keyColumn = this.column();
      const key = this.parseString(path).value;
      this.skipSpace();
      if (this.text.charCodeAt(this.i) !== 58)
        this.fail(path, `expected \`:\` after the key ${JSON.stringify(key)}, found ${this.describeHere()}`);
      this.i++;
      this.skipSpace();
      const valuePath = memberPath(path, key);
      const value = this.parseValue(valuePath);
      if (members.has(key)) {
        this.diagnostics.push(
          new TlSchemaError(
            'json-shape',
            { file: this.file, line: keyLine, column: keyColumn, path: valuePath },
            `the key ${JSON.stringify(key)} appears twice in one object; the first is used`,
            key,
          ),
        );
      } else {
        members.set(key, value);
      }
      this.skipSpace();
      const c = this.text.charCodeAt(this.i);
      this.i++;
      if (c === 125) break;
      if (c !== 44) {
        this.i--;
        this.fail(path, `expected \`,\` or \`}\` after a member, found ${this.describeHere()}`);
      }
      this.skipSpace();
    }
    this.depth--;
    return { kind: 'object', members, path, line, column };
  }

  private parseArray(path: string, line: number, column: number): JsonArray {
    this.enter(path);
    this.i++;
    const items: JsonValue[] = [];
    this.skipSpace();
    if (this.text.charCodeAt(this.i) === 93) {
      this.i++;
      this.depth--;
      return { kind: 'array', items, path, line, column };
    }
    for (;;) {
      items.push(this.parseValue(itemPath(path, items.length)));
      this.skipSpace();
      const c = this.text.charCodeAt(this.i);
      this.i++;
      if (c === 93) break;
      if (c !== 44) {
        this.i--;
        this.fail(path, `expected \`,\` or \`]\` after an item, found ${this.describeHere()}`);
      }
      this.skipSpace();
    }
    this.depth--;
    return { kind: 'array', items, path, line, column };
  }

  private parseString(path: string): { value: string; plain: boolean } {
    const { text } = this;
    const start = ++this.i;
    let value = '';
    let chunkStart = start;
    let plain = true;
    for (;;) {
      if (this.i >= text.length) {
        this.i = start - 1;
        this.fail(path, 'the string is never closed with `"`');
      }
      const c = text.charCodeAt(this.i);
      if (c === 34) break;
      if (c < 0x20) this.fail(path, `a control character (U+${hex4(c)}) must be escaped in a string`);
      if (c !== 92) {
        this.i++;
        continue;
      }
      plain = false;
      value += text.slice(chunkStart, this.i);
      value += this.parseEscape(path);
      chunkStart = this.i;
    }
    value += text.slice(chunkStart, this.i);
    this.i++;
    return { value, plain };
  }

  /** At a backslash: the character it stands for; leaves `i` after the escape. */
  private parseEscape(path: string): string {
    const e = this.text.charCodeAt(this.i + 1);
    const simple = simpleEscapes.get(e);
    if (simple !== undefined) {
      this.i += 2;
      return simple;
    }
    if (e === 117) {
      // \uXXXX
      const digits = this.text.slice(this.i + 2, this.i + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(digits))
        this.fail(path, `\`\\u\` must be followed by four hex digits, found ${JSON.stringify(digits)}`);
      this.i += 6;
      return String.fromCharCode(Number.parseInt(digits, 16));
    }
    return this.fail(path, `\`\\${this.text.charAt(this.i + 1)}\` is not a JSON escape`);
  }

  private parseNumber(path: string, line: number, column: number): JsonNumber {
    const match = jsonNumber.exec(this.text.slice(this.i, this.i + 400));
    const text = match?.[0] ?? '';
    const next = this.text.charCodeAt(this.i + text.length);
    // `01`, `1.`, `-x`, `1x`: a number runs into characters that cannot continue it.
    if (text === '' || isWordChar(next) || next === 46 || next === 45 || next === 43)
      return this.fail(path, `${this.describeHere()} is not a JSON number`);
    this.i += text.length;
    return { kind: 'number', value: Number(text), text, path, line, column };
  }

  private parseLiteral<K extends JsonLiteral['kind']>(
    word: string,
    value: boolean | null,
    kind: K,
    path: string,
  ): JsonLiteral {
    const line = this.line;
    const column = this.column();
    if (this.text.startsWith(word, this.i) && !isWordChar(this.text.charCodeAt(this.i + word.length))) {
      this.i += word.length;
      return { kind, value, path, line, column };
    }
    return this.fail(path, `expected a value, found ${this.describeHere()}`);
  }

  private skipSpace(): void {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(this.i);
      if (c === LF) {
        this.i++;
        this.line++;
        this.lineStart = this.i;
      } else if (c === 32 || c === 9 || c === 13) {
        this.i++;
      } else {
        return;
      }
    }
  }

  private enter(path: string): void {
    this.depth++;
    if (this.depth > MAX_JSON_DEPTH) {
      throw new JsonSyntaxAbort(
        new TlSchemaError(
          'nesting-too-deep',
          this.here(path),
          `arrays and objects nest deeper than ${MAX_JSON_DEPTH} levels; a schema nests 5`,
          this.text.charAt(this.i),
        ),
      );
    }
  }

  private column(): number {
    return this.i - this.lineStart + 1;
  }

  private here(path: string): SourcePosition {
    return { file: this.file, line: this.line, column: this.column(), path };
  }

  private describeHere(): string {
    if (this.i >= this.text.length) return 'the end of the file';
    const c = this.text.codePointAt(this.i) ?? 0;
    const word = /^[A-Za-z0-9_$.+-]+/.exec(this.text.slice(this.i, this.i + 40));
    if (word) return `\`${word[0]}\``;
    return `\`${String.fromCodePoint(c)}\``;
  }

  private fail(path: string, detail: string): never {
    const excerpt =
      this.i >= this.text.length ? '' : String.fromCodePoint(this.text.codePointAt(this.i) ?? 0);
    throw new JsonSyntaxAbort(new TlSchemaError('json-syntax', this.here(path), detail, excerpt));
  }
}

const jsonNumber = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/;

const simpleEscapes: ReadonlyMap<number, string> = new Map([
  [34, '"'],
  [92, '\\'],
  [47, '/'],
  [98, '\b'],
  [102, '\f'],
  [110, '\n'],
  [114, '\r'],
  [116, '\t'],
]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95;
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}
