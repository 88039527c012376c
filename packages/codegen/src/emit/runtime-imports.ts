// Every name generated code takes from the runtime package, in one place: the import resolver gives a
// generated file exactly the ones its text uses (so it compiles under `noUnusedLocals`), and the class
// and module emitters never write an import themselves.

/** Runtime functions, classes and constants generated code calls. */
export const runtimeValues: readonly string[] = [
  'anyObjectFromJson',
  'arrayValue',
  'bigintArg',
  'bigintArrayArg',
  'boxedValueError',
  'checkBodyLength',
  'checkRpcError',
  'constructorArgs',
  'decoding',
  'defineTlClass',
  'explainUnknownIds',
  'indexedField',
  'lazyRegistry',
  'longArg',
  'longArrayArg',
  'mapArrayArg',
  'noRegistry',
  'parseJsonText',
  'readAnyObject',
  'readBoxed',
  'readRequest',
  'required',
  'rethrowDecode',
  'rethrowElement',
  'rethrowEncode',
  'serializeObject',
  'sharedFlagError',
  'TlBoxedType',
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
  'RegistryEntries',
  'ResultOf',
  'TlBoxedValue',
  'TlJsonClass',
  'TlJsonClasses',
  'TlJsonObject',
  'TlReader',
  'TlReaderOptions',
  'TlRequest',
  'TlWriter',
];

/** What the generated index re-exports from the runtime, so users import everything from one place. */
export const reexportedRuntimeValues: readonly string[] = [
  'RpcError',
  'TlDecodeError',
  'TlEncodeError',
  'TlError',
  'TlJsonError',
  'UnknownConstructorError',
];

export const reexportedRuntimeTypes: readonly string[] = [
  'BigInteger',
  'DecodeErrorKind',
  'EncodeErrorKind',
  'JsonErrorKind',
  'LongInput',
  'ResultOf',
  'RpcErrorDescriptions',
  'TlBoxedValue',
  'TlJsonClasses',
  'TlJsonObject',
  'TlJsonValue',
  'TlObject',
  'TlReaderOptions',
  'TlRequest',
];

/**
 * What the generated `errors` module (with `--docs`) calls. Not in `runtimeValues`: the schema's own
 * `rpc_error` class is named `RpcError` too, and the class modules must not import the runtime's.
 */
export const errorsModuleRuntimeValues: readonly string[] = ['RpcError', 'setRpcErrorDescriptions'];
