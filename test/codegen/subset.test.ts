// `generate --only`: the closure of the names given (fields, results, every constructor of each type
// reached), an error for a name the schema lacks, and decoding that names an id of the schema left
// out of the subset as such.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutsideSubsetError, UnknownConstructorError } from '@tlforge/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { TlEmitError } from '../../packages/codegen/src/emit/emit-error.ts';
import { generateSchemaSet } from '../../packages/codegen/src/emit/generate.ts';
import { loadSchema } from '../../packages/codegen/src/model/load-schema.ts';
import { schemaSubset } from '../../packages/codegen/src/model/schema-subset.ts';
import { runCli } from '../cli/run-cli.ts';
import { thrown } from '../runtime/capture.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';

const scratch = scratchDir('tlforge-subset-');
afterAll(() => removeScratch(scratch));

const latest = ['schema/latest/api.tl', 'schema/latest/mtproto.tl'];
const { model } = loadSchema(latest);

describe('schemaSubset', () => {
  it('keeps bots.sendCustomRequest, its argument type and its result: DataJSON', () => {
    const subset = schemaSubset(model, ['bots.sendCustomRequest']);
    expect(subset.model.functions.map((f) => f.name)).toEqual(['bots.sendCustomRequest']);
    expect(subset.model.constructors.map((c) => c.name)).toEqual(['dataJSON']);
    expect(subset.model.types.map((t) => t.name)).toEqual(['DataJSON']);
    expect(subset.unknown).toEqual([]);
    expect(subset.leftOut).toHaveLength(model.constructors.length + model.functions.length - 2);
  });

  it('keeps every constructor of every type reached: messages.startBot reaches all of Updates', () => {
    const subset = schemaSubset(model, ['messages.startBot']);
    const updates = model.typesByName.get('Updates')!.constructors;
    for (const name of updates) expect(subset.model.constructorsByName.has(name)).toBe(true);
    expect(subset.model.functions.map((f) => f.name)).toEqual(['messages.startBot']);
    // Closed: every boxed type a kept field names is kept with all its constructors.
    for (const ctor of subset.model.constructors) expect(subset.model.typesByName.has(ctor.type)).toBe(true);
  });

  it('takes constructors and types by name too, and lists the names it does not know', () => {
    const subset = schemaSubset(model, ['inputPeerSelf', 'InputUser', 'messages.noSuchMethod', 'Nope']);
    expect(subset.model.constructors.map((c) => c.name)).toEqual(
      [
        'inputPeerSelf',
        'inputUserEmpty',
        'inputUserSelf',
        'inputUser',
        'inputUserFromMessage',
        'inputPeerEmpty',
        'inputPeerChat',
        'inputPeerUser',
        'inputPeerChannel',
        'inputPeerUserFromMessage',
        'inputPeerChannelFromMessage',
      ].sort(
        (a, b) =>
          model.constructors.findIndex((c) => c.name === a) -
          model.constructors.findIndex((c) => c.name === b),
      ),
    );
    expect(subset.unknown).toEqual(['messages.noSuchMethod', 'Nope']);
  });
});

describe('generate --only', () => {
  it('refuses a name the schema does not define, naming it', () => {
    const e = thrown(() =>
      generateSchemaSet({
        files: latest,
        outDir: join(scratch, 'bad'),
        only: ['bots.sendCustomRequest', 'nope.x'],
      }),
    );
    expect(e).toBeInstanceOf(TlEmitError);
    expect(e).toMatchObject({
      kind: 'unknown-name',
      message: 'unknown-name: --only names what the schema does not define: nope.x',
    });
  });

  it('generates the subset, and decoding an id it left out is an OutsideSubsetError', async () => {
    const outDir = join(scratch, 'custom');
    generateSchemaSet({ files: latest, outDir, only: ['bots.sendCustomRequest'] });
    const m = (await import(join(outDir, 'index.ts'))) as {
      Api: Record<string, unknown> & { bots: Record<string, unknown> };
      deserialize(bytes: Uint8Array): unknown;
    };
    expect(Object.keys(m.Api.bots)).toEqual(['SendCustomRequest']);
    expect(m.Api.InputPeerSelf).toBeUndefined();
    const inputPeerSelf = Uint8Array.of(0xc9, 0x7e, 0xa0, 0x7d);
    const e = thrown(() => m.deserialize(inputPeerSelf));
    expect(e).toBeInstanceOf(OutsideSubsetError);
    expect(e).toMatchObject({
      kind: 'outside-subset',
      constructorId: 0x7da07ec9,
      message:
        'at byte 0: outside-subset: unknown constructor 0x7da07ec9 where Object was expected (0x7da07ec9 is in the schema but outside the generated subset (--only))',
    });
    const unknown = thrown(() => m.deserialize(Uint8Array.of(1, 2, 3, 4)));
    expect(unknown).toBeInstanceOf(UnknownConstructorError);
    expect(unknown).toMatchObject({ kind: 'unknown-constructor' });
  });

  it('reads the names from --only-file, one per line or several, with # comments', async () => {
    const list = join(scratch, 'only.txt');
    writeFileSync(
      list,
      '# what the bot calls\nbots.sendCustomRequest  messages.startBot\n\nhelp.getConfig # config\n',
    );
    const outDir = join(scratch, 'from-file');
    const result = await runCli(['generate', ...latest, '--out', outDir, '--only-file', list]);
    expect(result.code).toBe(0);
    const m = (await import(join(outDir, 'index.ts'))) as { Api: Record<string, Record<string, unknown>> };
    expect(Object.keys(m.Api.bots!)).toEqual(['SendCustomRequest']);
    expect(Object.keys(m.Api.help!)).toContain('GetConfig');
    expect(Object.keys(m.Api.messages!)).toContain('StartBot');
    expect(await runCli(['generate', ...latest, '--out', outDir, '--only', 'nope'])).toMatchObject({
      code: 2,
      err: expect.arrayContaining(['unknown-name: --only names what the schema does not define: nope']),
    });
  });
});
