// `npm run schema:vendor`'s steps, run by `vendorSchema` on a schema folder written for each test
// under tmp/ (never on the repository's schema/), with the regeneration step recorded instead of
// run: the previous layer archived, the new files in latest/, the provenance rows, the change
// report and the printed lines, exactly; and every refusal leaving the folder untouched.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vendorSchema } from '../../schema/vendor.ts';
import { VendorError } from '../../schema/vendor-error.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';

const scratch = scratchDir('tlforge-vendor-');
afterAll(() => removeScratch(scratch));

const readme = [
  '# Vendored schemas',
  '',
  'Where each file comes from.',
  '',
  '| folder | layer | source | notes |',
  '| --- | --- | --- | --- |',
  '| `latest/api.tl` | 7 | `pkg@7`, `api.js` | comments stripped |',
  '| `latest/mtproto.tl` | 7 | `pkg@7`, `schema.js` | service definitions added |',
  '| `layer3/api.tl` | 3 | `old@3` | as shipped |',
  '',
  'The text after the table.',
  '',
].join('\n');

const api7 = '// LAYER 7\nuser id:int = User;\n---functions---\nusers.get id:int = User;\n';
const api8 =
  '// LAYER 8\nuser id:long = User;\n---functions---\nusers.get id:int = User;\nusers.find query:string = User;\n';
const mtproto7 = 'pong ping_id:long = Pong;\n---functions---\nping ping_id:long = Pong;\n';
const mtproto8 = 'pong msg_id:long ping_id:long = Pong;\n---functions---\nping ping_id:long = Pong;\n';
// The files write no `#id`: the ids in the change report are the CRC32s the resolver computes.

let cases = 0;

/** A repository-like folder: schema/ with latest (layer 7), its README, and `files` beside it. */
function setUp(files: Record<string, string> = {}): string {
  const root = join(scratch, `case${++cases}`);
  const all: Record<string, string> = {
    'schema/README.md': readme,
    'schema/latest/api.tl': api7,
    'schema/latest/mtproto.tl': mtproto7,
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Every file under `dir` with its text, by path relative to it. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const name of readdirSync(join(dir, relative)).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return files;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function vendor(root: string, sources: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const regenerated: Array<Record<string, string>> = [];
  const run = vendorSchema({
    sources,
    cwd: root,
    schemaDir: join(root, 'schema'),
    date: '2026-08-01',
    output: { out: (line) => out.push(line), err: (line) => err.push(line) },
    // What regeneration would read: latest/ must be the new layer by then.
    regenerate: () => regenerated.push(snapshot(join(root, 'schema/latest'))),
  });
  return { run, out, err, regenerated };
}

describe('vendorSchema', () => {
  it('archives layer 7, writes layer 8 into latest/, its provenance rows and the change report', async () => {
    const root = setUp({ 'incoming/api.tl': api8, 'incoming/mtproto.tl': mtproto8 });
    const { run, out, err, regenerated } = await vendor(root, ['incoming/api.tl', 'incoming/mtproto.tl']);
    const result = await run;

    const [apiSha, mtprotoSha] = [sha256(api8), sha256(mtproto8)];
    const schema = snapshot(join(root, 'schema'));
    expect(Object.keys(schema)).toEqual([
      'README.md',
      'changes/7-to-8.md',
      'latest/api.tl',
      'latest/mtproto.tl',
      'layer7/api.tl',
      'layer7/mtproto.tl',
    ]);
    expect([schema['latest/api.tl'], schema['latest/mtproto.tl']]).toEqual([api8, mtproto8]);
    expect([schema['layer7/api.tl'], schema['layer7/mtproto.tl']]).toEqual([api7, mtproto7]);
    expect(regenerated).toEqual([{ 'api.tl': api8, 'mtproto.tl': mtproto8 }]);

    const notes = (sha: string) =>
      `vendored 2026-08-01 by \`npm run schema:vendor\`, byte-for-byte; sha256 \`${sha}\``;
    expect(notes(apiSha)).toHaveLength(136);
    const row = (folder: string, layer: string, source: string, note: string) =>
      `| ${folder.padEnd(19)} | ${layer.padEnd(5)} | ${source.padEnd(21)} | ${note.padEnd(136)} |`;
    expect(schema['README.md']).toBe(
      [
        '# Vendored schemas',
        '',
        'Where each file comes from.',
        '',
        row('folder', 'layer', 'source', 'notes'),
        `| ${'-'.repeat(19)} | ----- | ${'-'.repeat(21)} | ${'-'.repeat(136)} |`,
        row('`latest/api.tl`', '8', '`incoming/api.tl`', notes(apiSha)),
        row('`latest/mtproto.tl`', '8', '`incoming/mtproto.tl`', notes(mtprotoSha)),
        row('`layer7/api.tl`', '7', '`pkg@7`, `api.js`', 'comments stripped'),
        row('`layer7/mtproto.tl`', '7', '`pkg@7`, `schema.js`', 'service definitions added'),
        row('`layer3/api.tl`', '3', '`old@3`', 'as shipped'),
        '',
        'The text after the table.',
        '',
      ].join('\n'),
    );

    expect(schema['changes/7-to-8.md']).toBe(
      [
        '# Schema changes: layer 7 → layer 8',
        '',
        '1 added, 0 removed, 2 changed (2 breaking), 2 unchanged.',
        '',
        'From `schema/layer7/api.tl`, `schema/layer7/mtproto.tl` to `schema/latest/api.tl`, `schema/latest/mtproto.tl`.',
        '',
        '## Added',
        '',
        '### Functions (1)',
        '',
        '- `users.find#ffaef249` = `User`',
        '',
        '## Changed',
        '',
        '### Constructors (2, 2 breaking)',
        '',
        '- `pong` — **breaking**',
        '  - id `97740596` → `347773c5` — **breaking**',
        '  - `msg_id` added, required: `long` — **breaking**',
        '- `user` — **breaking**',
        '  - id `1ec2365e` → `74e5ad7d` — **breaking**',
        '  - `id` retyped: `int` → `long` — **breaking**',
        '',
      ].join('\n'),
    );

    expect(err).toEqual([]);
    expect(out).toEqual([
      'checked incoming/api.tl, incoming/mtproto.tl: layer 8, 2 constructors, 3 functions, 0 errors, 0 warnings',
      'copied schema/latest (layer 7) to schema/layer7',
      `wrote schema/latest/api.tl from incoming/api.tl (sha256 ${apiSha})`,
      `wrote schema/latest/mtproto.tl from incoming/mtproto.tl (sha256 ${mtprotoSha})`,
      'updated the provenance rows in schema/README.md',
      'wrote schema/changes/7-to-8.md: 1 added, 0 removed, 2 changed (2 breaking), 2 unchanged',
      'regenerating the layers',
      'tlforge check schema/latest/api.tl schema/latest/mtproto.tl',
      'layer: 8',
      'constructors: 2, functions: 3, types: 2',
      '0 errors, 0 warnings',
      'layer 7 → 8 vendored: review `git diff` and schema/changes/7-to-8.md; ' +
        'schema/layer7 is vendored but not generated (scripts/generate-layers.ts)',
    ]);
    expect(result).toMatchObject({
      previousLayer: 7,
      layer: 8,
      archive: 'schema/layer7',
      written: ['schema/latest/api.tl', 'schema/latest/mtproto.tl'],
      changes: 'schema/changes/7-to-8.md',
    });
  });

  it('takes a folder, replaces only the part it holds and keeps the other file of latest/', async () => {
    const root = setUp({ 'tdesktop/api.tl': api8, 'tdesktop/notes.tl': 'x = X;\n' });
    const { run, out } = await vendor(root, ['tdesktop']);
    await run;
    const schema = snapshot(join(root, 'schema'));
    expect([schema['latest/api.tl'], schema['latest/mtproto.tl']]).toEqual([api8, mtproto7]);
    expect(out[0]).toBe('ignored tdesktop/notes.tl: not named api or mtproto');
    expect(out[1]).toBe(
      'checked tdesktop/api.tl, schema/latest/mtproto.tl: layer 8, 2 constructors, 3 functions, 0 errors, 0 warnings',
    );
    const rows = schema['README.md'].split('\n').filter((line) => line.startsWith('| `'));
    expect(
      rows.map((row) =>
        row
          .split('|')
          .map((cell) => cell.trim())
          .slice(1, 4),
      ),
    ).toEqual([
      ['`latest/api.tl`', '8', '`tdesktop/api.tl`'],
      ['`latest/mtproto.tl`', '8', '`pkg@7`, `schema.js`'],
      ['`layer7/api.tl`', '7', '`pkg@7`, `api.js`'],
      ['`layer7/mtproto.tl`', '7', '`pkg@7`, `schema.js`'],
      ['`layer3/api.tl`', '3', '`old@3`'],
    ]);
    expect(schema['changes/7-to-8.md']).toContain('1 added, 0 removed, 1 changed (1 breaking), 3 unchanged.');
  });

  it('keeps an archive folder that exists, and its rows', async () => {
    const root = setUp({
      'schema/layer7/api.tl': api7,
      'schema/layer7/mtproto.tl': mtproto7,
      'new/api.tl': api8,
    });
    const { run, out } = await vendor(root, ['new/api.tl']);
    await run;
    expect(out[1]).toBe('kept schema/layer7, which exists');
    expect(readFileSync(join(root, 'schema/layer7/api.tl'), 'utf8')).toBe(api7);
  });

  async function refusal(files: Record<string, string>, sources: string[]) {
    const root = setUp(files);
    const before = snapshot(join(root, 'schema'));
    const { run, err, regenerated } = await vendor(root, sources);
    const error = await run.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(VendorError);
    expect(snapshot(join(root, 'schema'))).toEqual(before);
    expect(regenerated).toEqual([]);
    const { kind, message } = error as VendorError;
    return { kind, message, err };
  }

  it('refuses a schema with errors, printing them, and writes nothing', async () => {
    const broken = '// LAYER 8\nuser id:Nope = User;\n';
    expect(await refusal({ 'in/api.tl': broken }, ['in/api.tl'])).toEqual({
      kind: 'schema-errors',
      message: 'in/api.tl, schema/latest/mtproto.tl: 1 error, 0 warnings: nothing vendored',
      err: [
        `${join(scratch, `case${cases}`, 'in/api.tl')}:2:9: undefined-type: type \`Nope\` is not defined by any constructor`,
      ],
    });
  });

  it('refuses a layer that is not newer than latest, and files without a layer', async () => {
    expect(await refusal({ 'in/api.tl': api7 }, ['in/api.tl'])).toMatchObject({
      kind: 'not-a-newer-layer',
      message: 'the new files are layer 7, schema/latest is layer 7: a bump needs a newer layer',
    });
    expect(await refusal({ 'in/api.tl': 'user id:int = User;\n' }, ['in/api.tl'])).toMatchObject({
      kind: 'unknown-layer',
    });
  });

  it('refuses files it cannot tell apart', async () => {
    expect(await refusal({ 'in/layer8.tl': api8 }, ['in/layer8.tl'])).toEqual({
      kind: 'unknown-role',
      message:
        'cannot tell whether in/layer8.tl is the API or the MTProto schema: name it api.tl or mtproto.tl',
      err: [],
    });
    expect(await refusal({ 'a/api.tl': api8, 'b/api.tl': api8 }, ['a/api.tl', 'b/api.tl'])).toMatchObject({
      kind: 'duplicate-role',
      message: 'a/api.tl and b/api.tl are both the api schema: give one',
    });
    expect(await refusal({}, ['a.tl', 'b.tl', 'c.tl'])).toMatchObject({ kind: 'too-many-sources' });
  });
});
