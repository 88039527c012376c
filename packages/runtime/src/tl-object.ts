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
  // A write that failed deep inside leaves its depth behind.
  w.depth = 0;
  try {
    o._write(w);
  } catch (e) {
    // A cycle is found here, after the writer stopped at its depth limit (or the stack ran out): the
    // search costs nothing on the hot path.
    if ((e instanceof TlEncodeError && e.kind === 'depth') || e instanceof RangeError)
      throw stackExhausted(o);
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

/** What exhausted the stack while writing `root`: the place a cycle closes, or plain depth. */
function stackExhausted(root: TlObject): TlEncodeError {
  const cycle = findCycle(root);
  if (cycle === undefined) {
    return new TlEncodeError('depth', 'objects nested too deeply to write', [root.className]);
  }
  const where = [root.className, ...cycle.ancestor].join('.');
  return new TlEncodeError(
    'cycle',
    `the value contains itself: this is the object already being written at ${where}`,
    [root.className, ...cycle.path],
  );
}

interface Frame {
  value: object;
  /** The path to `value` from the root, array indexes appended to their field (`messages[3]`). */
  path: string[];
  keys: string[];
  next: number;
}

/**
 * Depth-first over the fields of TL objects and the elements of arrays: the first value met again
 * while it is still being visited closes a cycle. Iterative, so the search itself needs no stack.
 */
function findCycle(root: TlObject): { path: string[]; ancestor: string[] } | undefined {
  const open = new Map<object, string[]>();
  const done = new Set<object>();
  const stack: Frame[] = [{ value: root, path: [], keys: Object.keys(root), next: 0 }];
  open.set(root, []);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next === frame.keys.length) {
      stack.pop();
      open.delete(frame.value);
      done.add(frame.value);
      continue;
    }
    const key = frame.keys[frame.next++] as string;
    const child: unknown = (frame.value as Record<string, unknown>)[key];
    if (typeof child !== 'object' || child === null || ArrayBuffer.isView(child) || done.has(child)) continue;
    if (!Array.isArray(child) && !isTlObject(child)) continue;
    const path = Array.isArray(frame.value)
      ? [...frame.path.slice(0, -1), `${frame.path.at(-1) ?? ''}[${key}]`]
      : [...frame.path, key];
    const ancestor = open.get(child);
    if (ancestor !== undefined) return { path, ancestor };
    open.set(child, path);
    stack.push({ value: child, path, keys: Object.keys(child), next: 0 });
  }
  return undefined;
}
