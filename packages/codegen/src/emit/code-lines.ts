// A tiny indented-lines builder for method bodies. Bodies are built as text and handed to ts-morph
// inside structures, which prints each file once (no per-member AST manipulation).

export class CodeLines {
  private readonly lines: string[] = [];
  private depth = 0;

  /** One line, or several (a signature with a documented argument per line), indented as a whole. */
  line(text: string): this {
    const indent = '  '.repeat(this.depth);
    // Most calls are one line: no split and no array for them (this runs for every generated line).
    if (!text.includes('\n')) {
      this.lines.push(text === '' ? '' : indent + text);
      return this;
    }
    for (const line of text.split('\n')) this.lines.push(line === '' ? '' : `${indent}${line}`);
    return this;
  }

  /** `head {`, the body one level deeper, `}` (or `tail`, e.g. `} catch (e) {`). */
  block(head: string, body: () => void, tail = '}'): this {
    this.line(head === '' ? '{' : `${head} {`);
    this.depth++;
    body();
    this.depth--;
    this.line(tail);
    return this;
  }

  /** `opening`, the body one level deeper, `closing`: for bracketed literals such as `new Map([`. */
  wrap(opening: string, body: () => void, closing: string): this {
    this.line(opening);
    this.depth++;
    body();
    this.depth--;
    this.line(closing);
    return this;
  }

  indent(body: () => void): this {
    this.depth++;
    body();
    this.depth--;
    return this;
  }

  get isEmpty(): boolean {
    return this.lines.length === 0;
  }

  toString(): string {
    return this.lines.join('\n');
  }
}

/** A hex literal for a uint32: `0xe6df7378` (8 digits, like the schema's ids). */
export function hexLiteral(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, '0')}`;
}

/** A bit mask literal: `0x4000`. */
export function maskLiteral(bit: number): string {
  return `0x${((1 << bit) >>> 0).toString(16)}`;
}

/** A single-quoted string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
