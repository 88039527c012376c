// `tsx bench/import-time.ts [--quick]`: how long loading each library takes, measured inside fresh
// node processes (median of several, the targets taking turns), from just before the import to just
// after it.
//
// tlforge is measured twice under tsx (which includes TypeScript transpilation: with its on-disk cache
// disabled, and warm) and once as plain JavaScript: @tlforge/layers/latest + runtime bundled by esbuild (the
// one that ships with tsx), dependencies left external, as a published build would be; so are the
// `generate --only` subsets of the latest layer for one request (the apps of bundle-size.ts). Beside
// them mtcute, teleproto and GramJS (telegram 1.5.27) as their users load them. About 2 minutes.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generateSchemaSet } from '../packages/codegen/src/emit/generate.ts';
import { loadSchema } from '../packages/codegen/src/model/load-schema.ts';
import { vendoredSets } from '../scripts/generate-layers.ts';
import { generatedIndex } from './adapters/tlforge.ts';
import { describeMachine, loadAverage } from './machine.ts';
import { packageVersion } from './package-version.ts';

interface Target {
  readonly name: string;
  readonly note: string;
  /** Node arguments before `-e`. */
  readonly nodeArgs: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Program that prints the import's duration in ms. */
  readonly program: string;
  readonly esm: boolean;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = new URL('./.cache/', import.meta.url);

function requireTarget(name: string, specifiers: readonly string[], note: string): Target {
  const loads = specifiers.map((s) => `require(${JSON.stringify(s)});`).join(' ');
  return {
    name,
    note,
    nodeArgs: [],
    esm: false,
    program: `const t0 = performance.now(); ${loads} const t1 = performance.now(); process.stdout.write(String(t1 - t0));`,
  };
}

function importTarget(name: string, url: string, note: string, nodeArgs: string[] = [], env = {}): Target {
  return {
    name,
    note,
    nodeArgs,
    env,
    esm: true,
    program: `const t0 = performance.now(); await import(${JSON.stringify(url)}); const t1 = performance.now(); process.stdout.write(String(t1 - t0));`,
  };
}

/** The requests of the `--only` subsets measured (as bundle-size.ts bundles them). */
const subsets = ['messages.startBot', 'bots.sendCustomRequest'];

async function bundleTlforge(index: URL, name: string): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const outfile = fileURLToPath(new URL(`${name}.mjs`, cacheDir));
  await build({
    entryPoints: [fileURLToPath(index)],
    outfile,
    bundle: true,
    // The runtime is bundled from its sources, as a published app bundle would include it; its own
    // dependencies stay external.
    conditions: ['@tlforge/source'],
    external: ['big-integer'],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  return outfile;
}

const floorKinds = ['none', 'deps', 'empty', 'eager', 'lazy', 'runtime'] as const;
type FloorKind = (typeof floorKinds)[number];

/**
 * Floors for any design that, like tlforge, gives every constructor a class with its own codec and no
 * `eval`: synthetic modules of `count` classes, as small as such a class can be (4 fields, a 5-call
 * `_write`, a 5-read `fromReader`, 4 metadata properties). `eager` defines them all at load, as
 * @tlforge/layers/latest does; `lazy` defines each on first access through a getter, so V8 only preparses
 * them. The plain module (`export const x = 1`) is the cost of `import()` itself, and `deps` imports
 * only the packages that the bundle imports (big-integer, a CommonJS module, and fflate): what any
 * tlforge build pays before its own code is even parsed.
 *
 * `runtime` stands for the other kind of design, which compiles codecs at run time (`new Function`,
 * which a Content Security Policy without 'unsafe-eval' forbids): big-integer, the schema's
 * combinator lines as one string split at load, and a getter per combinator that builds an empty class
 * with `new Function` on first access. No codec, no schema parsing, no fflate: a generous floor.
 */
function writeFloorModules(
  count: number,
  packages: readonly string[],
  combinators: readonly string[],
): Record<FloorKind, string> {
  const define =
    'const D = Symbol();\n' +
    'function def(C, id, sid, n, t) { for (const o of [C, C.prototype]) Object.assign(o, { CONSTRUCTOR_ID: id, SUBCLASS_OF_ID: sid, className: n, classType: t }); return C; }\n' +
    'export const Api = {};\n';
  const classBody = (i: number) =>
    `class C${i} { constructor(a) { if (a === D) return; this.bot = a.bot; this.peer = a.peer; this.randomId = a.randomId; this.startParam = a.startParam; }` +
    ` _write(w) { w.uint(${i}); w.obj(this.bot); w.obj(this.peer); w.long(this.randomId); w.string(this.startParam); }` +
    ` static fromReader(r) { const o = new C${i}(D); o.bot = r.obj(); o.peer = r.obj(); o.randomId = r.long(); o.startParam = r.string(); return o; } }`;
  const lines: Record<FloorKind, string[]> = {
    none: ['export const x = 1;'],
    deps: packages.map((name) => `import ${JSON.stringify(name)};`),
    empty: [define],
    eager: [define],
    lazy: [define, 'function make(i) { switch (i) {'],
    runtime: [
      "import bigInt from 'big-integer';",
      'export const x = [bigInt];',
      'export const Api = {};',
      `const lines = ${JSON.stringify(combinators.join('\n'))}.split('\\n');`,
      'for (const line of lines) {',
      '  const name = line.slice(0, line.search(/[#\\s]/));',
      "  const dot = name.lastIndexOf('.');",
      '  const ns = dot < 0 ? Api : (Api[name.slice(0, dot)] ??= {});',
      '  const key = name[dot + 1].toUpperCase() + name.slice(dot + 2);',
      '  Object.defineProperty(ns, key, { configurable: true, enumerable: true, get() {',
      "    const C = new Function('return class ' + key + ' {}')();",
      '    Object.defineProperty(ns, key, { value: C, enumerable: true });',
      '    return C;',
      '  } });',
      '}',
    ],
  };
  for (let i = 0; i < count; i++) {
    lines.empty.push(`class C${i} {}\nApi.C${i} = C${i};`);
    lines.eager.push(`${classBody(i)}\nApi.C${i} = def(C${i}, ${i}, ${i * 7}, 'ns.C${i}', 'constructor');`);
    lines.lazy.push(`case ${i}: return def(${classBody(i)}, ${i}, ${i * 7}, 'ns.C${i}', 'constructor');`);
  }
  lines.lazy.push(
    '} }',
    `for (let i = 0; i < ${count}; i++) Object.defineProperty(Api, 'C' + i, { configurable: true, enumerable: true,` +
      ` get() { const C = make(i); Object.defineProperty(Api, 'C' + i, { value: C, enumerable: true }); return C; } });`,
  );
  return Object.fromEntries(
    floorKinds.map((kind) => {
      const file = fileURLToPath(new URL(`floor-${kind}.mjs`, cacheDir));
      writeFileSync(file, `${lines[kind].join('\n')}\n`);
      return [kind, pathToFileURL(file).href];
    }),
  ) as Record<FloorKind, string>;
}

function runOnce(target: Target): number {
  const args = [...target.nodeArgs, ...(target.esm ? ['--input-type=module'] : []), '-e', target.program];
  const child = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...target.env },
    encoding: 'utf8',
  });
  if (child.status !== 0)
    throw new Error(`${target.name}: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const ms = Number(child.stdout.trim().split('\n').pop());
  if (!Number.isFinite(ms)) throw new Error(`${target.name}: unexpected output ${child.stdout}`);
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const loadAtStart = loadAverage();
  const runs = quick ? 3 : 9;
  const gramjsVersion = packageVersion('telegram');
  const targets: Target[] = [];
  if (existsSync(fileURLToPath(generatedIndex))) {
    const bundle = await bundleTlforge(generatedIndex, 'tlforge-latest');
    const bundleText = readFileSync(bundle, 'utf8');
    const classCount = bundleText.split('defineTlClass(').length - 2;
    // The packages the bundle imports (dependencies stay external): `import x from "big-integer";`.
    const packages = [
      ...new Set(Array.from(bundleText.matchAll(/^import .* from "([^"]+)";$/gm), (m) => m[1])),
    ];
    const latest = vendoredSets.find((set) => set.name === 'latest')!;
    const combinators = loadSchema(
      latest.files.map((file) => fileURLToPath(new URL(`../${file}`, import.meta.url))),
    )
      .parsed.flatMap((schema) => schema.declarations)
      .filter((d) => !d.primitive)
      .map((d) => d.source);
    const floors = writeFloorModules(classCount, packages, combinators);
    // `tlforge generate <latest> --only <request>`, then bundled as the full layer is.
    const subsetBundles: string[] = [];
    for (const name of subsets) {
      const outDir = fileURLToPath(new URL(`only-${name.replace('.', '-')}/`, cacheDir));
      rmSync(outDir, { recursive: true, force: true });
      generateSchemaSet({
        files: latest.files.map((file) => fileURLToPath(new URL(`../${file}`, import.meta.url))),
        outDir,
        only: [name],
      });
      subsetBundles.push(
        await bundleTlforge(new URL('index.ts', pathToFileURL(outDir)), `tlforge-only-${name}`),
      );
    }
    targets.push(
      importTarget('floor: import()', floors.none, 'a one-line module: the cost of import() itself'),
      importTarget(
        'floor: dependencies',
        floors.deps,
        `only the packages the bundle imports: ${packages.join(', ')}`,
      ),
      importTarget('floor: empty classes', floors.empty, `${classCount} empty classes on one object`),
      importTarget(
        'floor: eager classes',
        floors.eager,
        `${classCount} minimal codec classes (4 fields) with metadata, all defined at load`,
      ),
      importTarget(
        'floor: lazy classes',
        floors.lazy,
        `the same ${classCount} classes, each defined on first access (preparsed only)`,
      ),
      importTarget(
        'floor: compiled at run time',
        floors.runtime,
        `big-integer, ${combinators.length} schema lines split at load, an empty class by new Function on first access`,
      ),
    );
    targets.push(
      importTarget(
        'tlforge (JS)',
        pathToFileURL(bundle).href,
        '@tlforge/layers/latest + runtime bundled by esbuild, deps external',
      ),
      ...subsets.map((name, i) => {
        const bytes = statSync(subsetBundles[i]).size;
        return importTarget(
          `tlforge --only ${name} (JS)`,
          pathToFileURL(subsetBundles[i]).href,
          `the latest layer generated with --only ${name} (${Math.round(bytes / 1024)} KB), bundled the same way`,
        );
      }),
      importTarget(
        'tlforge (tsx, warm)',
        generatedIndex.href,
        '@tlforge/layers/latest under tsx, transpile cache warm',
        ['--conditions=@tlforge/source', '--import', 'tsx'],
      ),
      importTarget(
        'tlforge (tsx, no cache)',
        generatedIndex.href,
        '@tlforge/layers/latest under tsx, TSX_DISABLE_CACHE=1: includes transpiling',
        ['--conditions=@tlforge/source', '--import', 'tsx'],
        { TSX_DISABLE_CACHE: '1' },
      ),
    );
  } else {
    console.log('tlforge: @tlforge/layers/latest does not exist yet, measuring the peers only');
  }
  targets.push(
    requireTarget('teleproto', ['teleproto'], "require('teleproto'): the package entry, client included"),
    requireTarget(
      'teleproto/tl',
      ['teleproto/tl'],
      "require('teleproto/tl'): the Api entry (parses the schema at load; its message class loads the client too)",
    ),
    requireTarget(
      `GramJS (telegram ${gramjsVersion})`,
      ['telegram'],
      "require('telegram'): the package entry, client included (layer 122)",
    ),
    requireTarget(
      `GramJS (telegram ${gramjsVersion})/tl`,
      ['telegram/tl'],
      "require('telegram/tl'): the Api entry (parses the schema at load; its message class loads the client too)",
    ),
    requireTarget(
      '@mtcute/tl',
      ['@mtcute/tl'],
      "require('@mtcute/tl'): the tl namespace, LAYER, error texts",
    ),
    requireTarget(
      '@mtcute/tl binary',
      ['@mtcute/tl-runtime', '@mtcute/tl/binary/reader.js', '@mtcute/tl/binary/writer.js'],
      'what encoding/decoding needs: tl-runtime + reader and writer maps',
    ),
  );

  // Round-robin over the targets, so that a burst of load from other processes hits all of them alike.
  for (const target of targets) runOnce(target); // warms the OS file cache (and tsx's transpile cache)
  const times = targets.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    targets.forEach((target, t) => {
      times[t].push(runOnce(target));
    });
  }
  const rows = targets.map((target, t) => ({
    name: target.name,
    note: target.note,
    medianMs: median(times[t]),
    minMs: Math.min(...times[t]),
    maxMs: Math.max(...times[t]),
    runs,
  }));

  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`import time, median of ${runs} fresh node processes (${process.version})`);
  for (const r of rows) {
    const range = `${r.minMs.toFixed(1)}–${r.maxMs.toFixed(1)}`;
    console.log(`${r.name.padEnd(width)}  ${r.medianMs.toFixed(1).padStart(7)} ms  (${range})  ${r.note}`);
  }
  const out = new URL('./results/import-time.json', import.meta.url);
  const load = { start: loadAtStart, end: loadAverage() };
  console.log(`load average ${load.start} at start, ${load.end} at end (other processes share the cores)`);
  const result = {
    date: new Date().toISOString(),
    quick,
    machine: describeMachine(),
    loadAverage: load,
    rows,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log('wrote bench/results/import-time.json');
}

await main();
