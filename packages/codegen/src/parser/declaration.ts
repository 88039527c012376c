// The parser's output: declarations as written, with positions, before any name is resolved.
// The resolver (codegen/model) turns these into the `TlSchemaModel`.

import type { SourcePosition } from '../model/schema-model.ts';
import type { TlSchemaError } from './schema-error.ts';

/**
 * A type as written: `int`, `%Message`, `!X`, `Vector<User>`, `Vector User` (a result type),
 * `(Vector int)` (parentheses only group), `#`. Type arguments, in angle brackets or by
 * juxtaposition, are in `args`.
 */
export interface TlTypeExpr {
  name: string;
  /** Written with `%`. */
  bare: boolean;
  /** Written with `!`. */
  bang: boolean;
  args: TlTypeExpr[];
  position: SourcePosition;
}

export interface TlFlagConditionExpr {
  flagsField: string;
  bit: number;
  /** Where `flags.N?` starts. */
  position: SourcePosition;
}

/** `{X:Type}` */
export interface TlTypeParamArgument {
  kind: 'typeParam';
  name: string;
  type: TlTypeExpr;
  position: SourcePosition;
}

/**
 * `name:Type` or `name:flags.N?Type`. The official docs' example also has anonymous arguments
 * (`getUser#b0f732d5 int = User;`): those have `anonymous: true` and the generated name
 * `arg<index>`, where the index is the argument's position among all arguments of the declaration.
 */
export interface TlFieldArgument {
  kind: 'field';
  name: string;
  anonymous: boolean;
  condition?: TlFlagConditionExpr;
  type: TlTypeExpr;
  position: SourcePosition;
}

/** `[ t ]` or `4*[ int ]`: only the builtin `vector`, `int128` and `int256` use it. */
export interface TlRepetitionArgument {
  kind: 'repetition';
  /** `4` in `4*[ int ]`; absent when the count is the preceding `#` argument. */
  multiplier?: number;
  args: TlArgument[];
  position: SourcePosition;
}

export type TlArgument = TlTypeParamArgument | TlFieldArgument | TlRepetitionArgument;

export interface TlDeclaration {
  /** From the section it stands in: `---types---` (the default) or `---functions---`. */
  kind: 'constructor' | 'function';
  /** Full name as written (`messages.startBot`). */
  name: string;
  /** The `#id`, when written. */
  id?: number;
  args: TlArgument[];
  /** The builtin form `int ? = Int;`: the arguments are the single `?`. */
  primitive: boolean;
  result: TlTypeExpr;
  position: SourcePosition;
  /** The declaration as written without comments, whitespace collapsed to single spaces, no `;`. */
  source: string;
}

export interface ParsedSchema {
  file: string;
  /** From a `// LAYER N` comment. */
  layer?: number;
  layerPosition?: SourcePosition;
  /**
   * From the pragma `// tlforge: clash-namespace NAME`: this file's definitions whose names clash
   * with a different definition in another file (and the types they build) move into namespace
   * NAME instead of conflicting. MTProto's service `message` needs it next to the API's `message`.
   */
  clashNamespace?: string;
  declarations: TlDeclaration[];
  diagnostics: TlSchemaError[];
}
