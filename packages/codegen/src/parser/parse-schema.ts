// Recursive-descent parser from tokens to `TlDeclaration`s. A bad declaration is reported and
// skipped up to its `;` (or the next section marker), so one run lists every problem in a file.

import type { SourcePosition } from '../model/schema-model.ts';
import type {
  ParsedSchema,
  TlArgument,
  TlDeclaration,
  TlFieldArgument,
  TlFlagConditionExpr,
  TlRepetitionArgument,
  TlTypeExpr,
} from './declaration.ts';
import { TlSchemaError, type TlSchemaErrorKind } from './schema-error.ts';
import type { Token } from './token.ts';
import { tokenize } from './tokenizer.ts';

/** Thrown inside one declaration to abandon it; caught by the declaration loop, never escapes. */
class DeclarationAbort {
  constructor(readonly error: TlSchemaError) {}
}

/**
 * How deep `<…>`, `(…)` and `[…]` may nest inside one declaration. Real schemas nest three levels at
 * most (`Vector<Vector<int>>` is two); the limit keeps every recursive walk of a type, here and in the
 * resolver and the emitter, far from the call stack's end, and the generated code small.
 */
export const MAX_NESTING = 32;

const declarationName = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const fieldName = /^[A-Za-z_][A-Za-z0-9_]*$/;
const hexDigits = /^[0-9a-fA-F]+$/;
const decimalDigits = /^[0-9]+$/;

/**
 * Parses one file's text into declarations with source positions; `file` names it in positions
 * and diagnostics. Never throws on bad input: each bad declaration becomes a `TlSchemaError` in
 * `diagnostics` and the rest of the file still parses.
 */
export function parseSchema(text: string, file: string): ParsedSchema {
  const tokenized = tokenize(text, file);
  const parser = new SchemaParser(tokenized.tokens, file);
  const declarations = parser.parseDeclarations();
  return {
    file,
    layer: tokenized.layer,
    layerPosition: tokenized.layerPosition,
    clashNamespace: tokenized.clashNamespace,
    declarations,
    diagnostics: [...tokenized.diagnostics, ...parser.diagnostics],
  };
}

class SchemaParser {
  readonly diagnostics: TlSchemaError[] = [];
  private pos = 0;
  private section: TlDeclaration['kind'] = 'constructor';
  /** Brackets open around the current position: checked against MAX_NESTING before recursing. */
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly file: string,
  ) {}

  parseDeclarations(): TlDeclaration[] {
    const declarations: TlDeclaration[] = [];
    for (;;) {
      const token = this.tokens[this.pos];
      if (token.kind === 'eof') return declarations;
      if (token.kind === 'section') {
        this.switchSection(token);
        this.pos++;
        continue;
      }
      if (token.kind === ';') {
        // An empty declaration (`;;`) says nothing; TL tools accept it.
        this.pos++;
        continue;
      }
      try {
        this.depth = 0;
        declarations.push(this.parseDeclaration());
      } catch (abort) {
        if (!(abort instanceof DeclarationAbort)) throw abort;
        this.diagnostics.push(abort.error);
        this.skipDeclaration();
      }
    }
  }

  private switchSection(token: Token): void {
    if (token.text === '---functions---') this.section = 'function';
    else if (token.text === '---types---') this.section = 'constructor';
    else
      this.diagnostics.push(
        this.error(
          'unknown-section',
          token,
          `unknown section marker \`${token.text}\`; expected \`---functions---\` or \`---types---\``,
        ),
      );
  }

  /** Recovery: drop tokens up to and including the next `;`, or up to a section marker. */
  private skipDeclaration(): void {
    for (;;) {
      const token = this.tokens[this.pos];
      if (token.kind === 'eof' || token.kind === 'section') return;
      this.pos++;
      if (token.kind === ';') return;
    }
  }

  private parseDeclaration(): TlDeclaration {
    const startIndex = this.pos;
    const nameToken = this.tokens[this.pos];
    if (nameToken.kind !== 'word') this.fail('unexpected-token', nameToken, 'expected a declaration name');
    if (!declarationName.test(nameToken.text))
      this.fail('invalid-name', nameToken, `\`${nameToken.text}\` is not a valid declaration name`);
    this.pos++;

    const id = this.parseId();
    const args: TlArgument[] = [];
    let primitive = false;
    if (this.peek().kind === '?') {
      primitive = true;
      this.pos++;
    } else {
      while (!isDeclarationBoundary(this.peek().kind)) args.push(this.parseArgument(args.length));
    }

    const equals = this.peek();
    if (equals.kind !== '=') {
      const where = equals.kind === 'eof' ? this.endOfPrevious() : position(equals, this.file);
      throw new DeclarationAbort(
        new TlSchemaError(
          'missing-equals',
          where,
          `expected \`=\` and the result type, found ${describe(equals)}`,
          equals.text,
        ),
      );
    }
    this.pos++;
    const result = this.parseResultType();

    const endIndex = this.pos;
    const end = this.peek();
    if (end.kind === ';') {
      this.pos++;
    } else if (end.kind === 'eof' || end.kind === 'section' || end.line > this.tokens[this.pos - 1].line) {
      // The declaration is complete; what follows starts the next one, so keep it and go on.
      this.diagnostics.push(
        new TlSchemaError(
          'missing-semicolon',
          this.endOfPrevious(),
          `expected \`;\` after the result type, found ${describe(end)}`,
          this.tokens[this.pos - 1].text,
        ),
      );
    } else {
      this.fail('unexpected-token', end, `expected \`;\` after the result type, found ${describe(end)}`);
    }

    return {
      kind: this.section,
      name: nameToken.text,
      id,
      args,
      primitive,
      result,
      position: position(nameToken, this.file),
      source: this.sourceText(startIndex, endIndex),
    };
  }

  /** `#1cb5c415` right after the name; also `name #id` when the digits touch the `#`. */
  private parseId(): number | undefined {
    const hash = this.peek();
    if (hash.kind !== '#') return undefined;
    const digits = this.tokens[this.pos + 1];
    const digitsTouch = digits.kind === 'word' && !digits.spaced;
    if (hash.spaced && !digitsTouch) return undefined; // an anonymous `#` argument
    this.pos++;
    if (!digitsTouch)
      this.fail('invalid-id', hash, `expected hex digits right after \`#\`, found ${describe(digits)}`);
    if (!hexDigits.test(digits.text))
      this.fail('invalid-id', digits, `\`${digits.text}\` is not a hexadecimal constructor id`);
    if (digits.text.length > 8)
      this.fail('id-too-long', digits, `\`${digits.text}\` has ${digits.text.length} hex digits; at most 8`);
    this.pos++;
    return Number.parseInt(digits.text, 16);
  }

  private parseArgument(index: number): TlArgument {
    const token = this.peek();
    switch (token.kind) {
      case '{':
        return this.parseTypeParam();
      case '[':
        return this.parseRepetition(undefined, token);
      case 'word': {
        const next = this.tokens[this.pos + 1];
        if (next.kind === ':') return this.parseNamedField();
        if (next.kind === '*') {
          if (!decimalDigits.test(token.text))
            this.fail(
              'unexpected-token',
              token,
              `a repetition count must be a number, found \`${token.text}\``,
            );
          this.pos += 2;
          const bracket = this.peek();
          if (bracket.kind !== '[') this.fail('unexpected-token', bracket, `expected \`[\` after \`*\``);
          return this.parseRepetition(Number(token.text), token);
        }
        return this.parseAnonymousField(index);
      }
      case '#':
      case '(':
      case '%':
      case '!':
        return this.parseAnonymousField(index);
      case '>':
        return this.fail('unbalanced-angle', token, '`>` without a matching `<`');
      case ')':
      case ']':
      case '}':
        return this.fail('unbalanced-bracket', token, `\`${token.text}\` without a matching opening bracket`);
      default:
        return this.fail('unexpected-token', token, `expected an argument, found ${describe(token)}`);
    }
  }

  private parseTypeParam(): TlArgument {
    const open = this.next();
    const name = this.peek();
    if (name.kind !== 'word' || !fieldName.test(name.text))
      this.fail(
        'unexpected-token',
        name,
        `expected a type parameter name after \`{\`, found ${describe(name)}`,
      );
    this.pos++;
    const colon = this.peek();
    if (colon.kind !== ':') this.fail('unexpected-token', colon, `expected \`:\`, found ${describe(colon)}`);
    this.pos++;
    const type = this.parseTypeTerm();
    const close = this.peek();
    if (close.kind !== '}') this.fail('unbalanced-bracket', open, `\`{\` is not closed by \`}\``);
    this.pos++;
    return { kind: 'typeParam', name: name.text, type, position: position(open, this.file) };
  }

  private parseRepetition(multiplier: number | undefined, start: Token): TlRepetitionArgument {
    const open = this.next();
    this.enter(open);
    const args: TlArgument[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === ']') break;
      if (isDeclarationBoundary(token.kind))
        this.fail('unbalanced-bracket', open, '`[` is not closed by `]`');
      args.push(this.parseArgument(args.length));
    }
    this.pos++;
    this.depth--;
    return { kind: 'repetition', multiplier, args, position: position(start, this.file) };
  }

  private parseNamedField(): TlFieldArgument {
    const name = this.next();
    if (!fieldName.test(name.text))
      this.fail('invalid-name', name, `\`${name.text}\` is not a valid field name`);
    this.pos++; // ':'
    let condition: TlFlagConditionExpr | undefined;
    const maybeCondition = this.peek();
    if (maybeCondition.kind === 'word' && this.tokens[this.pos + 1].kind === '?') {
      condition = this.parseCondition(maybeCondition);
      this.pos += 2;
    }
    const type = this.parseTypeTerm();
    return {
      kind: 'field',
      name: name.text,
      anonymous: false,
      condition,
      type,
      position: position(name, this.file),
    };
  }

  private parseCondition(token: Token): TlFlagConditionExpr {
    const dot = token.text.lastIndexOf('.');
    const bitText = token.text.slice(dot + 1);
    if (dot <= 0 || !decimalDigits.test(bitText))
      this.fail('invalid-condition', token, `\`${token.text}?\` is not a flag condition \`flags.N?\``);
    const bit = Number(bitText);
    if (bit > 31) {
      const where = { file: this.file, line: token.line, column: token.column + dot + 1 };
      throw new DeclarationAbort(
        new TlSchemaError('flag-bit-range', where, `flag bit ${bitText} is outside 0..31`, token.text),
      );
    }
    return { flagsField: token.text.slice(0, dot), bit, position: position(token, this.file) };
  }

  private parseAnonymousField(index: number): TlFieldArgument {
    const start = this.peek();
    const type = this.parseTypeTerm();
    return {
      kind: 'field',
      name: `arg${index}`,
      anonymous: true,
      type,
      position: position(start, this.file),
    };
  }

  /** The result: a term, then juxtaposed arguments on the same line (`Vector User`, `Vector t`). */
  private parseResultType(): TlTypeExpr {
    const head = this.parseTypeTerm();
    for (;;) {
      const token = this.peek();
      const continuesTerm =
        token.kind === 'word' || token.kind === '(' || token.kind === '%' || token.kind === '!';
      if (!continuesTerm || token.line !== this.tokens[this.pos - 1].line) return head;
      head.args.push(this.parseTypeTerm());
    }
  }

  private parseTypeTerm(): TlTypeExpr {
    const start = this.peek();
    let bare = false;
    let bang = false;
    if (start.kind === '%') bare = true;
    else if (start.kind === '!') bang = true;
    if (bare || bang) this.pos++;
    const token = this.peek();
    if ((bare || bang) && token.spaced)
      this.fail('unexpected-token', token, `\`${start.text}\` must be followed directly by a type name`);
    const where = position(start, this.file);
    switch (token.kind) {
      case '#':
        if (bare || bang) this.fail('unexpected-token', token, `\`${start.text}\` cannot apply to \`#\``);
        this.pos++;
        return { name: '#', bare, bang, args: [], position: where };
      case '(': {
        this.enter(token);
        this.pos++;
        const inner = this.parseTypeTerm();
        while (this.peek().kind !== ')') {
          if (isDeclarationBoundary(this.peek().kind))
            this.fail('unbalanced-bracket', token, '`(` is not closed by `)`');
          inner.args.push(this.parseTypeTerm());
        }
        this.pos++;
        this.depth--;
        return { ...inner, bare: bare || inner.bare, bang: bang || inner.bang, position: where };
      }
      case 'word': {
        if (!declarationName.test(token.text))
          this.fail('unexpected-token', token, `\`${token.text}\` is not a type name`);
        this.pos++;
        const args: TlTypeExpr[] = [];
        const open = this.peek();
        if (open.kind === '<') {
          this.enter(open);
          this.pos++;
          args.push(this.parseTypeTerm());
          if (this.peek().kind !== '>') this.fail('unbalanced-angle', open, '`<` is not closed by `>`');
          this.pos++;
          this.depth--;
        }
        return { name: token.text, bare, bang, args, position: where };
      }
      default:
        if (isDeclarationBoundary(token.kind))
          return this.fail('missing-type', token, `expected a type, found ${describe(token)}`);
        return this.fail('unexpected-token', token, `expected a type, found ${describe(token)}`);
    }
  }

  /**
   * One bracket deeper; past MAX_NESTING the declaration is abandoned at `open`, before the recursion
   * that `Vector<` written 100,000 times would otherwise take to the end of the call stack.
   */
  private enter(open: Token): void {
    this.depth++;
    if (this.depth > MAX_NESTING) {
      this.fail(
        'nesting-too-deep',
        open,
        `\`${open.text}\` opens level ${this.depth} of nesting; a declaration may nest \`<>\`, \`()\` and \`[]\` ${MAX_NESTING} levels deep`,
      );
    }
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  /** Just after the last consumed token: where a missing `;` or `=` belongs at the end of a file. */
  private endOfPrevious(): SourcePosition {
    const last = this.tokens[Math.max(this.pos - 1, 0)];
    return { file: this.file, line: last.line, column: last.column + last.text.length };
  }

  private sourceText(startIndex: number, endIndex: number): string {
    let text = this.tokens[startIndex].text;
    for (let i = startIndex + 1; i < endIndex; i++) {
      const token = this.tokens[i];
      text += token.spaced ? ` ${token.text}` : token.text;
    }
    return text;
  }

  private error(kind: TlSchemaErrorKind, token: Token, detail: string): TlSchemaError {
    const where = token.kind === 'eof' ? this.endOfPrevious() : position(token, this.file);
    return new TlSchemaError(kind, where, detail, token.text);
  }

  private fail(kind: TlSchemaErrorKind, token: Token, detail: string): never {
    throw new DeclarationAbort(this.error(kind, token, detail));
  }
}

function isDeclarationBoundary(kind: Token['kind']): boolean {
  return kind === '=' || kind === ';' || kind === 'eof' || kind === 'section';
}

function position(token: Token, file: string): SourcePosition {
  return { file, line: token.line, column: token.column };
}

function describe(token: Token): string {
  if (token.kind === 'eof') return 'the end of the file';
  if (token.kind === 'section') return `the section marker \`${token.text}\``;
  return `\`${token.text}\``;
}
