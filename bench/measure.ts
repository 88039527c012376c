// Timing of one operation: our own JIT warm-up (mitata's is a couple of calls), then mitata's sampler
// on batches sized to ~1 ms, reporting the median time per call.

import { do_not_optimize, measure } from 'mitata';

export interface TimingBudget {
  /** Time spent calling the operation before sampling, so that V8 has optimized it. */
  readonly warmupMs: number;
  /** Minimum total sampled time. */
  readonly minSampleMs: number;
  readonly minSamples: number;
}

export const fullBudget: TimingBudget = { warmupMs: 200, minSampleMs: 700, minSamples: 40 };
export const quickBudget: TimingBudget = { warmupMs: 40, minSampleMs: 80, minSamples: 10 };

export interface Timing {
  /** Median nanoseconds per call. */
  readonly medianNs: number;
  readonly p25Ns: number;
  readonly p75Ns: number;
  /** Samples kept by mitata (each a batch of `batch` calls). */
  readonly samples: number;
  readonly batch: number;
  readonly opsPerSec: number;
}

const targetBatchNs = 1_000_000;

export async function time(op: () => unknown, budget: TimingBudget): Promise<Timing> {
  let calls = 0;
  const warmupEnd = performance.now() + budget.warmupMs;
  const start = performance.now();
  do {
    do_not_optimize(op());
    calls++;
  } while (performance.now() < warmupEnd);
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
  });
  return {
    medianNs: stats.p50,
    p25Ns: stats.p25,
    p75Ns: stats.p75,
    samples: stats.samples.length,
    batch,
    opsPerSec: 1e9 / stats.p50,
  };
}
