// The one error type of the schema stages (tokenizer, parser, resolver, and the emitter's checks of
// names). Problems are collected as values rather than thrown, so a single run reports every bad
// declaration; callers decide what to do with them (the CLI prints them, generation refuses to run
// while any has severity 'error').

import { TlError } from '@tlforge/runtime';
import type { SourcePosition } from '../model/schema-model.ts';
import { formatPosition } from './format-position.ts';

export type TlSchemaErrorKind =
  | 'unexpected-token'
  | 'unterminated-comment'
  | 'unknown-section'
  | 'invalid-name'
  | 'missing-equals'
  | 'missing-semicolon'
  | 'missing-type'
  | 'invalid-id'
  | 'id-too-long'
  | 'invalid-condition'
  | 'flag-bit-range'
  | 'unbalanced-angle'
  | 'unbalanced-bracket'
  | 'unknown-flags-field'
  | 'conditional-flags-field'
  | 'misplaced-nat'
  | 'duplicate-field'
  | 'undefined-type'
  | 'invalid-result-type'
  | 'type-arity'
  | 'duplicate-name'
  | 'duplicate-id'
  | 'conflicting-definition'
  | 'bare-multi-constructor'
  | 'undeclared-type-var'
  | 'invalid-type-param'
  | 'unsupported-builtin'
  | 'builtin-id-mismatch'
  | 'id-mismatch'
  | 'true-outside-flags'
  | 'layer-mismatch'
  | 'empty-schema'
  | 'nesting-too-deep'
  // A JSON schema (parser/parse-json-schema.ts): text that is not JSON, a value of the wrong shape, a
  // key neither JSON form defines (a warning: it is ignored), mtcute's type modifiers.
  | 'json-syntax'
  | 'json-shape'
  | 'unknown-json-key'
  | 'unknown-type-modifier'
  | 'invalid-type-modifier'
  /** A declaration of another's leading fields with the same id (TDLib's `invokeWith…Prefix`). */
  | 'prefix-declaration'
  /** A function returns a type that no constructor builds (`http_wait … = HttpWait`). */
  | 'no-constructors'
  /** A builtin type declared with an id (tdesktop's `bytes#e937bb82 = Bytes;`): the id is ignored. */
  | 'builtin-with-id'
  // Found by the emitter's checks (emit/emit-diagnostics.ts), reported by `check` with the rest.
  | 'name-clash'
  | 'unsupported-definition';

export type TlSchemaSeverity = 'error' | 'warning';

export class TlSchemaError extends TlError {
  declare readonly kind: TlSchemaErrorKind;
  readonly severity: TlSchemaSeverity;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** In a JSON schema: the JSON path of the offending value, which the message shows for line:col. */
  readonly path: string | undefined;
  /** The offending text: a token, or the whole declaration when the problem is the declaration. */
  readonly excerpt: string;
  /** The message without the `file:line:col: kind:` (`file:$.path: kind:`) prefix. */
  readonly detail: string;

  constructor(
    kind: TlSchemaErrorKind,
    position: SourcePosition,
    detail: string,
    excerpt: string,
    severity: TlSchemaSeverity = 'error',
  ) {
    super(kind, `${formatPosition(position)}: ${kind}: ${detail}`);
    this.severity = severity;
    this.file = position.file;
    this.line = position.line;
    this.column = position.column;
    this.path = position.path;
    this.excerpt = excerpt;
    this.detail = detail;
  }
}
