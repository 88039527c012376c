// `tsx bench/retained-heap.ts [--quick]`: memory kept alive by decoded objects. For every library and
// payload, a fresh `node --expose-gc` process decodes N copies of the library's own bytes, keeps them,
// collects garbage, and reports (heapUsed + external after − before) / N, next to the wire size.

import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LibraryAdapter } from './adapters/library-adapter.ts';
import { createMtcuteAdapter } from './adapters/mtcute.ts';
import { createTeleprotoAdapter } from './adapters/teleproto.ts';
import { generatedIndex, loadTlforgeAdapter } from './adapters/tlforge.ts';
import { describeMachine } from './machine.ts';
import { buildPayloads } from './payloads.ts';

interface ChildResult {
  readonly library: string;
  readonly payload: string;
  readonly copies: number;
  readonly wireBytes: number;
  readonly messages: number;
  readonly heapPerCopy: number;
  readonly externalPerCopy: number;
}

const measuredPayloads = ['A', 'B', 'C', 'E'];

async function adapterFor(key: string): Promise<LibraryAdapter> {
  if (key === 'mtcute') return createMtcuteAdapter();
  if (key === 'teleproto') return createTeleprotoAdapter();
  const ours = await loadTlforgeAdapter(key === 'tlforge-bigint' ? 'tlforge-bigint' : 'tlforge');
  if (typeof ours === 'string') throw new Error(ours);
  return ours;
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 4; i++) gc();
}

async function child(library: string, payloadId: string, totalWireBytes: number): Promise<void> {
  const adapter = await adapterFor(library);
  const payload = buildPayloads().find((p) => p.id === payloadId)!;
  const bytes = adapter.serialize(adapter.build(payload.root));
  const copies = Math.max(100, Math.min(20_000, Math.ceil(totalWireBytes / bytes.byteLength)));
  const kept: unknown[] = new Array(copies).fill(null);
  adapter.deserialize(bytes); // load lazily-initialized tables before the baseline
  collect();
  const before = process.memoryUsage();
  for (let i = 0; i < copies; i++) kept[i] = adapter.deserialize(bytes);
  collect();
  const after = process.memoryUsage();
  const result: ChildResult = {
    library,
    payload: payloadId,
    copies,
    wireBytes: bytes.byteLength,
    messages: payload.messageCount,
    heapPerCopy: (after.heapUsed - before.heapUsed) / copies,
    externalPerCopy: (after.external - before.external) / copies,
  };
  if (kept.length !== copies) throw new Error('unreachable: keeps the decoded objects alive until here');
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function parent(quick: boolean): Promise<void> {
  const libraries = ['tlforge', 'tlforge-bigint', 'mtcute', 'teleproto'];
  const totalWireBytes = quick ? 1_000_000 : 4_000_000;
  const script = fileURLToPath(import.meta.url);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const results: ChildResult[] = [];
  const skipped: string[] = [];
  for (const library of libraries) {
    if (library.startsWith('tlforge') && !existsSync(fileURLToPath(generatedIndex))) {
      skipped.push('tlforge: @tlforge/layers/latest does not exist yet');
      continue;
    }
    for (const payload of measuredPayloads) {
      const run = spawnSync(
        process.execPath,
        [
          '--expose-gc',
          '--import',
          'tsx',
          script,
          `--child=${library}`,
          `--payload=${payload}`,
          `--wire=${totalWireBytes}`,
        ],
        { cwd: root, encoding: 'utf8' },
      );
      if (run.status !== 0) {
        skipped.push(`${library} ${payload}: ${run.stderr.trim().split('\n').slice(-2).join(' ')}`);
        continue;
      }
      results.push(JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult);
    }
  }

  console.log('retained memory per decoded payload (heapUsed + external after GC), fresh process each');
  const header = [
    'library',
    'payload',
    'wire B',
    'copies',
    'heap B',
    'ext B',
    'B/message',
    'wire B/msg',
    '× wire',
  ];
  const rows = results.map((r) => {
    const total = r.heapPerCopy + r.externalPerCopy;
    return [
      r.library,
      r.payload,
      `${r.wireBytes}`,
      `${r.copies}`,
      `${Math.round(r.heapPerCopy)}`,
      `${Math.round(r.externalPerCopy)}`,
      `${Math.round(total / r.messages)}`,
      `${Math.round(r.wireBytes / r.messages)}`,
      (total / r.wireBytes).toFixed(1),
    ];
  });
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const row of table) {
    console.log(row.map((v, c) => (c < 2 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  '));
  }
  for (const s of skipped) console.log(`not measured: ${s}`);
  const out = new URL('./results/retained-heap.json', import.meta.url);
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), quick, machine: describeMachine(), results, skipped }, null, 2)}\n`,
  );
  console.log('wrote bench/results/retained-heap.json');
}

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const childLibrary = arg('child');
if (childLibrary !== undefined) {
  await child(childLibrary, arg('payload')!, Number(arg('wire')));
} else {
  await parent(process.argv.includes('--quick'));
}
