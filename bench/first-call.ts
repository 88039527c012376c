// `npx tsx --conditions=@tlforge/source bench/first-call.ts`: what a program pays before the JIT has
// warmed up. Each measurement is a fresh process that loads one library (tlforge bundled to one
// JavaScript file, as an app ships it; mtcute's published JS), builds one payload, and
// times its first serialize, its first deserialize, and the first 1,000 deserialize calls (compiled
// by V8's baseline tiers, not yet optimized). Median of 5 processes per cell, tlforge beside mtcute
// (mtcute reads no requests: D has no deserialize). Writes bench/results/first-call.json.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildClassTree, type GramjsApi } from './adapters/gramjs-class-tree.ts';
import type { LibraryAdapter } from './adapters/library-adapter.ts';
import { createMtcuteAdapter } from './adapters/mtcute.ts';
import { loadTlforgeAdapter } from './adapters/tlforge.ts';
import { buildPayloads } from './payloads.ts';

interface FirstCall {
  library: string;
  payload: string;
  firstSerializeUs: number;
  firstDeserializeUs: number | null;
  first1000OpsPerSecond: number | null;
}

const RUNS = 5;
const self = fileURLToPath(import.meta.url);

/** tlforge's layer 214 and runtime as one JavaScript file, as an app ships them (tsx transpiles on load). */
const bundled = fileURLToPath(new URL('.cache/first-call-tlforge.mjs', import.meta.url));

async function adapter(library: string): Promise<LibraryAdapter> {
  if (library === 'mtcute') return createMtcuteAdapter();
  const { Api, deserialize } = (await import(pathToFileURL(bundled).href)) as {
    Api: GramjsApi;
    deserialize(bytes: Uint8Array): unknown;
  };
  return {
    key: 'tlforge',
    label: 'tlforge (layer 214, bundled)',
    layer: 214,
    build: (root) => buildClassTree(Api, root, { long: (v) => v, bytes: (v) => v }),
    serialize: (obj) => (obj as { serialize(): Uint8Array }).serialize(),
    deserialize: (bytes) => deserialize(bytes),
  };
}

/** In the child: one library, one payload, first calls timed. */
async function child(library: string, payloadName: string): Promise<void> {
  const lib = await adapter(library);
  const payload = buildPayloads().find((p) => p.id === payloadName)!;
  const obj = lib.build(payload.root);
  let t = performance.now();
  const bytes = lib.serialize(obj);
  const firstSerializeUs = (performance.now() - t) * 1000;
  let firstDeserializeUs: number | null = null;
  let first1000OpsPerSecond: number | null = null;
  if (!(library === 'mtcute' && payload.isRequest)) {
    t = performance.now();
    lib.deserialize(bytes);
    firstDeserializeUs = (performance.now() - t) * 1000;
    t = performance.now();
    for (let i = 0; i < 1000; i++) lib.deserialize(bytes);
    first1000OpsPerSecond = 1000 / ((performance.now() - t) / 1000);
  }
  const result: FirstCall = {
    library,
    payload: payloadName,
    firstSerializeUs,
    firstDeserializeUs,
    first1000OpsPerSecond,
  };
  process.stdout.write(JSON.stringify(result));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function parent(): Promise<void> {
  // Generate and bundle once, so that the children only load.
  await loadTlforgeAdapter('tlforge', false);
  await build({
    entryPoints: [fileURLToPath(new URL('.cache/layer214/index.ts', import.meta.url))],
    outfile: bundled,
    bundle: true,
    format: 'esm',
    platform: 'node',
    conditions: ['@tlforge/source'],
    external: ['big-integer'],
    logLevel: 'error',
  });
  const payloads = buildPayloads().map((p) => p.id);
  const rows: FirstCall[] = [];
  for (const payload of payloads) {
    for (const library of ['tlforge', 'mtcute']) {
      const runs: FirstCall[] = [];
      for (let i = 0; i < RUNS; i++) {
        const out = spawnSync(process.execPath, [...process.execArgv, self, library, payload], {
          encoding: 'utf8',
        });
        if (out.status !== 0) throw new Error(`${library} ${payload}: ${out.stderr}`);
        runs.push(JSON.parse(out.stdout) as FirstCall);
      }
      const pick = (key: keyof FirstCall) => {
        const values = runs.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
        return values.length === 0 ? null : median(values);
      };
      rows.push({
        library,
        payload,
        firstSerializeUs: pick('firstSerializeUs')!,
        firstDeserializeUs: pick('firstDeserializeUs'),
        first1000OpsPerSecond: pick('first1000OpsPerSecond'),
      });
    }
  }
  const f = (n: number | null, digits = 0) => (n === null ? '—' : n.toFixed(digits));
  console.log(
    'payload | library | first serialize µs | first deserialize µs | first 1,000 deserialize ops/s',
  );
  for (const r of rows) {
    console.log(
      `${r.payload} | ${r.library} | ${f(r.firstSerializeUs)} | ${f(r.firstDeserializeUs)} | ${f(r.first1000OpsPerSecond)}`,
    );
  }
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('results/first-call.json', import.meta.url),
    `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, rows }, null, 2)}\n`,
  );
}

const [library, payload] = process.argv.slice(2);
if (library !== undefined && payload !== undefined) await child(library, payload);
else await parent();
