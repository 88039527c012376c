// `npx tsx --conditions=@tlforge/source bench/bundle-size.ts`: what a web client ships. Small apps
// (one request built, serialized and its answer read; the whole layer; deserialize of anything) are
// bundled for the browser by rolldown (what Vite uses) and by esbuild, raw and minified, and gzipped;
// beside them mtcute's reader and writer maps with their runtime, and GramJS (telegram 1.5.27) and
// teleproto, Node libraries, bundled the way GramJS's own browser build does it (browser-shims.ts).
// tlforge's apps are also bundled from `--only` subsets. Every minified bundle is then run where only
// Web APIs exist: a request app must give the bytes and read the answer as it does under Node, a
// library's whole API must load. Writes bench/results/bundle-size.json (about 1.5 minutes).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build as esbuild, transform } from 'esbuild';
import { build as rolldown } from 'rolldown';
import { generateSchemaSet } from '../packages/codegen/src/emit/generate.ts';
import { type BrowserShims, browserSandbox, browserShims } from './browser-shims.ts';
import { packageVersion } from './package-version.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const cache = join(root, 'bench/.cache/bundle-size');
const latest = join(root, 'packages/layers/src/latest');
const schema = ['schema/latest/api.tl', 'schema/latest/mtproto.tl'].map((file) => join(root, file));

type Bundler = 'rolldown' | 'esbuild';
type NodeLibrary = 'telegram' | 'teleproto';

interface Sizes {
  app: string;
  bundler: Bundler;
  raw: number;
  minified: number;
  gzip: number;
}

/** The answer that a request app's `read` decodes in the browser check, and how to prove it works. */
type Check =
  | { readonly kind: 'request'; readonly answer: readonly number[] }
  | { readonly kind: 'api'; readonly path: readonly string[] };

interface App {
  readonly name: string;
  readonly source: string;
  readonly check: Check;
  /** A Node library, bundled with GramJS's browser recipe (browser-shims.ts). */
  readonly nodeLibrary?: NodeLibrary;
}

/** `updatesTooLong`: the smallest `Updates`, what `messages.startBot` returns. */
const updatesAnswer = [0x7e, 0xaf, 0x17, 0xe3];
/** `dataJSON data:"{}"`, what `bots.sendCustomRequest` returns. */
const dataJsonAnswer = [0x04, 0x8d, 0x74, 0x7d, 0x02, 0x7b, 0x7d, 0x00];

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

const mtcuteMaps = `import { TlBinaryReader, TlBinaryWriter } from '@mtcute/tl-runtime';
import { __tlReaderMap } from '@mtcute/tl/binary/reader.js';
import { __tlWriterMap } from '@mtcute/tl/binary/writer.js';
export default [TlBinaryReader, TlBinaryWriter, __tlReaderMap, __tlWriterMap];
`;

/**
 * The same apps with GramJS's API (`pkg` is telegram or teleproto): `long` values as big-integer,
 * bytes and readers on Buffer. `userId` is an `int` in telegram 1.5.27's layer 122, a `long` later.
 */
const gramjsApi = (pkg: string) => `import { Api } from '${pkg}/tl/index.js';
export default Api;
`;
const gramjsRequest = (
  pkg: string,
  request: string,
  longUserId: boolean,
) => `import bigInt from 'big-integer';
import { Api } from '${pkg}/tl/index.js';
import { BinaryReader } from '${pkg}/extensions/index.js';
const request = ${
  request === 'startBot'
    ? `new Api.messages.StartBot({
  bot: new Api.InputUser({ userId: ${longUserId ? 'bigInt(777000)' : '777000'}, accessHash: bigInt('-5233957211358339213') }),
  peer: new Api.InputPeerSelf(),
  randomId: bigInt(6414074),
  startParam: 'ref_42',
})`
    : `new Api.bots.SendCustomRequest({ customMethod: 'ping', params: new Api.DataJSON({ data: '{}' }) })`
};
export const bytes = request.getBytes();
export const read = (answer: Uint8Array) => request.readResult(new BinaryReader(Buffer.from(answer)));
`;

function gramjsApps(label: string, pkg: NodeLibrary, longUserId: boolean): App[] {
  return [
    {
      name: `${label}: Api`,
      source: gramjsApi(pkg),
      check: { kind: 'api', path: ['messages', 'StartBot'] },
      nodeLibrary: pkg,
    },
    {
      name: `${label}: messages.startBot only`,
      source: gramjsRequest(pkg, 'startBot', longUserId),
      check: { kind: 'request', answer: updatesAnswer },
      nodeLibrary: pkg,
    },
    {
      name: `${label}: bots.sendCustomRequest only`,
      source: gramjsRequest(pkg, 'sendCustomRequest', longUserId),
      check: { kind: 'request', answer: dataJsonAnswer },
      nodeLibrary: pkg,
    },
  ];
}

async function bundleWith(
  bundler: Bundler,
  entry: string,
  minify: boolean,
  shims: BrowserShims | undefined,
): Promise<string> {
  if (bundler === 'rolldown') {
    const result = await rolldown({
      input: entry,
      write: false,
      platform: 'browser',
      logLevel: 'silent',
      resolve: { conditionNames: ['@tlforge/source', 'browser', 'import', 'default'] },
      plugins: shims === undefined ? [] : [shims.rolldown],
      transform: shims === undefined ? undefined : { inject: shims.rolldownInject, define: shims.define },
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
    plugins: shims === undefined ? [] : [shims.esbuild],
    inject: shims === undefined ? [] : [shims.esbuildInject],
    define: shims?.define,
  });
  return result.outputFiles[0]!.text;
}

type Bytes = ArrayLike<number>;
interface RequestApp {
  readonly bytes: Bytes;
  read(answer: Uint8Array): { readonly className?: string };
}

const hex = (bytes: Bytes) => Buffer.from(Array.from(bytes)).toString('hex');

/**
 * Runs the minified bundle where only Web APIs exist (as an IIFE: the ESM output's exports become an
 * object) and compares it with the app's entry loaded by Node: the same request bytes, the answer
 * read into the same class; or the library's API present.
 */
async function checkInBrowser(app: App, entry: string, minified: string): Promise<string | undefined> {
  const iife = await transform(minified, { format: 'iife', globalName: 'app', logLevel: 'silent' });
  let exports: Record<string, unknown>;
  let context: vm.Context;
  try {
    const sandbox = browserSandbox(iife.code, 'app');
    exports = sandbox.exports as Record<string, unknown>;
    context = sandbox.context;
  } catch (e) {
    return `fails to load where only Web APIs exist: ${(e as Error).message}`;
  }
  if (app.check.kind === 'api') {
    let value: unknown = exports.default;
    for (const key of app.check.path) value = (value as Record<string, unknown> | undefined)?.[key];
    return value === undefined ? `loads, but default.${app.check.path.join('.')} is missing` : undefined;
  }
  const node = (await import(pathToFileURL(entry).href)) as RequestApp;
  const browser = exports as unknown as RequestApp;
  if (hex(browser.bytes) !== hex(node.bytes))
    return `request bytes ${hex(browser.bytes)} differ from Node's ${hex(node.bytes)}`;
  const answer = vm.runInContext(
    `new Uint8Array(${JSON.stringify(app.check.answer)})`,
    context,
  ) as Uint8Array;
  let read: string | undefined;
  try {
    read = browser.read(answer).className;
  } catch (e) {
    return `reading the answer fails: ${(e as Error).message}`;
  }
  const expected = node.read(new Uint8Array(app.check.answer)).className;
  return read === expected && read !== undefined
    ? undefined
    : `reads the answer as ${read}, Node as ${expected}`;
}

async function measure(
  app: App,
  bundler: Bundler,
  shims: Readonly<Record<NodeLibrary, BrowserShims>>,
): Promise<Sizes | string> {
  const entry = join(cache, `${app.name.replace(/[^a-z0-9]+/gi, '-')}.ts`);
  writeFileSync(entry, app.source);
  const recipe = app.nodeLibrary === undefined ? undefined : shims[app.nodeLibrary];
  try {
    const raw = await bundleWith(bundler, entry, false, recipe);
    const minified = await bundleWith(bundler, entry, true, recipe);
    const problem = await checkInBrowser(app, entry, minified);
    if (problem !== undefined) return `${app.name} (${bundler}): bundled, but ${problem}`;
    return {
      app: app.name,
      bundler,
      raw: Buffer.byteLength(raw),
      minified: Buffer.byteLength(minified),
      gzip: gzipSync(minified, { level: 9 }).length,
    };
  } catch (e) {
    return `${app.name} (${bundler}): ${(e as Error).message.split('\n')[0]}`;
  }
}

async function main(): Promise<void> {
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const shims = {
    telegram: browserShims(join(cache, 'browser-shims/telegram'), 'telegram'),
    teleproto: browserShims(join(cache, 'browser-shims/teleproto'), 'teleproto'),
  };
  const subsets = {
    startBot: join(cache, 'only-start-bot'),
    sendCustomRequest: join(cache, 'only-send-custom-request'),
  };
  generateSchemaSet({ files: schema, outDir: subsets.startBot, only: ['messages.startBot'] });
  generateSchemaSet({ files: schema, outDir: subsets.sendCustomRequest, only: ['bots.sendCustomRequest'] });

  const request = (answer: readonly number[]): Check => ({ kind: 'request', answer });
  const apps: App[] = [
    {
      name: 'tlforge: full latest layer',
      source: fullLayer,
      check: { kind: 'api', path: ['Api', 'messages', 'StartBot'] },
    },
    { name: 'tlforge: messages.startBot only', source: startBot(latest), check: request(updatesAnswer) },
    {
      name: 'tlforge: bots.sendCustomRequest only',
      source: sendCustomRequest(latest),
      check: request(dataJsonAnswer),
    },
    {
      name: 'tlforge --only messages.startBot',
      source: startBot(subsets.startBot),
      check: request(updatesAnswer),
    },
    {
      name: 'tlforge --only bots.sendCustomRequest',
      source: sendCustomRequest(subsets.sendCustomRequest),
      check: request(dataJsonAnswer),
    },
    {
      name: 'mtcute: reader + writer maps, tl-runtime',
      source: mtcuteMaps,
      check: { kind: 'api', path: ['3', 'messages.startBot'] },
    },
    ...gramjsApps(`GramJS (telegram ${packageVersion('telegram')})`, 'telegram', false),
    ...gramjsApps(`teleproto ${packageVersion('teleproto')}`, 'teleproto', true),
  ];
  const results: Sizes[] = [];
  const failures: string[] = [];
  for (const app of apps) {
    for (const bundler of ['rolldown', 'esbuild'] as const) {
      process.stderr.write(`${app.name} (${bundler})…\n`);
      const sizes = await measure(app, bundler, shims);
      if (typeof sizes === 'string') failures.push(sizes);
      else results.push(sizes);
    }
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('app | bundler | raw | minified | gzip');
  for (const r of results)
    console.log(`${r.app} | ${r.bundler} | ${kb(r.raw)} | ${kb(r.minified)} | ${kb(r.gzip)}`);
  for (const [library, recipe] of Object.entries(shims))
    console.log(`${library} bundled with GramJS's browser recipe:\n  ${recipe.description.join('\n  ')}`);
  for (const failure of failures) console.log(`not measured: ${failure}`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/bundle-size.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        results,
        failures,
        browserCheck:
          'every result ran minified where only Web APIs exist: request apps gave the bytes and read the answer as under Node',
        nodeLibraryRecipes: Object.fromEntries(
          Object.entries(shims).map(([library, recipe]) => [library, recipe.description]),
        ),
      },
      null,
      2,
    )}\n`,
  );
  if (failures.length > 0) process.exitCode = 1;
}

await main();
