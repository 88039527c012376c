// The dissector's tree as text, one value a line: its byte range in a column of its own, then
// `name: type = value`, indented by depth. Ranges into inflated data carry their buffer (`#1[0, 24)`);
// a flags word lists its set bits with the fields they switch on; a vector gives its count; a decode
// error ends the text with its offset, path and reason.

import type { DissectNode, DissectResult } from './dissect-tree.ts';

export interface FormatTreeOptions {
  /** Longest string shown before `…` (in characters); default 80. */
  maxString?: number;
  /** Most bytes shown as hex before `…`; default 32. */
  maxBytes?: number;
}

export function formatDissection(result: DissectResult, options: FormatTreeOptions = {}): string[] {
  const lines: string[] = [];
  const input = result.buffers[0]!;
  const layer = result.layer === undefined ? 'no layer' : `layer ${result.layer}`;
  lines.push(`${layer}, ${input.bytes.length} bytes`);
  for (const buffer of result.buffers.slice(1)) {
    const from = buffer.from!;
    const where = from.buffer === 0 ? `byte ${from.offset}` : `byte ${from.offset} of buffer #${from.buffer}`;
    lines.push(
      `buffer #${buffer.index}: ${buffer.bytes.length} bytes inflated from the gzip_packed at ${where}`,
    );
  }
  const rows: Array<[string, string]> = [];
  collectRows(result.root, 0, rows, options);
  const width = Math.max(...rows.map(([range]) => range.length));
  for (const [range, text] of rows) lines.push(`${range.padEnd(width)}  ${text}`);
  if (result.error !== undefined) lines.push(`error ${result.error.message}`);
  return lines;
}

function collectRows(
  node: DissectNode,
  depth: number,
  rows: Array<[string, string]>,
  options: FormatTreeOptions,
): void {
  const range = `${node.buffer === 0 ? '' : `#${node.buffer}`}[${node.start}, ${node.end})`;
  rows.push([range, `${'  '.repeat(depth)}${nodeText(node, depth === 0, options)}`]);
  for (const child of node.children) collectRows(child, depth + 1, rows, options);
}

/** `name: type = value (note)`; the root shows only what it is. */
export function nodeText(node: DissectNode, root: boolean, options: FormatTreeOptions = {}): string {
  const value = valueText(node, options);
  const name = root ? '' : `${node.name}: `;
  let text: string;
  if (node.definition?.bare && node.definition.name === node.type) text = `${name}${node.type} (bare)`;
  else if (root && node.type === 'Object') text = value;
  else text = `${name}${node.type} = ${value}`;
  if (node.note !== undefined) text += `  (${node.note})`;
  if (node.incomplete) text += '  (incomplete)';
  return text;
}

function valueText(node: DissectNode, options: FormatTreeOptions): string {
  const definition = node.definition;
  if (node.count !== undefined) return `${node.count} ${node.count === 1 ? 'element' : 'elements'}`;
  if (definition !== undefined && node.valueKind !== 'Bool') {
    if (definition.bare) return `${definition.name} (bare)`;
    const kind = definition.result === undefined ? '' : ` (function → ${definition.result})`;
    return `${definition.name}#${definition.id.toString(16).padStart(8, '0')}${kind}`;
  }
  if (node.value === undefined) return node.incomplete ? '…' : '';
  switch (node.valueKind) {
    case '#':
      return flagsText(node);
    case 'string':
      return stringText(node.value as string, options.maxString ?? 80);
    case 'bytes':
    case 'int128':
    case 'int256':
      return bytesText(node.raw ?? new Uint8Array(), options.maxBytes ?? 32);
    case 'Bool':
      return `${node.value} (${node.value ? 'boolTrue' : 'boolFalse'})`;
    case 'double':
      return Object.is(node.value, -0) ? '-0' : String(node.value);
    default:
      return String(node.value);
  }
}

function flagsText(node: DissectNode): string {
  const word = `0x${(node.value as number).toString(16).padStart(8, '0')}`;
  const flags = node.flags;
  if (flags === undefined) return word;
  const bits = flags.set.map((b) => `${b.bit}: ${b.fields.join(', ')}`);
  if (flags.unknown !== 0) bits.push(`unknown bits 0x${flags.unknown.toString(16)}`);
  return bits.length === 0 ? `${word} (no bits set)` : `${word} (${bits.join('; ')})`;
}

function stringText(value: string, max: number): string {
  if (value.length <= max) return JSON.stringify(value);
  const bytes = new TextEncoder().encode(value).length;
  return `${JSON.stringify(value.slice(0, max))}… (${bytes} bytes)`;
}

function bytesText(raw: Uint8Array, max: number): string {
  let hex = '';
  for (const b of raw.subarray(0, max)) hex += b.toString(16).padStart(2, '0');
  const more = raw.length > max ? '…' : '';
  return raw.length === 0 ? '0 bytes' : `${raw.length} bytes ${hex}${more}`;
}
