// A program pays only for the classes it reaches: bundled and minified, an app that builds one
// request, serializes it and reads its result contains that request, the classes its fields and its
// result can hold, and the runtime, and no other class of the layer. Checked by the class names each
// class carries as a string, against every class name of the layer.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { build as rolldown } from 'rolldown';
import { afterAll, describe, expect, it } from 'vitest';
import * as latest from '../../packages/layers/src/latest/index.ts';
import { collectClassNames } from '../property/schema-sets.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';

const scratch = scratchDir('tlforge-shake-');
afterAll(() => removeScratch(scratch));

const layer = join(import.meta.dirname, '../../packages/layers/src/latest');
const allClassNames = collectClassNames(latest.Api);

/** The class names of the layer that appear as string literals in `code`. */
function classesIn(code: string): string[] {
  const quoted = (name: string) => ['"', "'", '`'].some((q) => code.includes(`${q}${name}${q}`));
  return allClassNames.filter(quoted).sort();
}

function app(name: string, source: string): string {
  const path = join(scratch, `${name}.ts`);
  writeFileSync(path, source);
  return path;
}

const sendCustomRequest = `
import { Api } from '${layer}/index.ts';
const request = new Api.bots.SendCustomRequest({ customMethod: 'ping', params: new Api.DataJSON({ data: '{}' }) });
const answer = Uint8Array.of(0x04, 0x8d, 0x74, 0x7d, 2, 0x7b, 0x7d, 0);
console.log(request.serialize().length, request.readResult(answer));
`;

async function rolldownBundle(entry: string): Promise<string> {
  const result = await rolldown({
    input: entry,
    write: false,
    platform: 'browser',
    logLevel: 'silent',
    resolve: { conditionNames: ['@tlforge/source', 'import', 'default'] },
    output: { minify: true, format: 'esm' },
  });
  return result.output[0].code;
}

describe('tree-shaking', () => {
  it('keeps only bots.SendCustomRequest and DataJSON of 2,498 classes (rolldown, as Vite bundles)', async () => {
    const code = await rolldownBundle(app('send-custom-request', sendCustomRequest));
    expect(classesIn(code)).toEqual(['DataJSON', 'bots.SendCustomRequest']);
    console.log(`bots.sendCustomRequest app: ${code.length} B minified, ${gzipSync(code).length} B gzip`);
  });

  it('keeps the classes of a request whose result holds many: messages.StartBot reaches Updates', async () => {
    const code = await rolldownBundle(
      app(
        'start-bot',
        `import { Api } from '${layer}/index.ts';
const r = new Api.messages.StartBot({ bot: new Api.InputUserSelf(), peer: new Api.InputPeerSelf(), randomId: 1, startParam: 'x' });
console.log(r.serialize(), r.readResult(new Uint8Array(4)));`,
      ),
    );
    const kept = classesIn(code);
    expect(kept).toContain('messages.StartBot');
    expect(kept).toContain('UpdateShortMessage');
    // Updates can hold a third of the layer's constructors; no request but StartBot is kept.
    expect(kept.filter((name) => name !== 'messages.StartBot' && allRequests.has(name))).toEqual([]);
    expect(kept.length).toBeLessThan(allClassNames.length / 2);
    console.log(`messages.startBot app: ${kept.length} classes, ${gzipSync(code).length} B gzip`);
  });

  it('keeps the constructors of one type for a program that reads that type (Api.TypeInputPeer)', async () => {
    const code = await rolldownBundle(
      app(
        'read-input-peer',
        `import { Api } from '${layer}/index.ts';
const peer = Api.TypeInputPeer.read(Uint8Array.of(0xc9, 0x7e, 0xa0, 0x7d));
console.log(Api.TypeInputPeer.is(peer), peer.className);`,
      ),
    );
    // inputPeerUserFromMessage and inputPeerChannelFromMessage hold an InputPeer: nothing else.
    const inputPeers = allClassNames.filter((name) => {
      const cls = (latest.Api as unknown as Record<string, { SUBCLASS_OF_ID?: number; classType?: string }>)[
        name
      ];
      return (
        cls?.classType === 'constructor' && cls.SUBCLASS_OF_ID === latest.Api.TypeInputPeer.SUBCLASS_OF_ID
      );
    });
    expect(inputPeers).toHaveLength(7);
    expect(classesIn(code)).toEqual(inputPeers);
  });

  it('with esbuild, keeps only what the program imports from the class modules', async () => {
    const entry = app(
      'esbuild',
      `import { SendCustomRequest } from '${layer}/api/bots.ts';
import { DataJSON } from '${layer}/api.ts';
const request = new SendCustomRequest({ customMethod: 'ping', params: new DataJSON({ data: '{}' }) });
console.log(request.serialize().length);`,
    );
    const result = await esbuild({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['@tlforge/source'],
      write: false,
      logLevel: 'silent',
    });
    expect(classesIn(result.outputFiles[0]!.text)).toEqual(['DataJSON', 'bots.SendCustomRequest']);
  });
});

const allRequests = new Set(
  allClassNames.filter((name) => {
    const [namespace, local] = name.includes('.') ? name.split('.') : [undefined, name];
    const api = latest.Api as unknown as Record<string, Record<string, { classType?: string }>>;
    const cls = namespace === undefined ? (api[local!] as { classType?: string }) : api[namespace]?.[local!];
    return cls?.classType === 'request';
  }),
);
