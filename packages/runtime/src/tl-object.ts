// The interface every generated class implements, and `serializeObject`, the entry point that
// turns one object into bytes with a pooled writer.

import { describeValue } from './describe-value.ts';
import { TlEncodeError } from './errors.ts';
import { lendSlab, returnSlab, SLAB_RESULT_MAX, takeResult } from './result-slab.ts';
import { TlWriter } from './writer.ts';

export interface TlObject {
  readonly className: string;
  readonly CONSTRUCTOR_ID: number;
  readonly classType: 'constructor' | 'request';
  _write(w: TlWriter): void;
}

/**
 * What a field typed `Object` holds: any boxed value the runtime can read without knowing the
 * field's type: an object of the schema, a Bool (boolTrue/boolFalse), or a boxed `Vector` of such
 * values.
 */
export type TlBoxedValue = TlObject | boolean | TlBoxedValue[];

export function isTlObject(v: unknown): v is TlObject {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Partial<TlObject>;
  return (
    typeof o._write === 'function' && typeof o.CONSTRUCTOR_ID === 'number' && typeof o.className === 'string'
  );
}

/** A pooled writer larger than this is dropped after use so one huge message does not pin memory. */
const POOL_KEEP_MAX = 1 << 20;

let pooled: TlWriter | undefined;
let pooledBusy = false;
/** The pooled writer's last result was too large for the slab: the next one starts in its own buffer. */
let lastResultLarge = false;

/**
 * Serializes `o` (boxed: its `_write` writes the id). Uses one shared writer; a nested or reentrant
 * call (a `_write` that itself serializes) gets a fresh writer instead of corrupting the shared one.
 * Encode errors get the class name as the first path segment. Results up to 8 KiB are views of a shared
 * slab (see result-slab.ts), written there in place: `result.buffer` holds more than the result.
 */
export function serializeObject(o: TlObject): Uint8Array {
  if (!isTlObject(o)) throw new TlEncodeError('type', `expected a TL object, got ${describeValue(o)}`);
  let w: TlWriter;
  const usePool = !pooledBusy;
  if (usePool) {
    if (pooled === undefined) pooled = new TlWriter(4096);
    w = pooled;
    pooledBusy = true;
    if (lastResultLarge) w.reset();
    else lendSlab(w);
  } else {
    w = new TlWriter();
  }
  try {
    o._write(w);
  } catch (e) {
    if (e instanceof TlEncodeError) e.prependPath(o.className);
    throw e;
  } finally {
    if (usePool) {
      returnSlab();
      pooledBusy = false;
      if (w.capacity > POOL_KEEP_MAX) pooled = undefined;
    }
  }
  if (usePool) lastResultLarge = w.pos - w.start > SLAB_RESULT_MAX;
  return takeResult(w);
}
