// Every name generated code takes from the runtime package, in one place: the import resolver gives a
// generated file exactly the ones its text uses (so it compiles under `noUnusedLocals`), and the class
// and module emitters never write an import themselves.

/** Runtime functions, classes and constants generated code calls. */
export const runtimeValues: readonly string[] = [
  'arrayValue',
  'bigintArg',
  'bigintArrayArg',
  'boxedValueError',
  'checkBodyLength',
  'constructorArgs',
  'decoding',
  'defineTlClass',
  'explainUnknownIds',
  'indexedField',
  'longArg',
  'longArrayArg',
  'mapArrayArg',
  'noRegistry',
  'readAnyObject',
  'readBoxed',
  'readRequest',
  'required',
  'rethrowDecode',
  'rethrowElement',
  'rethrowEncode',
  'serializeObject',
  'sharedFlagError',
  'trueFlag',
  'unknownFlagBits',
  'writeBare',
  'writeObject',
  'writeRequest',
  'writeSizedObject',
];

/** Runtime types generated signatures name. */
export const runtimeTypes: readonly string[] = [
  'BigInteger',
  'LongInput',
  'ObjectReader',
  'ReaderRegistry',
  'ResultOf',
  'TlBoxedValue',
  'TlReader',
  'TlReaderOptions',
  'TlRequest',
  'TlWriter',
];

/** What the generated index re-exports from the runtime, so users import everything from one place. */
export const reexportedRuntimeValues: readonly string[] = [
  'TlDecodeError',
  'TlEncodeError',
  'TlError',
  'UnknownConstructorError',
];

export const reexportedRuntimeTypes: readonly string[] = [
  'BigInteger',
  'DecodeErrorKind',
  'EncodeErrorKind',
  'LongInput',
  'ResultOf',
  'TlBoxedValue',
  'TlObject',
  'TlReaderOptions',
  'TlRequest',
];
