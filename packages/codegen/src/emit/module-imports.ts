// The imports of each generated file, derived from its text: every identifier the text uses that
// another file (or the runtime package) exports gets exactly one import, and nothing unused is
// imported, so the output compiles under `noUnusedLocals` and `verbatimModuleSyntax`. Emitters write
// cross-file references under one schema-wide identifier (`messages$StartBot`, `read$InputUser`,
// `Api`) and register it here once.

import { posix } from 'node:path';
import type { ts as TypeScript } from 'ts-morph';
import type { ImportExtension } from './generate-options.ts';
import { tsMorph } from './ts-morph.ts';

/** Where an identifier used by generated text comes from. */
export interface ImportedSymbol {
  /** A generated module path without extension (`api/messages`), or a package specifier. */
  from: string;
  /** True when `from` is a package (`@tlforge/runtime`), not a generated file. */
  fromPackage: boolean;
  /** The exported name; `*` imports the module namespace. */
  name: string;
  typeOnly: boolean;
}

export class ImportTable {
  private readonly symbols = new Map<string, ImportedSymbol>();

  /** Registers `local`, the identifier generated text writes for `symbol`. */
  add(local: string, symbol: ImportedSymbol): void {
    if (this.symbols.has(local)) throw new Error(`import table: ${local} registered twice`);
    this.symbols.set(local, symbol);
  }

  get(local: string): ImportedSymbol | undefined {
    return this.symbols.get(local);
  }

  /** Every registration in order, as plain data (a worker thread is sent them). */
  entries(): Array<[string, ImportedSymbol]> {
    return [...this.symbols];
  }

  static fromEntries(entries: Iterable<readonly [string, ImportedSymbol]>): ImportTable {
    const table = new ImportTable();
    for (const [local, symbol] of entries) table.add(local, symbol);
    return table;
  }
}

/**
 * The import statements of the generated module `modulePath` whose body is `body`. `extension` is the
 * ending of relative specifiers.
 */
export function importStatements(
  modulePath: string,
  body: string,
  table: ImportTable,
  extension: ImportExtension,
): string[] {
  const byModule = new Map<string, { fromPackage: boolean; values: string[]; types: string[] }>();
  const namespaces: string[] = [];
  // Thousands of names come from a few modules: each relative path is worked out once.
  const relative = new Map<string, string>();
  for (const local of [...freeIdentifiers(body)].sort()) {
    const symbol = table.get(local);
    if (symbol === undefined) continue;
    // A file never imports its own exports, except as a namespace: `api` names its own types `Api.X`.
    if (!symbol.fromPackage && symbol.from === modulePath && symbol.name !== '*') continue;
    let specifier = symbol.fromPackage ? symbol.from : relative.get(symbol.from);
    if (specifier === undefined) {
      specifier = relativeSpecifier(modulePath, symbol.from, extension);
      relative.set(symbol.from, specifier);
    }
    if (symbol.name === '*') {
      namespaces.push(`import ${symbol.typeOnly ? 'type ' : ''}* as ${local} from '${specifier}';`);
      continue;
    }
    let entry = byModule.get(specifier);
    if (entry === undefined) {
      entry = { fromPackage: symbol.fromPackage, values: [], types: [] };
      byModule.set(specifier, entry);
    }
    const binding = symbol.name === local ? local : `${symbol.name} as ${local}`;
    (symbol.typeOnly ? entry.types : entry.values).push(binding);
  }
  const statements: string[] = [];
  // Packages first, then generated files by path: a stable order, whatever order the text used them in.
  const specifiers = [...byModule.keys()].sort((a, b) => {
    const pa = byModule.get(a)!.fromPackage;
    const pb = byModule.get(b)!.fromPackage;
    return pa === pb ? (a < b ? -1 : a > b ? 1 : 0) : pa ? -1 : 1;
  });
  for (const specifier of specifiers) {
    const { values, types } = byModule.get(specifier)!;
    if (types.length > 0) statements.push(importStatement('import type', types, specifier));
    if (values.length > 0) statements.push(importStatement('import', values, specifier));
  }
  return [...namespaces, ...statements];
}

/** One import; a long list of bindings gets a line each, as a formatter would print it. */
function importStatement(keyword: string, bindings: readonly string[], specifier: string): string {
  const oneLine = `${keyword} { ${bindings.join(', ')} } from '${specifier}';`;
  if (oneLine.length <= 110) return oneLine;
  return `${keyword} {\n${bindings.map((b) => `  ${b},\n`).join('')}} from '${specifier}';`;
}

/** `./codecs.js` from `api`, `../codecs.js` from `api/messages`. */
export function relativeSpecifier(fromModule: string, toModule: string, extension: ImportExtension): string {
  // Relative to the file `toModule.ext`, not to a folder `toModule` (the module `api` sits beside the
  // folder `api/` of its namespaces).
  let path = posix.relative(posix.dirname(fromModule), `${toModule}.ext`).slice(0, -'.ext'.length);
  if (!path.startsWith('.')) path = `./${path}`;
  return extension === 'none' ? path : `${path}.${extension}`;
}

/**
 * Identifiers `text` refers to: every identifier token except property names (after `.`), the keys
 * of object types and literals (`{ bot: …; randomId?: … }`) and declared class members. Comments and
 * strings are skipped as TypeScript's scanner skips them, so a JSDoc that mentions a helper's name
 * imports nothing.
 */
export function freeIdentifiers(text: string): Set<string> {
  return asciiFreeIdentifiers(text) ?? scannedFreeIdentifiers(text);
}

/**
 * `ts.SyntaxKind`, read once, when the first text is scanned (it is a getter of the TypeScript
 * namespace, too slow to call per token).
 */
let K!: typeof TypeScript.SyntaxKind;

function loadSyntaxKinds(): void {
  K ??= tsMorph().ts.SyntaxKind;
}

/** `freeIdentifiers` read with TypeScript's scanner: any text. */
export function scannedFreeIdentifiers(text: string): Set<string> {
  loadSyntaxKinds();
  const { ts } = tsMorph();
  return identifiersOf(ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text));
}

/**
 * `freeIdentifiers` read with `AsciiScanner`: undefined for text outside what it reads. On a layer it
 * takes 2.5 times fewer instructions than TypeScript's scanner, which was a fifth of `tlforge generate`.
 * A test holds it to the sets `scannedFreeIdentifiers` finds.
 */
export function asciiFreeIdentifiers(text: string): Set<string> | undefined {
  loadSyntaxKinds();
  try {
    return identifiersOf(new AsciiScanner(text));
  } catch (failure) {
    if (failure !== outsideAscii) throw failure;
    return undefined;
  }
}

/** What `identifiersOf` takes of a scanner: TypeScript's, or `AsciiScanner`. */
interface TokenScanner {
  scan(): number;
  reScanTemplateToken(isTaggedTemplate: boolean): number;
  getTokenValue(): string;
}

function identifiersOf(scanner: TokenScanner): Set<string> {
  const found = new Set<string>();
  // Brace depths at which a template literal's `${` substitution is open.
  const templates: number[] = [];
  let braces = 0;
  let previous: number = K.Unknown;
  let pending: string | undefined;
  let pendingAfter: number = K.Unknown;
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if (kind === K.CloseBraceToken && templates.at(-1) === braces) {
      kind = scanner.reScanTemplateToken(false);
      if (kind === K.TemplateTail) templates.pop();
    } else if (kind === K.OpenBraceToken) {
      braces++;
    } else if (kind === K.CloseBraceToken) {
      braces--;
    } else if (kind === K.TemplateHead) {
      templates.push(braces);
    }
    if (pending !== undefined) {
      // A class member (`declare writeBare: number;`) is a key too: a field may share a helper's name.
      const isKey =
        (kind === K.ColonToken || kind === K.QuestionToken) &&
        (pendingAfter === K.OpenBraceToken ||
          pendingAfter === K.SemicolonToken ||
          pendingAfter === K.CommaToken ||
          pendingAfter === K.DeclareKeyword ||
          pendingAfter === K.ReadonlyKeyword);
      if (!isKey) found.add(pending);
      pending = undefined;
    }
    if (kind === K.Identifier && previous !== K.DotToken && previous !== K.QuestionDotToken) {
      pending = scanner.getTokenValue();
      pendingAfter = previous;
    }
    previous = kind;
  }
  if (pending !== undefined) found.add(pending);
  return found;
}

/** Thrown by `AsciiScanner` at text it leaves to TypeScript's scanner. */
const outsideAscii = new Error('outside the text AsciiScanner reads');

/**
 * TypeScript's scanner, for the tokens `identifiersOf` tells apart, over the text the emitter writes:
 * code in ASCII (comments, strings and templates may hold any text), plain number literals, no
 * escapes outside strings. At anything else (a non-ASCII or escaped identifier, `#`, a numeric
 * separator, a merge-conflict marker) it throws `outsideAscii`. Punctuation `identifiersOf` does not
 * compare is one `Unknown` token per character: `=>`, `===` or `&&` change nothing there.
 */
class AsciiScanner implements TokenScanner {
  private pos = 0;
  private tokenStart = 0;
  private value = '';

  constructor(private readonly text: string) {}

  getTokenValue(): string {
    return this.value;
  }

  reScanTemplateToken(_isTaggedTemplate: boolean): number {
    // From the `}` that closes the substitution.
    this.pos = this.tokenStart + 1;
    return this.template(false);
  }

  scan(): number {
    const { text } = this;
    const end = text.length;
    let pos = this.pos;
    for (;;) {
      let ch = text.charCodeAt(pos);
      // Whitespace (a sixth of generated text, most of it indentation) in one loop.
      while (ch === 0x20 || ch === 0x0a || ch === 0x09 || ch === 0x0d || ch === 0x0b || ch === 0x0c)
        ch = text.charCodeAt(++pos);
      this.tokenStart = pos;
      if (pos >= end) {
        this.pos = pos;
        return K.EndOfFileToken;
      }
      if (isIdentifierStart(ch)) return this.identifier(pos);
      if (isDigit(ch)) return this.number(pos);
      if (ch === 0x2f /* / */) {
        const next = text.charCodeAt(pos + 1);
        if (next === 0x2f) {
          pos = lineEnd(text, pos + 2);
          continue;
        }
        if (next === 0x2a /* * */) {
          const close = text.indexOf('*/', pos + 2);
          pos = close < 0 ? end : close + 2;
          continue;
        }
      }
      if (ch > 0x7f || ch === 0x5c /* \ */ || ch === 0x23 /* # */) throw outsideAscii;
      this.pos = pos + 1;
      switch (ch) {
        case 0x22 /* " */:
        case 0x27 /* ' */:
          this.string(ch);
          return K.StringLiteral;
        case 0x60 /* ` */:
          return this.template(true);
        case 0x2e /* . */:
          if (isDigit(text.charCodeAt(pos + 1))) return this.number(pos);
          if (text.charCodeAt(pos + 1) === 0x2e && text.charCodeAt(pos + 2) === 0x2e) {
            this.pos = pos + 3;
            return K.DotDotDotToken;
          }
          return K.DotToken;
        case 0x3f /* ? */:
          if (text.charCodeAt(pos + 1) === 0x2e && !isDigit(text.charCodeAt(pos + 2))) {
            this.pos = pos + 2;
            return K.QuestionDotToken;
          }
          if (text.charCodeAt(pos + 1) === 0x3f) {
            this.pos = pos + (text.charCodeAt(pos + 2) === 0x3d /* = */ ? 3 : 2);
            return K.QuestionQuestionToken;
          }
          return K.QuestionToken;
        case 0x7b /* { */:
          return K.OpenBraceToken;
        case 0x7d /* } */:
          return K.CloseBraceToken;
        case 0x3a /* : */:
          return K.ColonToken;
        case 0x3b /* ; */:
          return K.SemicolonToken;
        case 0x2c /* , */:
          return K.CommaToken;
        case 0x3c /* < */:
        case 0x3d /* = */:
        case 0x3e /* > */:
        case 0x7c /* | */:
          // Seven at the start of a line are a merge-conflict marker, which TypeScript skips as trivia.
          if (
            (pos === 0 || isLineBreak(text.charCodeAt(pos - 1))) &&
            text.startsWith(text[pos]!.repeat(7), pos)
          )
            throw outsideAscii;
          return K.Unknown;
        default:
          return K.Unknown;
      }
    }
  }

  private identifier(start: number): number {
    const { text } = this;
    let pos = start + 1;
    while (isIdentifierPart(text.charCodeAt(pos))) pos++;
    this.followedByIdentifierPart(pos);
    this.pos = pos;
    this.value = text.slice(start, pos);
    // Keywords, contextual ones included (`declare`, `type`), are tokens of their own, as TypeScript
    // scans them; every one is 2 to 12 letters from a lowercase one.
    const first = text.charCodeAt(start);
    const length = pos - start;
    if (first < 0x61 || first > 0x7a || length < 2 || length > 12) return K.Identifier;
    keywords ??= keywordKinds();
    return keywords.get(this.value) ?? K.Identifier;
  }

  /** Decimal (`12`, `1.5`, `.5`, `2e-3`, `7n`) or hexadecimal (`0xe6df7378`); anything rarer is TypeScript's. */
  private number(start: number): number {
    const { text } = this;
    let pos = start;
    const digits = () => {
      const from = pos;
      while (isDigit(text.charCodeAt(pos))) pos++;
      return pos - from;
    };
    if (text.charCodeAt(pos) === 0x30 && (text.charCodeAt(pos + 1) | 0x20) === 0x78 /* x */) {
      pos += 2;
      const from = pos;
      while (isHexDigit(text.charCodeAt(pos))) pos++;
      if (pos === from) throw outsideAscii;
      if (text.charCodeAt(pos) === 0x6e /* n */) pos++;
    } else {
      // A leading zero followed by a digit or `_` is a legacy octal or an error: TypeScript's.
      const zero = text.charCodeAt(pos) === 0x30;
      if (digits() > 1 && zero) throw outsideAscii;
      let integer = true;
      if (text.charCodeAt(pos) === 0x2e /* . */) {
        pos++;
        digits();
        integer = false;
      }
      if ((text.charCodeAt(pos) | 0x20) === 0x65 /* e */) {
        pos++;
        if (text.charCodeAt(pos) === 0x2b || text.charCodeAt(pos) === 0x2d) pos++;
        if (digits() === 0) throw outsideAscii;
        integer = false;
      }
      if (integer && text.charCodeAt(pos) === 0x6e /* n */) pos++;
    }
    this.followedByIdentifierPart(pos);
    this.pos = pos;
    return K.NumericLiteral;
  }

  /** An identifier character right after a token continues it or is an error: TypeScript's to read. */
  private followedByIdentifierPart(pos: number): void {
    const ch = this.text.charCodeAt(pos);
    if (isIdentifierPart(ch) || ch > 0x7f || ch === 0x5c) throw outsideAscii;
  }

  /** The rest of a string literal from after its quote: to the closing quote, or unterminated at a line break or the end. */
  private string(quote: number): void {
    const { text } = this;
    let pos = this.pos;
    while (pos < text.length) {
      const ch = text.charCodeAt(pos);
      if (ch === quote) {
        pos++;
        break;
      }
      if (ch === 0x0a || ch === 0x0d) break;
      // An escape; `\` and a line break (CR LF as one) continue the string on the next line.
      if (ch === 0x5c) pos += text.charCodeAt(pos + 1) === 0x0d && text.charCodeAt(pos + 2) === 0x0a ? 3 : 2;
      else pos++;
    }
    this.pos = Math.min(pos, text.length);
  }

  /** The rest of a template from after its `` ` `` or `}`: up to the closing `` ` ``, or to a `${`. */
  private template(startedWithBacktick: boolean): number {
    const { text } = this;
    let pos = this.pos;
    let kind: number = startedWithBacktick ? K.NoSubstitutionTemplateLiteral : K.TemplateTail;
    while (pos < text.length) {
      const ch = text.charCodeAt(pos);
      if (ch === 0x60) {
        pos++;
        break;
      }
      if (ch === 0x24 /* $ */ && text.charCodeAt(pos + 1) === 0x7b) {
        pos += 2;
        kind = startedWithBacktick ? K.TemplateHead : K.TemplateMiddle;
        break;
      }
      pos += ch === 0x5c ? 2 : 1;
    }
    this.pos = Math.min(pos, text.length);
    return kind;
  }
}

let keywords: ReadonlyMap<string, number> | undefined;

/** Every keyword TypeScript's scanner knows, by its text. */
function keywordKinds(): Map<string, number> {
  const kinds = new Map<string, number>();
  const { ts } = tsMorph();
  for (let kind: number = K.FirstKeyword; kind <= K.LastKeyword; kind++) {
    const text = ts.tokenToString(kind);
    if (text !== undefined) kinds.set(text, kind);
  }
  return kinds;
}

function isDigit(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

function isHexDigit(ch: number): boolean {
  return isDigit(ch) || ((ch | 0x20) >= 0x61 && (ch | 0x20) <= 0x66);
}

function isIdentifierStart(ch: number): boolean {
  return ((ch | 0x20) >= 0x61 && (ch | 0x20) <= 0x7a) || ch === 0x24 || ch === 0x5f;
}

function isIdentifierPart(ch: number): boolean {
  return isIdentifierStart(ch) || isDigit(ch);
}

function isLineBreak(ch: number): boolean {
  return ch === 0x0a || ch === 0x0d || ch === 0x2028 || ch === 0x2029;
}

/** Where a `//` comment ends: at its line break (left for the next token), or at the end. */
function lineEnd(text: string, from: number): number {
  for (let pos = from; pos < text.length; pos++) if (isLineBreak(text.charCodeAt(pos))) return pos;
  return text.length;
}
