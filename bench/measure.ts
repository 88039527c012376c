// Timing of one operation: our own JIT warm-up (mitata's is a couple of calls), then mitata's sampler
// on batches sized to ~1 ms, reporting the median time per call. The caller runs several rounds,
// alternating libraries, so that a burst of load from other processes hits all of them alike; the
// result is the median of the rounds' medians.

import v8 from 'node:v8';
import vm from 'node:vm';
import { do_not_optimize, measure } from 'mitata';

/**
 * A full GC before each measurement, so that one library's garbage is not collected on the next one's
 * time. `npm run bench` cannot pass --expose-gc, so the flag is set at run time and `gc` taken from a
 * fresh context (where V8 installs it).
 */
function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing !== undefined) return existing;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

const collectGarbage = exposeGc();

export interface TimingBudget {
  /** Rounds per operation; libraries alternate between rounds. */
  readonly rounds: number;
  /** Time spent calling the operation before sampling in each round, so that V8 has optimized it. */
  readonly warmupMs: number;
  /** Minimum total sampled time per round. */
  readonly minSampleMs: number;
  readonly minSamples: number;
}

export const fullBudget: TimingBudget = { rounds: 3, warmupMs: 100, minSampleMs: 250, minSamples: 20 };
export const quickBudget: TimingBudget = { rounds: 1, warmupMs: 40, minSampleMs: 80, minSamples: 10 };

export interface RoundTiming {
  /** Median nanoseconds per call. */
  readonly medianNs: number;
  readonly p25Ns: number;
  readonly p75Ns: number;
  /** Samples kept by mitata (each a batch of `batch` calls). */
  readonly samples: number;
  readonly batch: number;
}

export interface Timing {
  /** Median over the rounds of each round's median nanoseconds per call. */
  readonly medianNs: number;
  readonly roundMediansNs: readonly number[];
  /** Lowest p25 and highest p75 over the rounds: the spread seen. */
  readonly p25Ns: number;
  readonly p75Ns: number;
  readonly samples: number;
  readonly opsPerSec: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function combineRounds(rounds: readonly RoundTiming[]): Timing {
  const medianNs = median(rounds.map((r) => r.medianNs));
  return {
    medianNs,
    roundMediansNs: rounds.map((r) => r.medianNs),
    p25Ns: Math.min(...rounds.map((r) => r.p25Ns)),
    p75Ns: Math.max(...rounds.map((r) => r.p75Ns)),
    samples: rounds.reduce((n, r) => n + r.samples, 0),
    opsPerSec: 1e9 / medianNs,
  };
}

const targetBatchNs = 1_000_000;

export async function timeRound(op: () => unknown, budget: TimingBudget): Promise<RoundTiming> {
  collectGarbage();
  const warmupEnd = performance.now() + budget.warmupMs;
  do do_not_optimize(op());
  while (performance.now() < warmupEnd);
  // Batch size from the optimized code's speed: the first calls of a warm-up can be 100× slower.
  let calls = 0;
  const start = performance.now();
  const calibrationEnd = start + Math.max(2, budget.warmupMs / 10);
  do {
    do_not_optimize(op());
    calls++;
  } while (performance.now() < calibrationEnd);
  const perCallNs = ((performance.now() - start) * 1e6) / calls;
  const batch = Math.max(1, Math.min(100_000, Math.round(targetBatchNs / perCallNs)));
  const stats = await measure(() => do_not_optimize(op()), {
    batch_samples: batch,
    batch_unroll: 1,
    batch_threshold: Number.POSITIVE_INFINITY,
    warmup_threshold: Number.POSITIVE_INFINITY,
    warmup_samples: 1,
    min_samples: budget.minSamples,
    min_cpu_time: budget.minSampleMs * 1e6,
    gc: collectGarbage,
  });
  return {
    medianNs: stats.p50,
    p25Ns: stats.p25,
    p75Ns: stats.p75,
    samples: stats.samples.length,
    batch,
  };
}
