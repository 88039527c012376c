// msg_container's `message msg_id:long seqno:int bytes:int body:Object`: `bytes` is the length of the
// body that follows, which the TL line alone does not say. Recognized in one place for the emitter
// (computed on write, checked when given) and the dissector (the body read within that length).

import type { TlField } from './schema-model.ts';

/** `bytes:int` directly followed by `body:Object`, both unconditional: a length-prefixed body. */
export function isSizedBody(length: TlField | undefined, body: TlField | undefined): boolean {
  return (
    length !== undefined &&
    body !== undefined &&
    length.name === 'bytes' &&
    length.type.kind === 'int' &&
    length.condition === undefined &&
    body.name === 'body' &&
    body.type.kind === 'object' &&
    body.condition === undefined
  );
}
