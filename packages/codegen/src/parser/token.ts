// Tokens of TL text. Whitespace and comments are not tokens; `spaced` records that some stood
// before the token, which is all the parser needs to rebuild a declaration's collapsed source and
// to tell `name#id` (adjacent) from an anonymous `#` argument.

export type TokenKind =
  | 'word' // identifiers, namespaced names, hex ids, numbers, `flags.3`
  | 'section' // `---functions---`, `---types---`
  | '#'
  | ':'
  | '?'
  | '='
  | ';'
  | '<'
  | '>'
  | '{'
  | '}'
  | '('
  | ')'
  | '['
  | ']'
  | '!'
  | '%'
  | '*'
  | 'unknown' // any other character: always an error where it appears
  | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offset of the first character in the file text. */
  start: number;
  line: number; // 1-based
  column: number; // 1-based
  /** Whitespace or a comment separates this token from the previous one (or it starts the file). */
  spaced: boolean;
}
