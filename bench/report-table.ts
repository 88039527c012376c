// The stdout report: per payload, one line per library with sizes, throughput and tlforge's ratio.

import type { BenchResult, OperationResult, PayloadResult } from './bench-result.ts';

export function formatOps(n: number): string {
  if (n >= 100) return Math.round(n).toLocaleString('en-US');
  return n.toPrecision(3);
}

export function formatMb(n: number): string {
  return n >= 100 ? Math.round(n).toString() : n.toFixed(1);
}

export function formatRatio(r: number | undefined): string {
  return r === undefined ? '—' : `×${r >= 10 ? r.toFixed(1) : r.toFixed(2)}`;
}

function cell(op: OperationResult | undefined): [string, string] {
  return op === undefined ? ['—', '—'] : [formatOps(op.opsPerSec), formatMb(op.mbPerSec)];
}

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  '))
    .join('\n');
}

function payloadTable(p: PayloadResult, labels: ReadonlyMap<string, string>): string {
  const withBigint = p.libraries[BIGINT_KEY] !== undefined;
  const rows: string[][] = [
    [
      'library',
      'bytes',
      'ser ops/s',
      'ser MB/s',
      'de ops/s',
      'de MB/s',
      'ours/ser',
      'ours/de',
      ...(withBigint ? ['bigint/ser', 'bigint/de'] : []),
    ],
  ];
  for (const [key, lib] of Object.entries(p.libraries)) {
    const ratio = p.ratios[key];
    const bigintRatio = p.bigintRatios?.[key];
    rows.push([
      labels.get(key) ?? key,
      `${lib.bytes}${lib.identical ? '' : lib.identicalAsLayer214 ? '*' : '!'}`,
      ...cell(lib.serialize),
      ...cell(lib.deserialize),
      key === 'tlforge' ? '' : formatRatio(ratio?.serialize),
      key === 'tlforge' ? '' : formatRatio(ratio?.deserialize),
      ...(withBigint
        ? [
            key === BIGINT_KEY ? '' : formatRatio(bigintRatio?.serialize),
            key === BIGINT_KEY ? '' : formatRatio(bigintRatio?.deserialize),
          ]
        : []),
    ]);
  }
  rows.push([
    'memcpy (slice)',
    `${p.referenceBytes}`,
    ...cell(p.memcpy.slice),
    '',
    '',
    '',
    '',
    ...(withBigint ? ['', ''] : []),
  ]);
  const notes: string[] = [];
  for (const [key, lib] of Object.entries(p.libraries)) {
    if (lib.difference) notes.push(`  ${lib.identicalAsLayer214 ? '*' : '!'} ${key}: ${lib.difference}`);
    if (lib.notTimed) notes.push(`  - ${key}: ${lib.notTimed}`);
  }
  const title = `${p.id}  ${p.name}: ${p.description} (${p.referenceBytes} B)`;
  return [title, pad(rows), ...notes].join('\n');
}

/** tlforge generated with `--long bigint`. */
export const BIGINT_KEY = 'tlforge-bigint';

/**
 * Geometric mean over the payloads of one tlforge variant's ratio (`tlforge` or `tlforge-bigint`) to
 * each peer (mtcute, teleproto), per operation.
 */
export function summarizeRatios(
  result: BenchResult,
  ours: 'tlforge' | typeof BIGINT_KEY = 'tlforge',
): { peer: string; serialize?: number; deserialize?: number }[] {
  const peers = result.libraries.map((l) => l.key).filter((k) => k !== 'tlforge' && k !== BIGINT_KEY);
  const geomean = (values: number[]): number | undefined =>
    values.length === 0 ? undefined : Math.exp(values.reduce((a, v) => a + Math.log(v), 0) / values.length);
  const collect = (peer: string, op: 'serialize' | 'deserialize'): number[] =>
    result.payloads
      .map((p) => (ours === 'tlforge' ? p.ratios : p.bigintRatios)?.[peer]?.[op])
      .filter((r): r is number => r !== undefined);
  return peers.map((peer) => ({
    peer,
    serialize: geomean(collect(peer, 'serialize')),
    deserialize: geomean(collect(peer, 'deserialize')),
  }));
}

export function summaryLines(result: BenchResult): string[] {
  const lines: string[] = [];
  for (const ours of ['tlforge', BIGINT_KEY] as const) {
    if (!result.libraries.some((l) => l.key === ours)) continue;
    const parts = summarizeRatios(result, ours).map(
      (s) => `${s.peer}: serialize ${formatRatio(s.serialize)}, deserialize ${formatRatio(s.deserialize)}`,
    );
    lines.push(`${ours} ÷ peer, geometric mean over the payloads: ${parts.join('; ')}`);
  }
  return lines;
}

export function renderTable(result: BenchResult): string {
  const labels = new Map(result.libraries.map((l) => [l.key, l.key]));
  const m = result.machine;
  const head = [
    `tlforge benchmark (${result.mode}), ${result.date}`,
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node} (V8 ${m.v8}); ${m.platform} ${m.arch}`,
    `load average ${result.loadAverage.start} at start, ${result.loadAverage.end} at end (other processes share the cores)`,
    `libraries: ${result.libraries.map((l) => `${l.key} = ${l.label}, layer ${l.layer}`).join('; ')}`,
    ...result.missing.map((x) => `not measured: ${x.key}: ${x.reason}`),
    'median of batched samples; MB/s = wire bytes ×10^6 per second; ours/X = tlforge ops/s ÷ X ops/s (>1: tlforge faster);',
    'bigint/X = the same for tlforge generated with --long bigint (tlforge-bigint: long fields are native bigints)',
    'bytes: * = differs only by the layer (identical with layer-214 ids, see note), ! = differs',
  ];
  return [
    head.join('\n'),
    ...result.payloads.map((p) => payloadTable(p, labels)),
    summaryLines(result).join('\n'),
  ].join('\n\n');
}
