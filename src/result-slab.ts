// Where serialized results live. An exact-size Uint8Array above 64 bytes costs V8 an off-heap backing
// store (~300-600 ns on Node 20, more than encoding a small message), so small results are copied
// into a shared 64 KiB slab and returned as views of it, as protobufjs and Node's pooled allocations do.

/** Results up to this size share a slab; larger ones get an ArrayBuffer of their own. */
export const SLAB_RESULT_MAX = 8192;
const SLAB_SIZE = 65536;

let slab = new Uint8Array(SLAB_SIZE);
let slabUsed = 0;

/**
 * A copy of `bytes[0, length)`. Small copies are views of a shared slab: `result.buffer` is then larger
 * than the result (`byteOffset`/`byteLength` say where it is); transfer `result.slice()` rather than
 * `result.buffer`. A slab that was transferred (detached) anyway is replaced, never written again.
 */
export function copyResult(bytes: Uint8Array, length: number): Uint8Array {
  if (length > SLAB_RESULT_MAX) return bytes.slice(0, length);
  if (slabUsed + length > SLAB_SIZE || slab.byteLength === 0) {
    slab = new Uint8Array(SLAB_SIZE);
    slabUsed = 0;
  }
  const start = slabUsed;
  const result = slab.subarray(start, start + length);
  result.set(bytes.subarray(0, length));
  // 8-byte alignment keeps every result's offset usable for aligned typed-array views.
  slabUsed = (start + length + 7) & ~7;
  return result;
}
