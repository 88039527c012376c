// How a web client bundles the GramJS lineage (telegram 1.5.27, teleproto), which is written for Node:
// GramJS's own browser build (webpack.config.js of v1.5.27, the recipe its README points to) leaves
// fs, net, crypto, util, assert, stream and constants empty (`fallback: false`), takes path and os
// from path-browserify and os-browserify, provides `Buffer` (the `buffer` package) and `process`
// (`process/browser`) as globals, webpack 5 maps `global` to the global object, and the schema's `.tl`
// files are loaded as text (raw-loader). The same recipe is applied here to rolldown and esbuild, so
// that their bundles of these packages can be measured; `browserSandbox` then runs a bundle where only
// Web APIs exist, to prove that the measured code works in a browser.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as RolldownPlugin } from 'rolldown';

const require = createRequire(import.meta.url);

/** GramJS's `resolve.fallback: false` but `util`, plus `node:crypto` (teleproto's spelling). */
const emptied = ['fs', 'net', 'crypto', 'node:crypto', 'assert', 'stream', 'constants'];

export interface BrowserShims {
  /** What each module name is replaced by, for the report. */
  readonly description: readonly string[];
  readonly esbuild: EsbuildPlugin;
  /** The file that esbuild's `inject` takes `Buffer` and `process` from. */
  readonly esbuildInject: string;
  readonly rolldown: RolldownPlugin;
  readonly rolldownInject: Record<string, string | [string, string]>;
  readonly define: Record<string, string>;
}

/**
 * Writes the shim modules for one library into `dir` and gives the plugins that apply them. teleproto
 * gets the `util` package rather than an empty `util`: it reads `util.inspect.custom` at load (its own
 * devDependencies have that polyfill).
 */
export function browserShims(dir: string, library: 'telegram' | 'teleproto'): BrowserShims {
  const utilPolyfill = library === 'teleproto';
  mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const empty = write('empty.cjs', 'module.exports = {};\n');
  const targets = new Map<string, string>(emptied.map((name) => [name, empty]));
  const description = [`${emptied.join(', ')}${utilPolyfill ? '' : ', util'}: empty modules`];
  targets.set('path', require.resolve('path-browserify'));
  targets.set('os', require.resolve('os-browserify/browser'));
  description.push('path, os: path-browserify, os-browserify');
  // GramJS's build resolved `events` to the `events` package (hoisted there from webpack's own
  // dependencies); teleproto reads `util.inspect.custom` at load, so it gets the `util` package.
  targets.set('events', require.resolve('events/'));
  description.push('events: the events package');
  if (utilPolyfill) {
    targets.set('util', require.resolve('util/'));
    description.push('util: the util package');
  } else {
    targets.set('util', empty);
  }
  // Absolute paths: the injected imports land in every module that uses the globals, polyfills in
  // other folders included.
  const buffer = require.resolve('buffer/');
  const processBrowser = require.resolve('process/browser.js');
  const esbuildInject = write(
    'globals.mjs',
    `export { Buffer } from ${JSON.stringify(buffer)};\nexport { default as process } from ${JSON.stringify(processBrowser)};\n`,
  );
  description.push('Buffer, process: the buffer and process packages as globals; global = globalThis');
  description.push('.tl files: imported as text');
  if (library === 'teleproto') {
    // GramJS's browser path takes its own JavaScript AES and hashes; teleproto calls Node's crypto.
    description.push(
      "crypto is empty as in GramJS's recipe, but teleproto's AES, hashes and random bytes call Node's " +
        'crypto: the bundle builds, serializes and reads TL objects; a client that connects would also ' +
        'need a crypto polyfill (crypto-browserify, not counted)',
    );
  }
  const tlModule = (path: string): string =>
    `export default ${JSON.stringify(readFileSync(path, 'utf8'))};\n`;
  return {
    description,
    esbuild: {
      name: 'gramjs-browser-recipe',
      setup(build) {
        build.onResolve({ filter: /^[a-z:_]+$/ }, (args) => {
          const path = targets.get(args.path);
          return path === undefined ? undefined : { path };
        });
        build.onLoad({ filter: /\.tl$/ }, (args) => ({ contents: tlModule(args.path), loader: 'js' }));
      },
    },
    esbuildInject,
    rolldown: {
      name: 'gramjs-browser-recipe',
      resolveId(source) {
        const id = targets.get(source);
        return id === undefined ? null : { id };
      },
      load(id) {
        return id.endsWith('.tl') ? { code: tlModule(id), moduleType: 'js' } : null;
      },
    },
    rolldownInject: { Buffer: [buffer, 'Buffer'], process: processBrowser },
    define: { global: 'globalThis' },
  };
}

/**
 * Runs a script (an IIFE bundle assigning `globalName`) in a fresh V8 context that has the Web APIs
 * these libraries touch and none of Node's (`require`, `process`, `Buffer`, `global`): gives what the
 * script assigned, and the context to make values of its realm in.
 */
export function browserSandbox(code: string, globalName: string): { exports: unknown; context: vm.Context } {
  const sandbox: Record<string, unknown> = {
    console,
    TextEncoder,
    TextDecoder,
    URL,
    atob,
    btoa,
    crypto: globalThis.crypto,
    performance,
    queueMicrotask,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
  };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  const context = vm.createContext(sandbox);
  vm.runInContext(`${code}\n;globalThis[${JSON.stringify(globalName)}] = ${globalName};`, context);
  return { exports: sandbox[globalName], context };
}
