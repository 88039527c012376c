// The provenance table of schema/README.md, read and written back: padded columns as the file has
// them, the text around it untouched, rows in folder order (latest, then layers newest first).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bumpRows,
  parseProvenanceTable,
  renderProvenanceTable,
  rowFile,
  sortRows,
} from '../../schema/provenance-table.ts';

const padded = [
  'intro',
  '',
  '| folder          | layer | source  | notes     |',
  '| --------------- | ----- | ------- | --------- |',
  '| `latest/api.tl` | 8     | `a\\|b` | new       |',
  '| `layer7/api.tl` | 7     | `pkg@7` | as vendored |',
  '',
  'outro',
].join('\n');

describe('provenance table', () => {
  it('reads the rows, an escaped `|` inside its cell, and writes the table back padded', () => {
    const table = parseProvenanceTable(padded);
    expect(table.rows).toEqual([
      { folder: '`latest/api.tl`', layer: '8', source: '`a\\|b`', notes: 'new' },
      { folder: '`layer7/api.tl`', layer: '7', source: '`pkg@7`', notes: 'as vendored' },
    ]);
    expect(renderProvenanceTable(table).split('\n')).toEqual([
      'intro',
      '',
      '| folder          | layer | source  | notes       |',
      '| --------------- | ----- | ------- | ----------- |',
      '| `latest/api.tl` | 8     | `a\\|b`  | new         |',
      '| `layer7/api.tl` | 7     | `pkg@7` | as vendored |',
      '',
      'outro',
    ]);
  });

  it('puts latest first, then the layers newest first, then other rows, each folder in order', () => {
    const row = (folder: string) => ({ folder: `\`${folder}\``, layer: '', source: '', notes: '' });
    const rows = [
      'layer9/a.tl',
      'other/x.tl',
      'layer122/a.tl',
      'latest/api.tl',
      'layer214/a.tl',
      'latest/mtproto.tl',
    ];
    expect(sortRows(rows.map(row)).map(rowFile)).toEqual([
      'latest/api.tl',
      'latest/mtproto.tl',
      'layer214/a.tl',
      'layer122/a.tl',
      'layer9/a.tl',
      'other/x.tl',
    ]);
  });

  it('refuses a README whose table has other columns', () => {
    expect(() => parseProvenanceTable('| folder | sha256 |\n| --- | --- |\n')).toThrowError(
      expect.objectContaining({ kind: 'no-provenance-table' }),
    );
  });

  it("reads this repository's schema/README.md, which has rows for latest/", () => {
    const readme = readFileSync(new URL('../../schema/README.md', import.meta.url), 'utf8');
    const files = parseProvenanceTable(readme).rows.map(rowFile);
    expect(files).toEqual(expect.arrayContaining(['latest/api.tl', 'latest/mtproto.tl']));
  });
});

describe('bumpRows', () => {
  const row = (folder: string, layer: string, source = 's', notes = 'n') => ({
    folder: `\`${folder}\``,
    layer,
    source,
    notes,
  });
  const rows = [
    row('latest/api.tl', '7', 'pkg'),
    row('latest/mtproto.tl', '7', 'pkg'),
    row('layer3/api.tl', '3'),
  ];

  it('copies the latest rows to the archive, replaces the given part and moves the other to the new layer', () => {
    const api = row('latest/api.json', '8', 'new', 'sha');
    expect(
      bumpRows(rows, { archiveLayer: 7, layer: 8, replacements: [{ part: 'latest/api.', row: api }] }),
    ).toEqual([
      api,
      row('latest/mtproto.tl', '8', 'pkg'),
      row('layer7/api.tl', '7', 'pkg'),
      row('layer7/mtproto.tl', '7', 'pkg'),
      row('layer3/api.tl', '3'),
    ]);
  });

  it('keeps existing archive rows and adds rows for parts latest had none for', () => {
    const withArchive = [...rows, row('layer7/api.tl', '7', 'archived earlier')];
    const mtproto = row('latest/mtproto.tl', '8', 'new');
    const api = row('latest/api.tl', '8', 'new');
    const bumped = bumpRows([withArchive[0], withArchive[2], withArchive[3]], {
      archiveLayer: 7,
      layer: 8,
      replacements: [
        { part: 'latest/api.', row: api },
        { part: 'latest/mtproto.', row: mtproto },
      ],
    });
    expect(bumped).toEqual([
      api,
      mtproto,
      row('layer7/api.tl', '7', 'archived earlier'),
      row('layer3/api.tl', '3'),
    ]);
  });
});
