// The chart `bench/results/latest.svg`, written by hand (no chart library): for every payload, one
// bar per library for serialize and for deserialize, with the machine, Node version and date.

import type { BenchResult, OperationResult, PayloadResult } from './bench-result.ts';
import { BIGINT_KEY, formatMb, formatOps, formatRatio, summaryLines } from './report-table.ts';

const colors: Readonly<Record<string, string>> = {
  tlforge: '#2563eb',
  'tlforge-bigint': '#60a5fa',
  mtcute: '#ea580c',
  teleproto: '#16a34a',
  telegram: '#6b7280',
};

const width = 1100;
const margin = 24;
const panelGap = 32;
const panelWidth = (width - 2 * margin - panelGap) / 2;
const nameWidth = 100;
const labelWidth = 250;
const barMax = panelWidth - nameWidth - labelWidth;
const barHeight = 16;
const barGap = 5;
const groupHead = 24;
const groupGap = 14;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${attrs ? ` ${attrs}` : ''}>${escapeXml(s)}</text>`;
}

/** Greedy word wrap by character count (12 px system-ui averages well under 7 px per character). */
function wrap(s: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

type Operation = 'serialize' | 'deserialize';

function panel(p: PayloadResult, op: Operation, keys: readonly string[], x: number, y: number): string[] {
  const out: string[] = [];
  const ops = keys.map((k) => p.libraries[k]?.[op]);
  const best = Math.max(...ops.map((o) => o?.opsPerSec ?? 0));
  keys.forEach((key, i) => {
    const by = y + i * (barHeight + barGap);
    const result: OperationResult | undefined = ops[i];
    out.push(text(x + nameWidth - 6, by + barHeight - 4, key, 'text-anchor="end" class="name"'));
    if (result === undefined || best === 0) {
      const why = p.libraries[key]?.notTimed ?? 'not measured';
      out.push(text(x + nameWidth, by + barHeight - 4, `n/a: ${why}`, 'class="na"'));
      return;
    }
    const length = Math.max(1, (result.opsPerSec / best) * barMax);
    out.push(
      `<rect x="${x + nameWidth}" y="${by}" width="${length.toFixed(1)}" height="${barHeight}" rx="2" fill="${colors[key] ?? '#999'}"/>`,
    );
    const ratio =
      key === 'tlforge' || key === BIGINT_KEY || p.ratios[key] === undefined
        ? ''
        : `  ours ${formatRatio(p.ratios[key][op])}${
            p.bigintRatios?.[key] === undefined ? '' : ` · bigint ${formatRatio(p.bigintRatios[key][op])}`
          }`;
    const label = `${formatMb(result.mbPerSec)} MB/s · ${formatOps(result.opsPerSec)}/s${ratio}`;
    out.push(text(x + nameWidth + length + 5, by + barHeight - 4, label, 'class="value"'));
  });
  return out;
}

export function renderSvg(result: BenchResult): string {
  const keys = result.libraries.map((l) => l.key);
  const m = result.machine;
  const body: string[] = [];
  let y = margin;
  body.push(
    text(margin, y + 16, 'tlforge vs mtcute vs teleproto: TL serialize / deserialize', 'class="title"'),
  );
  y += 26;
  body.push(
    text(
      margin,
      y + 12,
      `${m.cpu} · ${m.cores} cores · ${m.memoryGiB} GiB · Node ${m.node} (V8 ${m.v8}) · ${m.platform} ${m.arch} · load avg ${result.loadAverage.start} → ${result.loadAverage.end}`,
      'class="sub"',
    ),
  );
  y += 18;
  const runLine = `${result.date} · ${result.mode} run · ${result.libraries.map((l) => `${l.label} (layer ${l.layer})`).join(' · ')}`;
  for (const line of wrap(runLine, 165)) {
    body.push(text(margin, y + 12, line, 'class="sub"'));
    y += 18;
  }
  body.push(
    text(
      margin,
      y + 12,
      'Bars: ops/s relative to the fastest library for that payload and operation (median). Labels: MB/s of wire bytes, ops/s, tlforge ÷ library.',
      'class="sub"',
    ),
  );
  y += 18;
  for (const summary of summaryLines(result)) {
    body.push(text(margin, y + 12, summary, 'class="summary"'));
    y += 18;
  }
  y += 12;
  const xs = [margin, margin + panelWidth + panelGap];
  (['serialize', 'deserialize'] as const).forEach((op, i) => {
    body.push(text(xs[i], y + 14, op, 'class="panel"'));
  });
  y += 26;
  const groupHeight = keys.length * (barHeight + barGap) - barGap;
  for (const p of result.payloads) {
    body.push(
      text(
        margin,
        y + 14,
        `${p.id}  ${p.name} — ${p.description}, ${p.referenceBytes} bytes (memcpy of as many bytes: ${formatMb(p.memcpy.slice.mbPerSec)} MB/s)`,
        'class="group"',
      ),
    );
    body.push(
      `<line x1="${margin}" y1="${y + 19}" x2="${width - margin}" y2="${y + 19}" stroke="#e5e7eb" stroke-width="1"/>`,
    );
    y += groupHead;
    (['serialize', 'deserialize'] as const).forEach((op, i) => {
      body.push(...panel(p, op, keys, xs[i], y));
    });
    y += groupHeight + groupGap;
  }
  if (result.missing.length > 0) {
    for (const x of result.missing) {
      for (const line of wrap(`not measured: ${x.key}: ${x.reason}`, 160)) {
        body.push(text(margin, y + 12, line, 'class="sub"'));
        y += 16;
      }
    }
  }
  const height = y + margin;
  const style = [
    'text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; fill: #111827; }',
    '.title { font-size: 18px; font-weight: 600; }',
    '.sub { font-size: 12px; fill: #4b5563; }',
    '.summary { font-size: 13px; font-weight: 600; fill: #1e3a8a; }',
    '.panel { font-size: 14px; font-weight: 600; }',
    '.group { font-size: 13px; font-weight: 600; }',
    '.name { font-size: 12px; }',
    '.value { font-size: 11px; fill: #374151; }',
    '.na { font-size: 11px; fill: #9ca3af; font-style: italic; }',
  ].join('\n    ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `  <style>\n    ${style}\n  </style>`,
    `  <rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body.map((line) => `  ${line}`),
    '</svg>',
    '',
  ].join('\n');
}
