// `npx tsx --conditions=@tlforge/source bench/bundle-size.ts`: what a web client ships. Small apps
// (one request built, serialized and its answer read; the whole layer; deserialize of anything) are
// bundled for the browser by rolldown (what Vite uses) and by esbuild, raw and minified, and gzipped;
// beside them mtcute's reader and writer maps with their runtime, and GramJS's Api as a client imports
// it. tlforge's apps are also bundled from `--only` subsets. Writes bench/results/bundle-size.json.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { build as rolldown } from 'rolldown';
import { generateSchemaSet } from '../packages/codegen/src/emit/generate.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const cache = join(root, 'bench/.cache/bundle-size');
const latest = join(root, 'packages/layers/src/latest');
const schema = ['schema/latest/api.tl', 'schema/latest/mtproto.tl'].map((file) => join(root, file));

interface Sizes {
  app: string;
  bundler: 'rolldown' | 'esbuild';
  raw: number;
  minified: number;
  gzip: number;
}

const startBot = (layer: string) => `import { Api } from '${layer}/index.ts';
const request = new Api.messages.StartBot({
  bot: new Api.InputUser({ userId: 777000, accessHash: '-5233957211358339213' }),
  peer: new Api.InputPeerSelf(),
  randomId: 6414074,
  startParam: 'ref_42',
});
export const bytes = request.serialize();
export const read = (answer: Uint8Array) => request.readResult(answer);
`;

const sendCustomRequest = (layer: string) => `import { Api } from '${layer}/index.ts';
const request = new Api.bots.SendCustomRequest({ customMethod: 'ping', params: new Api.DataJSON({ data: '{}' }) });
export const bytes = request.serialize();
export const read = (answer: Uint8Array) => request.readResult(answer);
`;

const fullLayer = `import * as tl from '${latest}/index.ts';
export default tl;
`;

const peerApps: Record<string, string> = {
  'mtcute: reader + writer maps, tl-runtime': `import { TlBinaryReader, TlBinaryWriter } from '@mtcute/tl-runtime';
import { __tlReaderMap } from '@mtcute/tl/binary/reader.js';
import { __tlWriterMap } from '@mtcute/tl/binary/writer.js';
export default [TlBinaryReader, TlBinaryWriter, __tlReaderMap, __tlWriterMap];
`,
  'GramJS (telegram 1.5.27): Api': `import { Api } from 'telegram/tl/index.js';
export default Api;
`,
};

async function bundleWith(bundler: Sizes['bundler'], entry: string, minify: boolean): Promise<string> {
  if (bundler === 'rolldown') {
    const result = await rolldown({
      input: entry,
      write: false,
      platform: 'browser',
      logLevel: 'silent',
      resolve: { conditionNames: ['@tlforge/source', 'browser', 'import', 'default'] },
      output: { minify, format: 'esm' },
    });
    return result.output[0].code;
  }
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    minify,
    format: 'esm',
    platform: 'browser',
    conditions: ['@tlforge/source'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function measure(app: string, source: string, bundler: Sizes['bundler']): Promise<Sizes | string> {
  const entry = join(cache, `${app.replace(/[^a-z0-9]+/gi, '-')}-${bundler}.ts`);
  writeFileSync(entry, source);
  try {
    const raw = await bundleWith(bundler, entry, false);
    const minified = await bundleWith(bundler, entry, true);
    return {
      app,
      bundler,
      raw: Buffer.byteLength(raw),
      minified: Buffer.byteLength(minified),
      gzip: gzipSync(minified, { level: 9 }).length,
    };
  } catch (e) {
    return `${app} (${bundler}): ${(e as Error).message.split('\n')[0]}`;
  }
}

async function main(): Promise<void> {
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const subsets = {
    startBot: join(cache, 'only-start-bot'),
    sendCustomRequest: join(cache, 'only-send-custom-request'),
  };
  generateSchemaSet({ files: schema, outDir: subsets.startBot, only: ['messages.startBot'] });
  generateSchemaSet({ files: schema, outDir: subsets.sendCustomRequest, only: ['bots.sendCustomRequest'] });

  const apps: Array<[string, string]> = [
    ['tlforge: full latest layer', fullLayer],
    ['tlforge: messages.startBot only', startBot(latest)],
    ['tlforge: bots.sendCustomRequest only', sendCustomRequest(latest)],
    ['tlforge --only messages.startBot', startBot(subsets.startBot)],
    ['tlforge --only bots.sendCustomRequest', sendCustomRequest(subsets.sendCustomRequest)],
    ...Object.entries(peerApps),
  ];
  const results: Sizes[] = [];
  const failures: string[] = [];
  for (const [app, source] of apps) {
    for (const bundler of ['rolldown', 'esbuild'] as const) {
      const sizes = await measure(app, source, bundler);
      if (typeof sizes === 'string') failures.push(sizes);
      else results.push(sizes);
    }
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('app | bundler | raw | minified | gzip');
  for (const r of results)
    console.log(`${r.app} | ${r.bundler} | ${kb(r.raw)} | ${kb(r.minified)} | ${kb(r.gzip)}`);
  for (const failure of failures) console.log(`not measured: ${failure}`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/bundle-size.json'),
    `${JSON.stringify({ date: new Date().toISOString(), results, failures }, null, 2)}\n`,
  );
}

await main();
