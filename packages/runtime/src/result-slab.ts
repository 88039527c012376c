// Where serialized results live. An exact-size Uint8Array above 64 bytes costs V8 an off-heap backing
// store (~300-600 ns on Node 20, more than encoding a small message), so small results are views of a
// shared 64 KiB slab, as protobufjs and Node's pooled allocations do. The pooled writer writes a result
// straight into the slab's free part, so returning it copies nothing.

import type { TlWriter } from './writer.ts';

/** Results up to this size share a slab; larger ones get an ArrayBuffer of their own. */
export const SLAB_RESULT_MAX = 8192;
const SLAB_SIZE = 65536;

let slab = new Uint8Array(SLAB_SIZE);
let slabView = new DataView(slab.buffer);
let slabUsed = 0;
/** A writer is writing into the slab's free part: nothing else may be placed there meanwhile. */
let lent = false;

function freshSlab(): void {
  slab = new Uint8Array(SLAB_SIZE);
  slabView = new DataView(slab.buffer);
  slabUsed = 0;
}

/**
 * A copy of `bytes[start, end)`. Small copies are views of a shared slab: `result.buffer` is then larger
 * than the result (`byteOffset`/`byteLength` say where it is); transfer `result.slice()` rather than
 * `result.buffer`. A slab that was transferred (detached) anyway is replaced, never written again.
 */
export function copyResult(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const length = end - start;
  if (length > SLAB_RESULT_MAX || lent) return bytes.slice(start, end);
  if (slabUsed + length > SLAB_SIZE || slab.byteLength === 0) freshSlab();
  const at = slabUsed;
  slab.set(bytes.subarray(start, end), at);
  // 8-byte alignment keeps every result's offset usable for aligned typed-array views.
  slabUsed = (at + length + 7) & ~7;
  return slab.subarray(at, at + length);
}

/**
 * Lends the slab's free part (at least SLAB_RESULT_MAX bytes) to `w` for one result, which
 * `takeResult` then returns in place. Until then, results copied by `copyResult` (a nested serialize)
 * get buffers of their own.
 */
export function lendSlab(w: TlWriter): void {
  if (slab.byteLength === 0 || SLAB_SIZE - slabUsed < SLAB_RESULT_MAX) freshSlab();
  lent = true;
  w.resetInto(slab, slabView, slabUsed);
}

/** Ends a loan: before `takeResult`, or without a result (the write failed: its bytes stay free space). */
export function returnSlab(): void {
  lent = false;
}

/**
 * The output `w` wrote since `lendSlab` (after `returnSlab`) or `reset`: a view of the slab when it
 * stayed there and is not larger than SLAB_RESULT_MAX, otherwise a copy.
 */
export function takeResult(w: TlWriter): Uint8Array {
  const { buf, start, pos } = w;
  if (buf !== slab || start !== slabUsed || pos - start > SLAB_RESULT_MAX) return copyResult(buf, start, pos);
  slabUsed = (pos + 7) & ~7;
  return slab.subarray(start, pos);
}
