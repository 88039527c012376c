// A type written as a JSON string (`flags.0?Vector<InputUser>`, `!X`, `Vector t`) parsed into the
// same `TlTypeExpr` the TL parser builds, so the resolver cannot tell where a type came from. The
// grammar is TL's type grammar: the string holds one argument's type, never a whole declaration,
// so `;`, `=`, `:` or comments in it are errors rather than something to skip.

import type { SourcePosition } from '../model/schema-model.ts';
import type { TlFlagConditionExpr, TlTypeExpr } from './declaration.ts';
import { type JsonString, nodePosition } from './json-text.ts';
import { MAX_NESTING } from './parse-schema.ts';
import { TlSchemaError, type TlSchemaErrorKind } from './schema-error.ts';

/**
 * What the string may hold: a field's type with an optional `flags.N?` in front, a result type
 * (terms side by side: `Vector t`, as Telegram writes the builtin vector's), or one bare term.
 */
export type TypeTextPlace = 'field' | 'result' | 'term';

export interface TypeText {
  condition?: TlFlagConditionExpr;
  type: TlTypeExpr;
}

const typeName = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const decimalDigits = /^[0-9]+$/;

interface TypeToken {
  kind: 'word' | '<' | '>' | '%' | '!' | '#' | '?' | ' ' | 'other' | 'end';
  text: string;
  offset: number;
}

/** Thrown inside one string's parse; caught by the exported functions, never escapes. */
class TypeTextAbort {
  constructor(readonly error: TlSchemaError) {}
}

/** Parses the type in `node` (a JSON string); a problem is returned as the error, never thrown. */
export function parseTypeText(
  node: JsonString,
  file: string,
  place: TypeTextPlace,
): TypeText | TlSchemaError {
  const parser = new TypeTextParser(node, file);
  try {
    return parser.parse(place);
  } catch (abort) {
    if (!(abort instanceof TypeTextAbort)) throw abort;
    return abort.error;
  }
}

/** Parses `flags.N` (mtcute's `predicate`, written without the `?`). */
export function parseConditionText(node: JsonString, file: string): TlFlagConditionExpr | TlSchemaError {
  const parser = new TypeTextParser(node, file);
  try {
    return parser.parseConditionOnly();
  } catch (abort) {
    if (!(abort instanceof TypeTextAbort)) throw abort;
    return abort.error;
  }
}

class TypeTextParser {
  private readonly tokens: TypeToken[];
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly node: JsonString,
    private readonly file: string,
  ) {
    this.tokens = lex(node.value);
  }

  parse(place: TypeTextPlace): TypeText {
    if (this.peek().kind === 'end')
      this.fail('missing-type', this.peek(), 'expected a type, found an empty string');
    let condition: TlFlagConditionExpr | undefined;
    if (place === 'field' && this.tokens[1]?.kind === '?') {
      condition = this.parseCondition(this.peek());
      this.pos += 2;
    }
    const type = this.parseTerm();
    if (place === 'result') {
      while (this.peek().kind === ' ') {
        this.pos++;
        type.args.push(this.parseTerm());
      }
    }
    const rest = this.peek();
    if (rest.kind === '>') this.fail('unbalanced-angle', rest, '`>` without a matching `<`');
    if (rest.kind !== 'end')
      this.fail('unexpected-token', rest, `expected the end of the type, found ${describe(rest)}`);
    return condition === undefined ? { type } : { condition, type };
  }

  parseConditionOnly(): TlFlagConditionExpr {
    const token = this.peek();
    const condition = this.parseCondition(token);
    if (token.kind !== 'word' || this.tokens[1].kind !== 'end')
      this.fail('invalid-condition', token, `\`${this.node.value}\` is not a flag condition \`flags.N\``);
    return condition;
  }

  /** `flags.N` before `?`: the same checks as the TL parser's. */
  private parseCondition(token: TypeToken): TlFlagConditionExpr {
    const dot = token.text.lastIndexOf('.');
    const bitText = token.text.slice(dot + 1);
    if (token.kind !== 'word' || dot <= 0 || !decimalDigits.test(bitText))
      this.fail('invalid-condition', token, `\`${token.text}\` is not a flag condition \`flags.N\``);
    const bit = Number(bitText);
    if (bit > 31) {
      throw new TypeTextAbort(
        new TlSchemaError(
          'flag-bit-range',
          this.at(token.offset + dot + 1),
          `flag bit ${bitText} is outside 0..31`,
          token.text,
        ),
      );
    }
    return { flagsField: token.text.slice(0, dot), bit, position: this.at(token.offset) };
  }

  private parseTerm(): TlTypeExpr {
    const start = this.peek();
    const bare = start.kind === '%';
    const bang = start.kind === '!';
    if (bare || bang) this.pos++;
    const token = this.peek();
    const position = this.at(start.offset);
    if (token.kind === '#') {
      if (bare || bang) this.fail('unexpected-token', token, `\`${start.text}\` cannot apply to \`#\``);
      this.pos++;
      return { name: '#', bare, bang, args: [], position };
    }
    if (token.kind !== 'word') {
      const kind =
        token.kind === '>' ? 'unbalanced-angle' : token.kind === 'end' ? 'missing-type' : 'unexpected-token';
      this.fail(kind, token, `expected a type, found ${describe(token)}`);
    }
    if (!typeName.test(token.text))
      this.fail('unexpected-token', token, `\`${token.text}\` is not a type name`);
    this.pos++;
    const args: TlTypeExpr[] = [];
    const open = this.peek();
    if (open.kind === '<') {
      this.depth++;
      if (this.depth > MAX_NESTING)
        this.fail(
          'nesting-too-deep',
          open,
          `\`<\` opens level ${this.depth} of nesting; a type may nest \`<>\` ${MAX_NESTING} levels deep`,
        );
      this.pos++;
      args.push(this.parseTerm());
      if (this.peek().kind !== '>') this.fail('unbalanced-angle', open, '`<` is not closed by `>`');
      this.pos++;
      this.depth--;
    }
    return { name: token.text, bare, bang, args, position };
  }

  private peek(): TypeToken {
    return this.tokens[this.pos];
  }

  /** Inside the string when it has no escapes (offsets then map to columns); else at its start. */
  private at(offset: number): SourcePosition {
    const position = nodePosition(this.node, this.file);
    if (this.node.plain) position.column += 1 + offset;
    return position;
  }

  private fail(kind: TlSchemaErrorKind, token: TypeToken, detail: string): never {
    throw new TypeTextAbort(new TlSchemaError(kind, this.at(token.offset), detail, token.text));
  }
}

function lex(text: string): TypeToken[] {
  const tokens: TypeToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/[A-Za-z0-9_.]/.test(c)) {
      const word = /^[A-Za-z0-9_.]+/.exec(text.slice(i))![0];
      tokens.push({ kind: 'word', text: word, offset: i });
      i += word.length;
      continue;
    }
    const kind = '<>%!#? '.includes(c) ? (c as TypeToken['kind']) : 'other';
    const width = kind === 'other' ? String.fromCodePoint(text.codePointAt(i) ?? 0).length : 1;
    tokens.push({ kind, text: text.slice(i, i + width), offset: i });
    i += width;
  }
  tokens.push({ kind: 'end', text: '', offset: text.length });
  return tokens;
}

function describe(token: TypeToken): string {
  if (token.kind === 'end') return 'the end of the type';
  if (token.kind === ' ') return 'a space';
  return `\`${token.text}\``;
}
