// How generated code represents TL `long` values: the single switch point for the type of `long`
// fields, what constructors accept, how arguments are converted and how values are read and written.
// Every other part of the emitter asks this object and never writes `BigInteger` or `r.long()` itself.

export interface LongRepresentation {
  /** Name used by `--long`. */
  readonly name: string;
  /** TS type of a stored `long` field and of a decoded value. */
  readonly valueType: string;
  /** TS type a constructor accepts for a `long` field. */
  readonly inputType: string;
  /** Converts a constructor argument (an expression of `inputType`) to `valueType`. */
  convertInput(expression: string): string;
  /** Converts an array argument (`inputType[]`) to `valueType[]`. */
  convertInputArray(expression: string): string;
  /** Expression reading one value from the `TlReader` named `reader`. */
  read(reader: string): string;
  /** Statement writing `expression` with the `TlWriter` named `writer`. */
  write(writer: string, expression: string): string;
}

/** GramJS-compatible: fields are big-integer `BigInteger`s; constructors accept any `LongInput`. */
export const bigIntegerLong: LongRepresentation = {
  name: 'big-integer',
  valueType: 'BigInteger',
  inputType: 'LongInput',
  convertInput: (expression) => `longArg(${expression})`,
  convertInputArray: (expression) => `longArrayArg(${expression})`,
  read: (reader) => `${reader}.long()`,
  write: (writer, expression) => `${writer}.long(${expression});`,
};

/**
 * `--long bigint`: fields are native `bigint`s (one allocation per decoded value instead of a bigint and
 * its big-integer wrapper). Constructors still accept any `LongInput` (bigint, safe-integer number,
 * decimal string, big-integer value) so code written for the default keeps compiling; values are stored
 * and decoded as bigint.
 */
export const bigintLong: LongRepresentation = {
  name: 'bigint',
  valueType: 'bigint',
  inputType: 'LongInput',
  convertInput: (expression) => `bigintArg(${expression})`,
  convertInputArray: (expression) => `bigintArrayArg(${expression})`,
  read: (reader) => `${reader}.bigint()`,
  write: (writer, expression) => `${writer}.bigint(${expression});`,
};

export const longRepresentations: ReadonlyMap<string, LongRepresentation> = new Map([
  [bigIntegerLong.name, bigIntegerLong],
  [bigintLong.name, bigintLong],
]);

/** A representation given by name (`--long bigint`) or as the object itself. */
export function resolveLongRepresentation(long: LongRepresentation | string | undefined): LongRepresentation {
  if (long === undefined) return bigIntegerLong;
  if (typeof long !== 'string') return long;
  const found = longRepresentations.get(long);
  if (found === undefined) {
    throw new Error(
      `unknown long representation ${long} (use ${[...longRepresentations.keys()].join(' or ')})`,
    );
  }
  return found;
}
