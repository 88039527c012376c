// The shape of `bench/results/latest.json`: everything the table and the chart are drawn from.

import type { MachineInfo } from './machine.ts';
import type { Timing } from './measure.ts';

export interface OperationResult extends Timing {
  /** Wire bytes processed per second, in MB (10^6 bytes). */
  readonly mbPerSec: number;
}

export interface LibraryResult {
  readonly bytes: number;
  /** Own bytes equal tlforge's (or the reference's) byte for byte. */
  readonly identical: boolean;
  /** Another layer's library: its writers with layer 214's ids give the reference bytes. */
  readonly identicalAsLayer214?: boolean;
  readonly difference?: string;
  readonly serialize?: OperationResult;
  readonly deserialize?: OperationResult;
  /** Why an operation was not timed. */
  readonly notTimed?: string;
}

export interface PayloadResult {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly messageCount: number;
  /** Timed on this many messages in turn that differ only in some values (see payloads.ts). */
  readonly rotation?: number;
  readonly referenceLibrary: string;
  readonly referenceBytes: number;
  readonly libraries: Readonly<Record<string, LibraryResult>>;
  /** Copying the reference's byte count: `Uint8Array.prototype.slice` (allocates) and `set`. */
  readonly memcpy: { readonly slice: OperationResult; readonly set: OperationResult };
  /** tlforge ops/s divided by each other library's ops/s (> 1: tlforge is faster). */
  readonly ratios: Readonly<Record<string, { readonly serialize?: number; readonly deserialize?: number }>>;
  /** The same for tlforge generated with `--long bigint` (`tlforge-bigint`). */
  readonly bigintRatios?: Readonly<
    Record<string, { readonly serialize?: number; readonly deserialize?: number }>
  >;
}

export interface BenchResult {
  readonly date: string;
  readonly mode: 'full' | 'quick';
  readonly machine: MachineInfo;
  /** 1-minute load average at the start and the end of the run (the machine's other work). */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly libraries: readonly { readonly key: string; readonly label: string; readonly layer: number }[];
  readonly missing: readonly { readonly key: string; readonly reason: string }[];
  readonly payloads: readonly PayloadResult[];
  readonly durationSec: number;
}
