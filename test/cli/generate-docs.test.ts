// `tlforge generate --docs <file.json>`: the documentation file reaches the output (JSDoc, the
// errors module, the header); a docs file that is missing or a folder is a usage error (exit 2), one
// of the wrong shape a schema error with its JSON path (exit 1); nothing is written either way.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { runCli } from './run-cli.ts';

const scratch = scratchDir('tlforge-generate-docs-');
afterAll(() => removeScratch(scratch));

const schema = 'test/fixtures/documented.tl';

describe('tlforge generate --docs', () => {
  it('writes the documentation into the generated module', async () => {
    const out = join(scratch, 'documented');
    const result = await runCli([
      'generate',
      schema,
      '--out',
      out,
      '--docs',
      'test/fixtures/documented.docs.json',
    ]);
    expect([result.code, result.err]).toEqual([0, []]);
    expect(result.out).toContain(`wrote ${out}/errors.ts`);
    expect(readFileSync(join(out, 'api/messages.ts'), 'utf8')).toContain(
      '/**\n * Start a conversation with a bot\n *\n * `messages.startBot#e6df7378',
    );
  });

  it('names a docs file that does not exist or is a folder, and writes nothing', async () => {
    const out = join(scratch, 'never');
    expect(await runCli(['generate', schema, '--out', out, '--docs', 'no/such/docs.json'])).toEqual({
      code: 2,
      out: [],
      err: ['no/such/docs.json does not exist'],
    });
    expect(await runCli(['generate', schema, '--out', out, '--docs', 'schema/docs'])).toEqual({
      code: 2,
      out: [],
      err: ['schema/docs is a directory: the docs are one .json file'],
    });
    expect(existsSync(out)).toBe(false);
  });

  it('reports a docs file of the wrong shape at its JSON path, and writes nothing', async () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, '{"types": {"InputPeer": 7}}');
    const out = join(scratch, 'never-bad');
    expect(await runCli(['generate', schema, '--out', out, '--docs', bad])).toEqual({
      code: 1,
      out: [],
      err: [
        `${bad}:$.types.InputPeer: json-shape: the description of type InputPeer must be a string, found the number 7`,
        '1 error, 0 warnings: nothing generated',
      ],
    });
    expect(existsSync(out)).toBe(false);
  });
});
