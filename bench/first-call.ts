// `npx tsx --conditions=@tlforge/source bench/first-call.ts`: what a program pays before the JIT has
// warmed up. Each measurement is a fresh process that loads one library (tlforge bundled to one
// JavaScript file, as an app ships it; mtcute's and teleproto's published JS), builds one payload,
// and times its first serialize, its first deserialize, then the first 1,000 serialize and the first
// 1,000 deserialize calls (compiled by V8's baseline tiers, not yet optimized); a payload with a
// rotation (H) takes its first 1,000 messages in turn. Median of 5 processes per cell, the libraries
// side by side (mtcute reads no requests: D has no deserialize; telegram@1.5.27 is layer 122, see
// payloads.ts). About 5 minutes on an idle machine. Writes bench/results/first-call.json; `--quick` (3 processes per cell)
// and `--only=A,H` write bench/results/first-call-quick.json.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildClassTree, type GramjsApi } from './adapters/gramjs-class-tree.ts';
import type { LibraryAdapter } from './adapters/library-adapter.ts';
import { loadTlforgeAdapter } from './adapters/tlforge.ts';
import { describeMachine, loadAverage } from './machine.ts';
import { buildPayloads, payloadMessages, telegram1527NotMeasured } from './payloads.ts';

interface FirstCall {
  library: string;
  payload: string;
  firstSerializeUs: number;
  firstDeserializeUs: number | null;
  first1000SerializeOpsPerSecond: number;
  /** Of deserialize (the name older results used). */
  first1000OpsPerSecond: number | null;
}

const FIRST_CALLS = 1000;
const libraries = ['tlforge', 'mtcute', 'teleproto'];
const self = fileURLToPath(import.meta.url);

/** tlforge's layer 214 and runtime as one JavaScript file, as an app ships them (tsx transpiles on load). */
const bundled = fileURLToPath(new URL('.cache/first-call-tlforge.mjs', import.meta.url));

/** Imported on demand: a child loads its one library, not the others' modules too. */
async function adapter(library: string): Promise<LibraryAdapter> {
  if (library === 'mtcute') return (await import('./adapters/mtcute.ts')).createMtcuteAdapter();
  if (library === 'teleproto') return (await import('./adapters/teleproto.ts')).createTeleprotoAdapter();
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
  // Built before anything is timed, as an app has its objects before it encodes them.
  const objects = payloadMessages(payload)
    .slice(0, FIRST_CALLS)
    .map((root) => lib.build(root));
  const decodes = lib.cannotDecode?.(payload.root, payload.isRequest) === undefined;
  let t = performance.now();
  const bytes = lib.serialize(objects[0]);
  const firstSerializeUs = (performance.now() - t) * 1000;
  let firstDeserializeUs: number | null = null;
  if (decodes) {
    t = performance.now();
    lib.deserialize(bytes);
    firstDeserializeUs = (performance.now() - t) * 1000;
  }
  // The serialize calls also give the bytes that the deserialize calls read, message by message.
  const encodings: Uint8Array[] = new Array(FIRST_CALLS);
  t = performance.now();
  for (let i = 0; i < FIRST_CALLS; i++) encodings[i] = lib.serialize(objects[i % objects.length]);
  const first1000SerializeOpsPerSecond = FIRST_CALLS / ((performance.now() - t) / 1000);
  let first1000OpsPerSecond: number | null = null;
  if (decodes) {
    t = performance.now();
    for (let i = 0; i < FIRST_CALLS; i++) lib.deserialize(encodings[i]);
    first1000OpsPerSecond = FIRST_CALLS / ((performance.now() - t) / 1000);
  }
  const result: FirstCall = {
    library,
    payload: payloadName,
    firstSerializeUs,
    firstDeserializeUs,
    first1000SerializeOpsPerSecond,
    first1000OpsPerSecond,
  };
  process.stdout.write(JSON.stringify(result));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Options {
  readonly runs: number;
  readonly only?: ReadonlySet<string>;
}

function parseOptions(argv: readonly string[]): Options {
  let runs = 5;
  let only: Set<string> | undefined;
  for (const arg of argv) {
    if (arg === '--quick') runs = 3;
    else if (arg.startsWith('--only=')) only = new Set(arg.slice(7).toUpperCase().split(','));
    else throw new Error(`unknown option ${arg} (use --quick, --only=A,H)`);
  }
  return { runs, only };
}

async function parent(options: Options): Promise<void> {
  const loadAtStart = loadAverage();
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
  const payloads = buildPayloads()
    .map((p) => p.id)
    .filter((id) => options.only === undefined || options.only.has(id));
  const rows: FirstCall[] = [];
  for (const payload of payloads) {
    process.stderr.write(`${payload}…\n`);
    // The libraries take turns, so that a burst of load from other processes hits all of them alike.
    const runsOf = new Map(libraries.map((library): [string, FirstCall[]] => [library, []]));
    for (let i = 0; i < options.runs; i++) {
      for (const library of libraries) {
        const out = spawnSync(process.execPath, [...process.execArgv, self, library, payload], {
          encoding: 'utf8',
        });
        if (out.status !== 0) throw new Error(`${library} ${payload}: ${out.stderr}`);
        runsOf.get(library)!.push(JSON.parse(out.stdout) as FirstCall);
      }
    }
    for (const library of libraries) {
      const runs = runsOf.get(library)!;
      const pick = (key: keyof FirstCall) => {
        const values = runs.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
        return values.length === 0 ? null : median(values);
      };
      rows.push({
        library,
        payload,
        firstSerializeUs: pick('firstSerializeUs')!,
        firstDeserializeUs: pick('firstDeserializeUs'),
        first1000SerializeOpsPerSecond: pick('first1000SerializeOpsPerSecond')!,
        first1000OpsPerSecond: pick('first1000OpsPerSecond'),
      });
    }
  }
  const f = (n: number | null, digits = 0) => (n === null ? '—' : n.toFixed(digits));
  console.log(
    'payload | library | first serialize µs | first deserialize µs | first 1,000 serialize ops/s | first 1,000 deserialize ops/s',
  );
  for (const r of rows) {
    console.log(
      `${r.payload} | ${r.library} | ${f(r.firstSerializeUs)} | ${f(r.firstDeserializeUs)} | ${f(r.first1000SerializeOpsPerSecond)} | ${f(r.first1000OpsPerSecond)}`,
    );
  }
  console.log(`not measured: telegram@1.5.27: ${telegram1527NotMeasured}`);
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  const partial = options.runs !== 5 || options.only !== undefined;
  writeFileSync(
    new URL(`results/first-call${partial ? '-quick' : ''}.json`, import.meta.url),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: describeMachine(),
        loadAverage: { start: loadAtStart, end: loadAverage() },
        runs: options.runs,
        rows,
        missing: [{ key: 'telegram@1.5.27', reason: telegram1527NotMeasured }],
      },
      null,
      2,
    )}\n`,
  );
}

const [library, payload] = process.argv.slice(2);
if (library !== undefined && !library.startsWith('--') && payload !== undefined)
  await child(library, payload);
else await parent(parseOptions(process.argv.slice(2)));
