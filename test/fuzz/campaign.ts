// `npm run fuzz -- --seconds N [--seed S]`: a timed mutation campaign against both generated decoders.
// Every input that breaks the invariant (see decoder-fuzz.ts) is saved as a regression fixture under
// test/fixtures/fuzz/, which test/fuzz/decoder.test.ts replays. Exits 1 when anything was found.

import { parseArgs } from 'node:util';
import { loadSchemaSet, schemaSetNames } from '../property/schema-sets.ts';
import { runCampaign } from './decoder-fuzz.ts';
import { saveFixture } from './fixtures.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string' },
    inputs: { type: 'string' },
  },
});

const seconds = Number(values.seconds);
const seed = values.seed === undefined ? Date.now() % 0x7fffffff : Number(values.seed);
if (!Number.isFinite(seconds) || seconds <= 0 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- --seconds N [--seed S] [--inputs N]');
  process.exit(2);
}

const sets = schemaSetNames.map((name) => loadSchemaSet(name));
const heapAtStart = process.memoryUsage().heapUsed;
let peakHeap = heapAtStart;
const saved = new Set<string>();
console.log(`fuzz: seed ${seed}, ${seconds} s`);
const stats = runCampaign(sets, {
  seed,
  milliseconds: seconds * 1000,
  inputs: values.inputs === undefined ? undefined : Number(values.inputs),
  progressEvery: 100_000,
  onFailure: (set, failure) => {
    const path = saveFixture({
      set: set.name,
      input: Buffer.from(failure.input).toString('hex'),
      reason: failure.reason,
      seed,
    });
    if (!saved.has(path))
      console.log(`FAILURE (${set.name}): ${failure.reason.split('\n')[0]}\n  saved ${path}`);
    saved.add(path);
  },
  onProgress: (s) => {
    const heap = process.memoryUsage().heapUsed;
    peakHeap = Math.max(peakHeap, heap);
    console.log(
      `  ${s.inputs} inputs, ${s.rejected} rejected, ${s.accepted} accepted, ${s.failures} failures, ` +
        `${Math.round(s.milliseconds / 1000)} s, heap ${Math.round(heap / 2 ** 20)} MiB`,
    );
  },
});
const heapGrowth = (peakHeap - heapAtStart) / 2 ** 20;
console.log(
  `fuzz: ${stats.inputs} inputs in ${(stats.milliseconds / 1000).toFixed(1)} s ` +
    `(${Math.round(stats.inputs / (stats.milliseconds / 1000))}/s), ${stats.rejected} rejected, ` +
    `${stats.accepted} accepted, ${stats.failures} failures (${stats.unwritable} accepted but unwritable), ` +
    `seed payloads ${JSON.stringify(stats.corpus)}, ` +
    `peak heap growth ${heapGrowth.toFixed(0)} MiB`,
);
// The corpus and the sets stay alive; anything beyond a few hundred MiB is a leak in the decoders.
if (heapGrowth > 512) {
  console.error('fuzz: heap grew by more than 512 MiB');
  process.exitCode = 1;
}
if (stats.failures > 0) process.exitCode = 1;
