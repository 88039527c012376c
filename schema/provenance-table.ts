// The provenance table of schema/README.md (`| folder | layer | source | notes |`, one row per
// vendored file), read and written back by a layer bump: the rows of `latest/` are copied to the
// archived `layer<N>/` and replaced by rows for the new files. Written with padded columns, as
// the file is; the text around the table is kept byte for byte.

import { VendorError } from './vendor-error.ts';

/** One row, cells as written (the folder cell in backticks). */
export interface ProvenanceRow {
  folder: string;
  layer: string;
  source: string;
  notes: string;
}

const columns = ['folder', 'layer', 'source', 'notes'] as const;

export interface ProvenanceTable {
  /** The lines before the header row and after the last row. */
  before: string[];
  after: string[];
  rows: ProvenanceRow[];
  eol: string;
}

export function parseProvenanceTable(readme: string): ProvenanceTable {
  const eol = readme.includes('\r\n') ? '\r\n' : '\n';
  const lines = readme.split(eol);
  const header = lines.findIndex((line) => /^\|\s*folder\s*\|/.test(line));
  if (header < 0 || !/^\|[\s|:-]+\|$/.test(lines[header + 1] ?? '')) {
    throw new VendorError(
      'no-provenance-table',
      'schema/README.md has no table starting `| folder | layer | source | notes |`',
    );
  }
  const names = cells(lines[header]);
  if (names.join(' ') !== columns.join(' ')) {
    throw new VendorError(
      'no-provenance-table',
      `the provenance table's columns are ${names.join(', ')}; expected ${columns.join(', ')}`,
    );
  }
  let end = header + 2;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  const rows = lines.slice(header + 2, end).map((line) => {
    const [folder = '', layer = '', source = '', notes = ''] = cells(line);
    return { folder, layer, source, notes };
  });
  return { before: lines.slice(0, header), after: lines.slice(end), rows, eol };
}

export function renderProvenanceTable(table: ProvenanceTable): string {
  const header: ProvenanceRow = { folder: 'folder', layer: 'layer', source: 'source', notes: 'notes' };
  const widths = columns.map((column) =>
    Math.max(3, ...[header, ...table.rows].map((row) => row[column].length)),
  );
  const line = (row: ProvenanceRow) =>
    `| ${columns.map((column, i) => row[column].padEnd(widths[i])).join(' | ')} |`;
  const separator = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [...table.before, line(header), separator, ...table.rows.map(line), ...table.after].join(table.eol);
}

export interface ProvenanceBump {
  /** The previous layer, when latest/'s rows are to be copied as `layer<N>/…` rows (unless present). */
  archiveLayer?: number;
  /** The new layer: the latest rows that no replacement takes are set to it. */
  layer: number;
  /** The rows of the new files, each taking the place of latest/'s row of its part (`latest/api.`). */
  replacements: ReadonlyArray<{ part: string; row: ProvenanceRow }>;
}

/** The rows after a layer bump, sorted by `sortRows`. */
export function bumpRows(rows: readonly ProvenanceRow[], bump: ProvenanceBump): ProvenanceRow[] {
  const result: ProvenanceRow[] = [];
  const placed = new Set<ProvenanceRow>();
  for (const row of rows) {
    const file = rowFile(row);
    if (!file.startsWith('latest/')) {
      result.push(row);
      continue;
    }
    if (bump.archiveLayer !== undefined) {
      const archived = `layer${bump.archiveLayer}/${file.slice('latest/'.length)}`;
      if (!rows.some((other) => rowFile(other) === archived))
        result.push({ ...row, folder: `\`${archived}\`` });
    }
    // A new file takes its part's row, in place; a part not replaced keeps its row, at the new layer.
    const replacement = bump.replacements.find(({ part }) => file.startsWith(part));
    if (replacement === undefined) result.push({ ...row, layer: String(bump.layer) });
    else if (!placed.has(replacement.row)) {
      result.push(replacement.row);
      placed.add(replacement.row);
    }
  }
  for (const { row } of bump.replacements) if (!placed.has(row)) result.push(row);
  return sortRows(result);
}

/** The file a row is about, without backticks: `latest/api.tl`. */
export function rowFile(row: ProvenanceRow): string {
  return row.folder.replace(/^`|`$/g, '');
}

/** Text for a cell: a `|` would end it. */
export function cellText(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** Latest first, then the archived layers, newest first; rows of one folder keep their order. */
export function sortRows(rows: readonly ProvenanceRow[]): ProvenanceRow[] {
  // [group, order within the group]: latest, then layer<N> by N descending, then anything else.
  const rank = (row: ProvenanceRow): [number, number] => {
    const folder = rowFile(row).split('/')[0];
    if (folder === 'latest') return [0, 0];
    const layer = /^layer(\d+)$/.exec(folder);
    return layer === null ? [2, 0] : [1, -Number(layer[1])];
  };
  return rows
    .map((row, index) => ({ row, index, rank: rank(row) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index)
    .map(({ row }) => row);
}

/** The cells of a table line, trimmed; `\|` stays inside its cell. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}
