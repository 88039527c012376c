// Which given file is the API schema and which the MTProto one: told by the file name, one file
// per part, and a folder's other files set aside by name.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSources, schemaRole } from '../../schema/schema-sources.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';

const scratch = scratchDir('tlforge-sources-');
afterAll(() => removeScratch(scratch));

describe('schemaRole', () => {
  it('reads the part from the file name', () => {
    const names = [
      'api.tl',
      'telegram_api.tl',
      'API.json',
      'mtproto.tl',
      'mtproto_api.tl',
      'schema.tl',
      'layer8.tl',
    ];
    expect(names.map(schemaRole)).toEqual(['api', 'api', 'api', 'mtproto', 'mtproto', 'mtproto', undefined]);
  });
});

describe('findSources', () => {
  it('orders two files api first, keeps the path as given and the extension', () => {
    const found = findSources(['in/mtproto.tl', 'in/api.json'], scratch);
    expect(found).toEqual({
      files: [
        { role: 'api', path: join(scratch, 'in/api.json'), given: 'in/api.json', extension: '.json' },
        { role: 'mtproto', path: join(scratch, 'in/mtproto.tl'), given: 'in/mtproto.tl', extension: '.tl' },
      ],
      ignored: [],
    });
  });

  it("takes a folder's api and mtproto files and lists the other schema files it ignores", () => {
    const folder = join(scratch, 'scheme');
    mkdirSync(folder, { recursive: true });
    for (const name of ['api.tl', 'mtproto.tl', 'layer.tl', 'README.md'])
      writeFileSync(join(folder, name), '');
    const found = findSources(['scheme'], scratch);
    expect(found.files.map((file) => [file.role, file.given])).toEqual([
      ['api', join('scheme', 'api.tl')],
      ['mtproto', join('scheme', 'mtproto.tl')],
    ]);
    expect(found.ignored).toEqual([join('scheme', 'layer.tl')]);
  });

  it('refuses a folder without a schema file', () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty, { recursive: true });
    expect(() => findSources(['empty'], scratch)).toThrowError(
      expect.objectContaining({
        kind: 'no-schema-in-folder',
        message: 'empty holds no schema file named api or mtproto (.tl, .json)',
      }),
    );
  });
});
