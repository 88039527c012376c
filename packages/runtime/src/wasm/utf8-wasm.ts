// The one instance of src/wasm/utf8.wat, shared by the reader's string batch (UTF-8 → UTF-16) and the
// writer (finding the U+FFFD that TextEncoder writes for a lone surrogate). Created on first use; null
// where WebAssembly with SIMD is unavailable or forbidden (a CSP without `wasm-unsafe-eval`), and both
// users then do the same work in JS.

import { utf8WasmHex } from './utf8-module.ts';

// The memory (4 pages, 256 KiB): the batch's code units, its table of string ranges and its window of
// copied input bytes, then the writer's scan area. Each area has room for what the module writes or
// reads past its end.
export const UNITS_CAPACITY = 65536;
export const TABLE_BASE = UNITS_CAPACITY * 2 + 64;
export const TABLE_CAPACITY = 4096;
export const WINDOW_BASE = TABLE_BASE + TABLE_CAPACITY * 8;
/** Longer strings are not batched: utf8.ts hands them to TextDecoder. */
export const WINDOW_CAPACITY = 65536;
export const SCAN_BASE = WINDOW_BASE + WINDOW_CAPACITY + 64;
/** Strings of more than a third of this many units are checked with `isWellFormed` instead. */
export const SCAN_CAPACITY = 32512;

export interface Utf8Wasm {
  readonly heap: Uint8Array;
  readonly table: Int32Array;
  readonly units: Uint16Array;
  /** The writer's scan area: [SCAN_BASE, SCAN_BASE + SCAN_CAPACITY) of the memory. */
  readonly scan: Uint8Array;
  /** Decodes table entries [from, to): see utf8.wat. */
  convert(table: number, from: number, to: number, units: number, used: number): number;
  /** 1 when heap bytes [src, end) hold EF BF BD, else 0. */
  replacement(src: number, end: number): number;
}

let state: Utf8Wasm | null | undefined;
let allowed = true;

/** The instance, or null where WebAssembly (with SIMD) cannot run here. */
export function utf8Wasm(): Utf8Wasm | null {
  if (state !== undefined) return state;
  state = null;
  if (!allowed || typeof WebAssembly !== 'object') return null;
  try {
    const binary = new Uint8Array(utf8WasmHex.length / 2);
    for (let i = 0; i < binary.length; i++)
      binary[i] = Number.parseInt(utf8WasmHex.slice(2 * i, 2 * i + 2), 16);
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(binary), {});
    const buffer = (exports.memory as WebAssembly.Memory).buffer;
    state = {
      heap: new Uint8Array(buffer),
      table: new Int32Array(buffer, TABLE_BASE, TABLE_CAPACITY * 2),
      units: new Uint16Array(buffer, 0, UNITS_CAPACITY),
      scan: new Uint8Array(buffer, SCAN_BASE, SCAN_CAPACITY),
      convert: exports.convert as Utf8Wasm['convert'],
      replacement: exports.replacement as Utf8Wasm['replacement'],
    };
  } catch {
    // No WebAssembly here: the callers' JS paths do the same work.
  }
  return state;
}

/** Allows or forbids the instance (tests run both paths); the next `utf8Wasm()` decides again. */
export function allowUtf8Wasm(enabled: boolean): void {
  allowed = enabled;
  state = undefined;
}
