// The check a generated `readResult` makes before reading its result type: bytes that are an
// `rpc_error` are Telegram's refusal, not a result, and become a thrown `RpcError` naming the method.

import { noRegistry, readBoxed, type TlReader, type TlReaderOptions } from './reader.ts';
import { RpcError } from './rpc-error.ts';

/** `rpc_error#2144ca19 error_code:int error_message:string = RpcError`. */
export const RPC_ERROR_ID = 0x2144ca19;

/**
 * Throws the `RpcError` that `bytes` hold when they are a boxed `rpc_error` (of `method`, the TL name
 * of the request); returns otherwise, leaving every other input to the result reader (which also
 * reports what is not a Uint8Array). One comparison of the first four bytes on the way to a result.
 * A truncated or malformed `rpc_error` is a `TlDecodeError`, as any other value would be. A
 * gzip_packed `rpc_error` (Telegram packs only large answers) is left to the result reader, which
 * rejects its id.
 */
export function checkRpcError(bytes: Uint8Array, method: string, options?: TlReaderOptions): void {
  if (
    bytes instanceof Uint8Array &&
    bytes.length >= 4 &&
    bytes[0] === 0x19 &&
    bytes[1] === 0xca &&
    bytes[2] === 0x44 &&
    bytes[3] === 0x21
  ) {
    throw readBoxed(bytes, noRegistry, options, (r) => readRpcError(r, method));
  }
}

/** The fields of an `rpc_error` after its id; the id itself was checked by the caller. */
function readRpcError(r: TlReader, method: string): RpcError {
  r.uint();
  const code = r.int();
  return new RpcError(code, r.string(), method);
}
