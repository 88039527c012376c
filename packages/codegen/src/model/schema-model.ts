// The resolved schema: what the emitter consumes. Built by `resolveSchema` from parsed
// declarations; every name is resolved, every id verified, every flag bit grouped.
// The emitter never looks at TL text again: everything it needs is here.

export interface SourcePosition {
  file: string;
  line: number; // 1-based
  column: number; // 1-based
  /**
   * In a JSON schema: where the value stands, as a JSON path (`$.constructors[12].params[3].type`).
   * Messages print it instead of line:col (a published JSON schema is one line); `line` and
   * `column` still point at the value in the text.
   */
  path?: string;
}

/** How a value of a field (or a vector element, or a function result) is laid out on the wire. */
export type TlTypeRef =
  | { kind: 'int' } // 4 bytes signed
  | { kind: 'long' } // 8 bytes signed
  | { kind: 'double' }
  | { kind: 'int128' } // 16 raw bytes
  | { kind: 'int256' } // 32 raw bytes
  | { kind: 'string' } // UTF-8 text
  | { kind: 'bytes' }
  | { kind: 'Bool' } // boxed boolTrue/boolFalse
  | { kind: 'true' } // zero bytes; only as flags.N?true
  | { kind: 'flags' } // `#`: an unsigned 32-bit word computed from the conditional fields
  | { kind: 'vector'; boxed: boolean; element: TlTypeRef } // Vector<T> (id + count) or vector<T> (count)
  | { kind: 'boxed'; type: string } // a boxed abstract type by its full name ('InputUser', 'messages.Messages')
  | { kind: 'bare'; constructor: string } // a bare constructor by its full name ('future_salt', '%Message' resolved)
  | { kind: 'object' } // `Object`: any boxed object of the schema
  | { kind: 'typeVar'; name: string; bang: boolean }; // `!X` (bang) or `X` where {X:Type}

export interface FlagCondition {
  /** Name of the `#` field holding the bit (`flags`, `flags2`, ...). */
  flagsField: string;
  bit: number; // 0..31
}

export interface TlField {
  /** TL name as written (`random_id`, `srp_B`). */
  name: string;
  type: TlTypeRef;
  /** Present when the field is `name:flags.N?Type`. */
  condition?: FlagCondition;
  position: SourcePosition;
}

/** The fields that share one bit of one flags word. */
export interface FlagBit {
  bit: number;
  /** Names of the fields conditional on this bit, in declaration order. */
  fields: string[];
}

export interface FlagGroup {
  /** The `#` field. */
  flagsField: string;
  /** One entry per used bit, ascending by bit. */
  bits: FlagBit[];
}

export interface TlDefinitionBase {
  /** Full TL name including namespace (`messages.startBot`, `inputPeerUser`). */
  name: string;
  /** Namespace (`messages`) or undefined for the root. */
  namespace?: string;
  /** Name without namespace (`startBot`). */
  localName: string;
  /** The authoritative id (explicit when written, computed otherwise), uint32. */
  id: number;
  /** The id computed from the normalized declaration (TL-NOTES §3), uint32. */
  computedId: number;
  /** True when the declaration wrote `#id`. */
  explicitId: boolean;
  /** Type parameters `{X:Type}` in order. */
  typeParams: string[];
  /** Fields in wire order (including `#` fields). */
  fields: TlField[];
  flagGroups: FlagGroup[];
  /** Which file set part it came from (`api.tl`, `mtproto.tl`). */
  position: SourcePosition;
  /** The declaration's text, whitespace-collapsed, as in the source. */
  source: string;
  /**
   * Set when the definition shares its id with a longer one whose leading fields it declares (TDLib's
   * `invokeWithBusinessConnectionPrefix` beside `invokeWithBusinessConnection`): it writes that
   * prefix, and bytes with the id are read as the longer definition, named here.
   */
  prefixOf?: string;
}

export interface TlConstructor extends TlDefinitionBase {
  kind: 'constructor';
  /** Full name of the boxed type it builds (`Updates`, `messages.Messages`). */
  type: string;
}

export interface TlFunction extends TlDefinitionBase {
  kind: 'function';
  /** What a call of this function returns. */
  result: TlTypeRef;
}

export type TlDefinition = TlConstructor | TlFunction;

export interface TlBoxedType {
  /** Full name (`messages.Messages`). */
  name: string;
  namespace?: string;
  localName: string;
  /** Full names of its constructors in declaration order. */
  constructors: string[];
}

export interface TlSchemaModel {
  /** From a `// LAYER N` comment, when one was present. */
  layer?: number;
  /** Files the model was built from, in the order given. */
  files: string[];
  /** Constructors in declaration order (builtins such as boolTrue/vector excluded: see below). */
  constructors: TlConstructor[];
  functions: TlFunction[];
  /** Boxed types, in order of first appearance. */
  types: TlBoxedType[];
  constructorsByName: Map<string, TlConstructor>;
  functionsByName: Map<string, TlFunction>;
  typesByName: Map<string, TlBoxedType>;
}
