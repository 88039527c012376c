// Serializes a value that must be refused and returns the TlEncodeError, so tests can assert its
// kind, path and message exactly.

import { TlEncodeError } from '@tlforge/runtime';

export function encodeError(make: () => { serialize(): Uint8Array }): TlEncodeError {
  try {
    make().serialize();
  } catch (e) {
    if (e instanceof TlEncodeError) return e;
    throw e;
  }
  throw new Error('expected a TlEncodeError');
}
