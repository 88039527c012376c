// `npm run bench`: builds the payloads once per library, checks that every library encodes the same
// bytes (and decodes its own), then times serialize and deserialize for each, next to a memcpy of the
// same size. Writes a table to stdout, bench/results/latest.json and bench/results/latest.svg.
//
//   npm run bench                      full run (about 3 minutes on 2 cores)
//   npm run bench -- --quick           short sampling, written to bench/results/quick.{json,svg}
//   npm run bench -- --only=B,D        a subset of the payloads

import { mkdirSync, writeFileSync } from 'node:fs';
import type { LibraryAdapter } from './adapters/library-adapter.ts';
import { createMtcuteAdapter } from './adapters/mtcute.ts';
import { createTeleprotoAdapter } from './adapters/teleproto.ts';
import { loadTlforgeAdapter } from './adapters/tlforge.ts';
import type { BenchResult, LibraryResult, OperationResult, PayloadResult } from './bench-result.ts';
import { describeMachine, loadAverage } from './machine.ts';
import {
  combineRounds,
  fullBudget,
  quickBudget,
  type RoundTiming,
  type Timing,
  type TimingBudget,
  timeRound,
} from './measure.ts';
import { buildPayloads, telegram1527NotMeasured } from './payloads.ts';
import { renderSvg } from './report-svg.ts';
import { renderTable } from './report-table.ts';
import { type PayloadCheck, sameLogicalBytes, verifyPayload } from './verify.ts';

interface Options {
  readonly quick: boolean;
  readonly only?: ReadonlySet<string>;
}

function parseOptions(argv: readonly string[]): Options {
  let quick = false;
  let only: Set<string> | undefined;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg.startsWith('--only=')) only = new Set(arg.slice(7).toUpperCase().split(','));
    else throw new Error(`unknown option ${arg} (use --quick, --only=A,B)`);
  }
  return { quick, only };
}

function withThroughput(timing: Timing, bytes: number): OperationResult {
  return { ...timing, mbPerSec: (timing.opsPerSec * bytes) / 1e6 };
}

function meanLength(encodings: readonly Uint8Array[]): number {
  return encodings.reduce((sum, bytes) => sum + bytes.byteLength, 0) / encodings.length;
}

/**
 * An operation on one item, or on the items in turn (a payload's rotation): the index costs the same
 * for every library.
 */
function inTurn<T>(items: readonly T[], op: (item: T) => unknown): () => unknown {
  if (items.length === 1) {
    const item = items[0];
    return () => op(item);
  }
  let i = 0;
  return () => {
    const item = items[i];
    i = i + 1 === items.length ? 0 : i + 1;
    return op(item);
  };
}

async function loadAdapters(): Promise<{
  adapters: LibraryAdapter[];
  missing: { key: string; reason: string }[];
}> {
  const adapters: LibraryAdapter[] = [];
  const missing: { key: string; reason: string }[] = [];
  const ours = await loadTlforgeAdapter();
  if (typeof ours === 'string') missing.push({ key: 'tlforge', reason: ours });
  else adapters.push(ours);
  const oursBigint = await loadTlforgeAdapter('tlforge-bigint');
  if (typeof oursBigint === 'string') missing.push({ key: 'tlforge-bigint', reason: oursBigint });
  else adapters.push(oursBigint);
  adapters.push(createMtcuteAdapter(), createTeleprotoAdapter());
  missing.push({ key: 'telegram@1.5.27', reason: telegram1527NotMeasured });
  return { adapters, missing };
}

function printVerification(check: PayloadCheck): boolean {
  const { payload, libraries } = check;
  let ok = true;
  const sizes = libraries.map((l) => `${l.adapter.key} ${l.bytes.byteLength} B`).join(', ');
  const turns = payload.rotation === undefined ? '' : ` (each of ${payload.rotation.length} messages)`;
  console.log(`${payload.id} ${payload.name}: ${sizes}${turns}`);
  for (const l of libraries) {
    const verdict = l.identical
      ? `identical to ${check.referenceKey}`
      : l.identicalAsLayer214
        ? `identical to ${check.referenceKey} with layer-214 ids (${l.difference})`
        : `DIFFERENT from ${check.referenceKey}: ${l.difference}`;
    if (!sameLogicalBytes(l)) ok = false;
    const decode = l.decodeProblem === undefined ? 'decodes + re-encodes its own bytes' : l.decodeProblem;
    if (l.adapter.key !== check.referenceKey || l.decodeProblem !== undefined) {
      console.log(
        `  ${l.adapter.key}: ${l.adapter.key === check.referenceKey ? 'reference' : verdict}; ${decode}`,
      );
    } else {
      console.log(`  ${l.adapter.key}: reference; ${decode}`);
    }
  }
  return ok;
}

async function measurePayload(
  check: PayloadCheck,
  budget: TimingBudget,
  tlforge: boolean,
): Promise<PayloadResult> {
  const { payload } = check;
  const libraries: Record<string, LibraryResult> = {};
  const timed = check.libraries.filter(sameLogicalBytes);
  // A plain Uint8Array copy: the reference may be a Buffer, whose slice() is a view, not a copy.
  const src = new Uint8Array(check.reference);
  const dst = new Uint8Array(src.byteLength);
  const cases: { key: string; op: () => unknown; bytes: number; rounds: RoundTiming[] }[] = [];
  for (const l of timed) {
    const { adapter } = l;
    cases.push({
      key: `serialize:${adapter.key}`,
      op: inTurn(l.objects, (obj) => adapter.serialize(obj)),
      bytes: meanLength(l.encodings),
      rounds: [],
    });
  }
  for (const l of timed) {
    if (l.decodeProblem !== undefined) continue;
    const { adapter } = l;
    cases.push({
      key: `deserialize:${adapter.key}`,
      op: inTurn(l.encodings, (bytes) => adapter.deserialize(bytes)),
      bytes: meanLength(l.encodings),
      rounds: [],
    });
  }
  cases.push({
    key: 'memcpy:slice',
    op: () => Uint8Array.prototype.slice.call(src),
    bytes: src.byteLength,
    rounds: [],
  });
  cases.push({
    key: 'memcpy:set',
    op: () => {
      dst.set(src);
      return dst;
    },
    bytes: src.byteLength,
    rounds: [],
  });
  for (let round = 0; round < budget.rounds; round++) {
    for (const c of cases) c.rounds.push(await timeRound(c.op, budget));
  }
  const timings = new Map(cases.map((c) => [c.key, withThroughput(combineRounds(c.rounds), c.bytes)]));
  const memcpy = { slice: timings.get('memcpy:slice')!, set: timings.get('memcpy:set')! };
  for (const l of check.libraries) {
    const reasons: string[] = [];
    if (!sameLogicalBytes(l)) reasons.push('bytes differ from the reference: not timed');
    if (l.decodeProblem !== undefined) reasons.push(`deserialize: ${l.decodeProblem}`);
    libraries[l.adapter.key] = {
      bytes: l.bytes.byteLength,
      identical: l.identical,
      identicalAsLayer214: l.identicalAsLayer214,
      difference: l.difference,
      serialize: timings.get(`serialize:${l.adapter.key}`),
      deserialize: timings.get(`deserialize:${l.adapter.key}`),
      notTimed: reasons.length > 0 ? reasons.join('; ') : undefined,
    };
  }
  const ratiosOf = (oursKey: string): Record<string, { serialize?: number; deserialize?: number }> => {
    const ratios: Record<string, { serialize?: number; deserialize?: number }> = {};
    const ours = libraries[oursKey];
    if (ours === undefined) return ratios;
    for (const [key, lib] of Object.entries(libraries)) {
      if (key === oursKey) continue;
      ratios[key] = {
        serialize:
          ours.serialize && lib.serialize ? ours.serialize.opsPerSec / lib.serialize.opsPerSec : undefined,
        deserialize:
          ours.deserialize && lib.deserialize
            ? ours.deserialize.opsPerSec / lib.deserialize.opsPerSec
            : undefined,
      };
    }
    return ratios;
  };
  const ratios = tlforge ? ratiosOf('tlforge') : {};
  const bigintRatios = tlforge ? ratiosOf('tlforge-bigint') : {};
  return {
    id: payload.id,
    name: payload.name,
    description: payload.description,
    messageCount: payload.messageCount,
    rotation: payload.rotation?.length,
    referenceLibrary: check.referenceKey,
    referenceBytes: check.reference.byteLength,
    libraries,
    memcpy,
    ratios,
    bigintRatios,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadAverage();
  const options = parseOptions(process.argv.slice(2));
  const budget = options.quick ? quickBudget : fullBudget;
  const { adapters, missing } = await loadAdapters();
  const payloads = buildPayloads().filter((p) => options.only === undefined || options.only.has(p.id));

  console.log('verification (before timing)');
  const checks = payloads.map((p) => verifyPayload(p, adapters));
  let allSame = true;
  for (const check of checks) allSame = printVerification(check) && allSame;
  console.log('');

  const hasTlforge = adapters.some((a) => a.key === 'tlforge');
  const results: PayloadResult[] = [];
  for (const check of checks) {
    process.stderr.write(`timing ${check.payload.id} ${check.payload.name}…\n`);
    results.push(await measurePayload(check, budget, hasTlforge));
  }

  const result: BenchResult = {
    date: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    machine: describeMachine(),
    loadAverage: { start: loadAtStart, end: loadAverage() },
    libraries: adapters.map((a) => ({ key: a.key, label: a.label, layer: a.layer })),
    missing,
    payloads: results,
    durationSec: Math.round((performance.now() - started) / 100) / 10,
  };
  console.log(renderTable(result));

  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const base = options.quick || options.only !== undefined ? 'quick' : 'latest';
  writeFileSync(new URL(`${base}.json`, dir), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(new URL(`${base}.svg`, dir), renderSvg(result));
  console.log(`\nwrote bench/results/${base}.json and bench/results/${base}.svg in ${result.durationSec} s`);
  if (!allSame) {
    console.error('some library encoded a payload to different bytes: see the verification above');
    process.exitCode = 1;
  }
}

await main();
