// `tsx bench/import-time.ts [--quick]`: how long loading each library takes, measured inside fresh
// node processes (median of several, the targets taking turns), from just before the import to just
// after it.
//
// tlforge is measured twice under tsx (which includes TypeScript transpilation: with its on-disk cache
// disabled, and warm) and once as plain JavaScript: generated/latest + src bundled by esbuild (the
// one that ships with tsx), dependencies left external, as a published build would be.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generatedIndex } from './adapters/tlforge.ts';
import { describeMachine, loadAverage } from './machine.ts';

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

async function bundleTlforge(): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const outfile = fileURLToPath(new URL('tlforge-latest.mjs', cacheDir));
  await build({
    entryPoints: [fileURLToPath(generatedIndex)],
    outfile,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  return outfile;
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
  const targets: Target[] = [];
  if (existsSync(fileURLToPath(generatedIndex))) {
    const bundle = await bundleTlforge();
    targets.push(
      importTarget(
        'tlforge (JS)',
        pathToFileURL(bundle).href,
        'generated/latest + src bundled by esbuild, deps external',
      ),
      importTarget(
        'tlforge (tsx, warm)',
        generatedIndex.href,
        'generated/latest/index.ts under tsx, transpile cache warm',
        ['--import', 'tsx'],
      ),
      importTarget(
        'tlforge (tsx, no cache)',
        generatedIndex.href,
        'generated/latest/index.ts under tsx, TSX_DISABLE_CACHE=1: includes transpiling',
        ['--import', 'tsx'],
        { TSX_DISABLE_CACHE: '1' },
      ),
    );
  } else {
    console.log('tlforge: generated/latest/index.ts does not exist yet, measuring the peers only');
  }
  targets.push(
    requireTarget('teleproto', ['teleproto'], "require('teleproto'): the package entry, client included"),
    requireTarget(
      'teleproto/tl',
      ['teleproto/tl'],
      "require('teleproto/tl'): Api only (parses the schema at load)",
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
