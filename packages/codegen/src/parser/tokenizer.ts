// Splits TL text into tokens by walking char codes once. It also picks up the two comments
// with a meaning, `// LAYER N` and the `// tlforge: clash-namespace NAME` pragma, and reports
// unterminated block comments.

import type { SourcePosition } from '../model/schema-model.ts';
import { TlSchemaError } from './schema-error.ts';
import type { Token, TokenKind } from './token.ts';

export interface TokenizedText {
  /** The tokens, always ending with one `eof` token. */
  tokens: Token[];
  layer?: number;
  layerPosition?: SourcePosition;
  /** From `// tlforge: clash-namespace NAME`. */
  clashNamespace?: string;
  diagnostics: TlSchemaError[];
}

const LF = 10;
const CR = 13;
const SLASH = 47;
const STAR = 42;
const DASH = 45;

const punctuation: ReadonlyMap<number, TokenKind> = new Map<number, TokenKind>([
  [35, '#'],
  [58, ':'],
  [63, '?'],
  [61, '='],
  [59, ';'],
  [60, '<'],
  [62, '>'],
  [123, '{'],
  [125, '}'],
  [40, '('],
  [41, ')'],
  [91, '['],
  [93, ']'],
  [33, '!'],
  [37, '%'],
  [42, '*'],
]);

/** Letters, digits, `_` and `.` (namespaces, `flags.3`) make up words. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === LF || c === CR || c === 11 || c === 12;
}

const layerComment = /^\/\/\s*LAYER\s+(\d+)\s*$/;
const clashNamespaceComment = /^\/\/\s*tlforge:\s*clash-namespace\s+([a-z][A-Za-z0-9_]*)\s*$/;

export function tokenize(text: string, file: string): TokenizedText {
  const tokens: Token[] = [];
  const diagnostics: TlSchemaError[] = [];
  let layer: number | undefined;
  let layerPosition: SourcePosition | undefined;
  let clashNamespace: string | undefined;
  let line = 1;
  let spaced = true;
  // A UTF-8 byte order mark is not part of the text; columns count from after it.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineStart = i;
  const n = text.length;

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      i++;
      line++;
      lineStart = i;
      spaced = true;
      continue;
    }
    if (isSpace(c)) {
      i++;
      spaced = true;
      continue;
    }
    const column = i - lineStart + 1;
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      let end = i + 2;
      while (end < n && text.charCodeAt(end) !== LF) end++;
      const comment = text.slice(i, text.charCodeAt(end - 1) === CR ? end - 1 : end);
      const match = layerComment.exec(comment);
      if (match) {
        layer = Number(match[1]);
        layerPosition = { file, line, column };
      }
      const pragma = clashNamespaceComment.exec(comment);
      if (pragma) clashNamespace = pragma[1];
      i = end;
      spaced = true;
      continue;
    }
    if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const startLine = line;
      let end = i + 2;
      while (end < n && !(text.charCodeAt(end) === STAR && text.charCodeAt(end + 1) === SLASH)) {
        if (text.charCodeAt(end) === LF) {
          line++;
          lineStart = end + 1;
        }
        end++;
      }
      if (end >= n) {
        diagnostics.push(
          new TlSchemaError(
            'unterminated-comment',
            { file, line: startLine, column },
            'the block comment is never closed with `*/`',
            '/*',
          ),
        );
        i = n;
      } else {
        i = end + 2;
      }
      spaced = true;
      continue;
    }
    if (c === DASH && text.charCodeAt(i + 1) === DASH && text.charCodeAt(i + 2) === DASH) {
      // `---functions---`: three dashes, a word, three dashes.
      let end = i + 3;
      while (end < n && isWordChar(text.charCodeAt(end))) end++;
      while (end < n && text.charCodeAt(end) === DASH) end++;
      tokens.push({ kind: 'section', text: text.slice(i, end), start: i, line, column, spaced });
      i = end;
      spaced = false;
      continue;
    }
    if (isWordChar(c)) {
      let end = i + 1;
      while (end < n && isWordChar(text.charCodeAt(end))) end++;
      tokens.push({ kind: 'word', text: text.slice(i, end), start: i, line, column, spaced });
      i = end;
      spaced = false;
      continue;
    }
    const kind = punctuation.get(c) ?? 'unknown';
    // A lone surrogate pair half would split an emoji in an excerpt; keep the whole code point.
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    tokens.push({ kind, text: text.slice(i, i + width), start: i, line, column, spaced });
    i += width;
    spaced = false;
  }
  tokens.push({ kind: 'eof', text: '', start: n, line, column: n - lineStart + 1, spaced: true });
  return { tokens, layer, layerPosition, clashNamespace, diagnostics };
}
