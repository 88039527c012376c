// Public surface of the tlforge runtime: what generated code and applications import.

// The JSON form of TL objects (every class's `toJSON` / `fromJson`, json-class.ts), lossless:
// json-value.ts says how.
export { Base64Failure, decodeBase64, encodeBase64 } from './base64.ts';
export { TlBoxedType } from './boxed-type.ts';
export { crc32 } from './crc32.ts';
export { describeTlValue, describeValue } from './describe-value.ts';
export type { DecodeErrorKind, EncodeErrorKind } from './errors.ts';
export {
  constructorIdHex,
  encodeError,
  OutsideSubsetError,
  rethrowDecode,
  rethrowElement,
  rethrowEncode,
  TlDecodeError,
  TlEncodeError,
  TlError,
  UnknownConstructorError,
} from './errors.ts';
export {
  arrayValue,
  boxedValueError,
  checkBodyLength,
  indexedField,
  readAnyObject,
  readRequest,
  required,
  sharedFlagError,
  trueFlag,
  unknownFlagBits,
  writeBare,
  writeObject,
  writeRequest,
  writeSizedObject,
} from './field-codecs.ts';
export type { ResultOf, TlRequest } from './generated-class.ts';
export { constructorArgs, decoding, defineTlClass } from './generated-class.ts';
export { inflateGzip } from './gzip.ts';
export { defaultPropertyName } from './json-class.ts';
export type { JsonErrorKind } from './json-error.ts';
export { rethrowJson, TlJsonError } from './json-error.ts';
export type { FromJson, TlJsonClass, TlJsonClasses } from './json-reader.ts';
export {
  anyObjectFromJson,
  boolFromJson,
  bytesFromJson,
  describeJson,
  doubleFromJson,
  int128FromJson,
  int256FromJson,
  intFromJson,
  isJsonObject,
  jsonConstructorName,
  longFromJson,
  parseJsonText,
  stringFromJson,
} from './json-reader.ts';
export type { TlJsonObject, TlJsonValue, ToJson } from './json-value.ts';
export {
  boolToJson,
  bytesToJson,
  doubleToJson,
  int128ToJson,
  int256ToJson,
  intToJson,
  longToJson,
  setJsonKey,
  stringToJson,
} from './json-value.ts';
export type { RegistryBucket, RegistryClass, RegistryEntries } from './lazy-registry.ts';
export { lazyRegistry } from './lazy-registry.ts';
export type { BigInteger, LongInput } from './long.ts';
export {
  bigintArg,
  bigintArrayArg,
  isBigInteger,
  LONG_MAX,
  LONG_MIN,
  longArg,
  longArrayArg,
  mapArrayArg,
} from './long.ts';
export type { IdExplainer, ObjectReader, ReaderRegistry, TlReaderOptions, UnknownIdKind } from './reader.ts';
export {
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_ELEMENTS,
  DEFAULT_MAX_INFLATED_SIZE,
  explainUnknownIds,
  GZIP_PACKED_ID,
  MAX_DEPTH_CEILING,
  MAX_INFLATED_SIZE_CEILING,
  noRegistry,
  readBoxed,
  TlReader,
} from './reader.ts';
export type { ParsedRpcErrorText, RpcErrorDescriptions } from './rpc-error.ts';
export { parseRpcErrorText, RpcError, setRpcErrorDescriptions } from './rpc-error.ts';
export { checkRpcError, RPC_ERROR_ID } from './rpc-error-result.ts';
export type { TlBoxedValue, TlObject } from './tl-object.ts';
export { isTlObject, serializeObject } from './tl-object.ts';
export { BOOL_FALSE_ID, BOOL_TRUE_ID, MAX_LENGTH_PREFIXED, TlWriter, VECTOR_ID } from './writer.ts';
