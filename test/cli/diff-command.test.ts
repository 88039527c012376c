// `tlforge diff <old…> --to <new…> [--json]`: the exact JSON and Markdown of a small pair of
// schemas, the old and new sets of several files each, exit 0 for a difference, 1 for a set with
// schema errors, 2 for usage and path errors.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { runCli } from './run-cli.ts';

const scratch = scratchDir('tlforge-diff-');
afterAll(() => removeScratch(scratch));

function schemaFile(name: string, lines: string[]): string {
  const path = join(scratch, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

// No `#id` is written: the ids below are the CRC32s the resolver computes from the declarations.
const oldSchema = schemaFile('old.tl', [
  '// LAYER 1',
  'user flags:# verified:flags.0?true id:int name:string photo:flags.1?Photo = User;',
  'userEmpty id:int = User;',
  'photo id:long = Photo;',
  'oldThing = Thing;',
  '---functions---',
  'users.get id:int = User;',
  'users.rename flags:# id:int name:flags.0?string = Bool;',
]);
const newSchema = schemaFile('new.tl', [
  '// LAYER 2',
  'user flags:# verified:flags.0?true bot:flags.2?true id:long name:string photo:flags.3?Photo = User;',
  'userEmpty id:int = User;',
  'userBot id:long = User;',
  'photo id:long date:int = Photo;',
  'status online:Bool = Status;',
  '---functions---',
  'users.get id:int = Vector<User>;',
  'users.rename flags:# silent:flags.1?true id:int name:flags.0?string = Bool;',
]);

describe('tlforge diff', () => {
  it('prints { from, to, added, removed, changed, unchanged, types } with --json', async () => {
    const result = await runCli(['diff', oldSchema, '--to', newSchema, '--json']);
    expect([result.code, result.err]).toEqual([0, []]);
    expect(result.out[1]).toBe('  "from": {');
    expect(JSON.parse(result.out.join('\n'))).toEqual({
      from: { layer: 1, files: [oldSchema] },
      to: { layer: 2, files: [newSchema] },
      added: [
        { name: 'status', kind: 'constructor', id: 'df8825a1', type: 'Status' },
        { name: 'userBot', kind: 'constructor', id: '46026e6c', type: 'User' },
      ],
      removed: [{ name: 'oldThing', kind: 'constructor', id: '99b32db7', type: 'Thing' }],
      changed: [
        {
          name: 'photo',
          kind: 'constructor',
          idBefore: '32e47466',
          idAfter: '0dfc041e',
          breaking: true,
          changes: [
            { kind: 'id-changed', before: '32e47466', after: '0dfc041e', breaking: true },
            { kind: 'field-added-required', field: 'date', after: 'int', breaking: true },
          ],
        },
        {
          name: 'user',
          kind: 'constructor',
          idBefore: '51be3ab2',
          idAfter: '23c4c6d7',
          breaking: true,
          changes: [
            { kind: 'id-changed', before: '51be3ab2', after: '23c4c6d7', breaking: true },
            { kind: 'field-added-optional', field: 'bot', after: 'flags.2?true', breaking: false },
            { kind: 'field-type-changed', field: 'id', before: 'int', after: 'long', breaking: true },
            {
              kind: 'field-flag-moved',
              field: 'photo',
              before: 'flags.1',
              after: 'flags.3',
              breaking: false,
            },
          ],
        },
        {
          name: 'users.get',
          kind: 'function',
          idBefore: '5b918380',
          idAfter: '8d232bf3',
          breaking: true,
          changes: [
            { kind: 'id-changed', before: '5b918380', after: '8d232bf3', breaking: true },
            { kind: 'result-type-changed', before: 'User', after: 'Vector<User>', breaking: true },
          ],
        },
        {
          name: 'users.rename',
          kind: 'function',
          idBefore: '103534b1',
          idAfter: '103534b1',
          breaking: false,
          changes: [
            { kind: 'field-added-optional', field: 'silent', after: 'flags.1?true', breaking: false },
          ],
        },
      ],
      unchanged: 1,
      types: [
        { name: 'Status', change: 'added', joined: ['status'], left: [] },
        { name: 'Thing', change: 'removed', joined: [], left: ['oldThing'] },
        { name: 'User', change: 'members-changed', joined: ['userBot'], left: [] },
      ],
    });
  });

  it('prints Markdown by default: summary line, then sections sorted by name', async () => {
    expect(await runCli(['diff', oldSchema, '--to', newSchema])).toEqual({
      code: 0,
      err: [],
      out: [
        '# Schema changes: layer 1 → layer 2',
        '',
        '2 added, 1 removed, 4 changed (3 breaking), 1 unchanged.',
        '',
        `From \`${oldSchema}\` to \`${newSchema}\`.`,
        '',
        '## Added',
        '',
        '### Constructors (2)',
        '',
        '- `status#df8825a1` = `Status`',
        '- `userBot#46026e6c` = `User`',
        '',
        '## Removed',
        '',
        '### Constructors (1)',
        '',
        '- `oldThing#99b32db7` = `Thing`',
        '',
        '## Changed',
        '',
        '### Constructors (2, 2 breaking)',
        '',
        '- `photo` — **breaking**',
        '  - id `32e47466` → `0dfc041e` — **breaking**',
        '  - `date` added, required: `int` — **breaking**',
        '- `user` — **breaking**',
        '  - id `51be3ab2` → `23c4c6d7` — **breaking**',
        '  - `bot` added, optional: `flags.2?true`',
        '  - `id` retyped: `int` → `long` — **breaking**',
        '  - `photo` flag moved: `flags.1` → `flags.3`',
        '',
        '### Functions (2, 1 breaking)',
        '',
        '- `users.get` — **breaking**',
        '  - id `5b918380` → `8d232bf3` — **breaking**',
        '  - result `User` → `Vector<User>` — **breaking**',
        '- `users.rename`',
        '  - `silent` added, optional: `flags.1?true`',
        '',
        '## Types',
        '',
        '- `Status` (new): `status`',
        '- `Thing` (removed): `oldThing`',
        '- `User`: joined `userBot`',
      ],
    });
  });

  it('prints only the summary when nothing changed', async () => {
    expect(await runCli(['diff', oldSchema, '--to', oldSchema])).toEqual({
      code: 0,
      err: [],
      out: [
        '# Schema changes: layer 1 → layer 1',
        '',
        '0 added, 0 removed, 0 changed (0 breaking), 6 unchanged.',
        '',
        `From \`${oldSchema}\` to \`${oldSchema}\`.`,
      ],
    });
  });

  it('takes every file after --to up to the next option as the new set', async () => {
    const result = await runCli([
      'diff',
      'schema/layer122/api.tl',
      'schema/layer122/mtproto.tl',
      '--to',
      'schema/layer214/api.tl',
      'schema/layer214/mtproto.tl',
      '--json',
    ]);
    expect([result.code, result.err]).toEqual([0, []]);
    const diff = JSON.parse(result.out.join('\n'));
    expect([diff.from, diff.to]).toEqual([
      { layer: 122, files: ['schema/layer122/api.tl', 'schema/layer122/mtproto.tl'] },
      { layer: 214, files: ['schema/layer214/api.tl', 'schema/layer214/mtproto.tl'] },
    ]);
    expect([diff.added.length, diff.removed.length, diff.changed.length, diff.unchanged]).toEqual([
      987, 14, 343, 935,
    ]);
  });

  it('accepts --to=<file>, old files after another option, and a new file after --', async () => {
    const result = await runCli(['diff', `--to=${newSchema}`, '--json', oldSchema]);
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.out.join('\n'));
    expect([diff.from.files, diff.to.files]).toEqual([[oldSchema], [newSchema]]);
    const afterDashes = await runCli(['diff', oldSchema, '--json', '--to', '--', newSchema]);
    expect(afterDashes.out).toEqual(result.out);
  });

  it('fails with exit 1 and no diff when a set has schema errors', async () => {
    const broken = schemaFile('broken.tl', ['a x:Nope = A;']);
    expect(await runCli(['diff', oldSchema, '--to', broken])).toEqual({
      code: 1,
      out: [],
      err: [
        `${broken}:1:5: undefined-type: type \`Nope\` is not defined by any constructor`,
        `${broken}: 1 error, 0 warnings: no diff`,
      ],
    });
  });

  it('names the usage error with exit 2', async () => {
    const hint = 'run `tlforge diff --help` for usage';
    const usage = (message: string) => ({ code: 2, out: [], err: [message, hint] });
    expect(await runCli(['diff', oldSchema])).toEqual(usage('diff needs --to <file.tl…>'));
    expect(await runCli(['diff', oldSchema, '--to'])).toEqual(usage('--to needs a value: --to <file.tl…>'));
    expect(await runCli(['diff', oldSchema, '--to', '--json'])).toEqual(
      usage('--to needs a value: --to <file.tl…>'),
    );
    expect(await runCli(['diff', oldSchema, '--to', newSchema, '--to', newSchema])).toEqual(
      usage('--to is given twice'),
    );
    expect(await runCli(['diff', '--to', newSchema])).toEqual(usage('diff needs at least one .tl file'));
    expect(await runCli(['diff', oldSchema, '--to', newSchema, '--json=yes'])).toEqual(
      usage('--json takes no value, got "--json=yes"'),
    );
    expect(await runCli(['diff', oldSchema, '--to', join(scratch, 'missing.tl')])).toEqual({
      code: 2,
      out: [],
      err: [`${join(scratch, 'missing.tl')} does not exist`],
    });
  });
});
