// What the dissector produces: a tree with one node per value read (an object, a field, a vector
// element), each with the byte range it occupies in the buffer it was read from. Buffer 0 is the
// input; every gzip_packed adds the data it inflated to, and the values read from there have offsets
// into that data. A decode that fails keeps the nodes read so far (the ones being read when it failed
// are `incomplete`) and says where and why in `error`.

/** The TL definition a node was read as. */
export interface DissectDefinition {
  /** TL name: `messages.startBot`, `boolTrue`, `vector`, `gzip_packed`. */
  name: string;
  /** The constructor id read (or, for a bare value, the definition's id, not on the wire). */
  id: number;
  kind: 'constructor' | 'function' | 'builtin';
  /** True when the value is bare: its id is not on the wire. */
  bare: boolean;
  /** A function's result type (`Updates`). */
  result?: string;
}

/** A flags word: its value, the bits that are set with the fields they switch on, and bits no field uses. */
export interface DissectFlags {
  value: number;
  set: Array<{ bit: number; fields: string[] }>;
  /** Bits set that no field of the constructor uses (an error in strict mode). */
  unknown: number;
}

/** What kind of primitive `value` holds. */
export type DissectValueKind =
  | 'int'
  | 'long'
  | 'double'
  | 'string'
  | 'bytes'
  | 'int128'
  | 'int256'
  | 'Bool'
  | 'true'
  | '#';

export interface DissectNode {
  /** The field's TL name, `[3]` for a vector element, `inflated` for a gzip_packed's content, '' for the root. */
  name: string;
  /** The type this position expects, as a schema writes it: `InputUser`, `flags.3?Vector<long>`, `#`. */
  type: string;
  /** Index of the buffer the offsets are into (0: the input; n: the data the n-th gzip_packed inflated to). */
  buffer: number;
  start: number;
  /** End of the value (exclusive); for an incomplete node, where reading stopped. */
  end: number;
  /** For a boxed or bare object: what it was read as. */
  definition?: DissectDefinition;
  valueKind?: DissectValueKind;
  /**
   * A primitive's value: int and double as numbers, long as a decimal string, string as text, bytes
   * (and int128, int256) as hex, Bool and true as booleans, `#` as the number.
   */
  value?: number | string | boolean;
  /** bytes, int128 and int256: the bytes themselves. */
  raw?: Uint8Array;
  flags?: DissectFlags;
  /** A vector: its element count. */
  count?: number;
  /** What the reader wants a person to know here (`result of messages.getDialogs`, `inflated 120 → 4096 bytes`). */
  note?: string;
  /** True when the decode failed while this value was being read. */
  incomplete?: boolean;
  children: DissectNode[];
}

/** One buffer values were read from. */
export interface DissectBuffer {
  index: number;
  bytes: Uint8Array;
  /** For inflated data: the buffer and offset of the gzip_packed it came from. */
  from?: { buffer: number; offset: number };
}

/** Where and why the decode stopped. */
export interface DissectError {
  kind: string;
  detail: string;
  /** The runtime's message: `at byte 16 (messages.startBot.random_id): truncated: needs 8 bytes, 4 remain`. */
  message: string;
  buffer: number;
  offset: number;
  /** The value being read, as TL names: `messages.startBot.random_id`, `messages.messages.messages[3].id`. */
  path: string;
}

export interface DissectResult {
  /** The schema's layer, when it states one. */
  layer: number | undefined;
  root: DissectNode;
  buffers: DissectBuffer[];
  error?: DissectError;
}
