// Builds the inspector page: `npm run inspector:build [-- <out dir>]` (default inspector/dist) writes
// index.html and inspector.js, one classic script (it runs from file:// too) bundling the runtime, the
// TL parser and resolver, the dissector and the text of the vendored schemas.

import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '..');

/** The layers the page offers, in the order of its select, with their files under schema/. */
const layers: ReadonlyArray<{ name: string; folder: string }> = [
  { name: 'latest', folder: 'latest' },
  { name: '122', folder: 'layer122' },
];

/** `tlforge-inspector:schemas`: the schema text of every layer, as a module. */
const schemaTexts: Plugin = {
  name: 'tlforge-inspector-schemas',
  setup(b) {
    b.onResolve({ filter: /^tlforge-inspector:schemas$/ }, (args) => ({
      path: args.path,
      namespace: 'schemas',
    }));
    b.onLoad({ filter: /.*/, namespace: 'schemas' }, () => {
      const texts: Record<string, Array<{ name: string; text: string }>> = {};
      for (const layer of layers) {
        texts[layer.name] = ['api.tl', 'mtproto.tl'].map((name) => ({
          name,
          text: readFileSync(join(repoRoot, 'schema', layer.folder, name), 'utf8'),
        }));
      }
      return { contents: `export default ${JSON.stringify(texts)};`, loader: 'js' };
    });
  },
};

export interface InspectorBuild {
  outDir: string;
  html: string;
  script: string;
  scriptBytes: number;
}

export async function buildInspector(outDir: string): Promise<InspectorBuild> {
  mkdirSync(outDir, { recursive: true });
  const script = join(outDir, 'inspector.js');
  await build({
    entryPoints: [join(here, 'src/main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@tlforge/source'],
    outfile: script,
    plugins: [schemaTexts],
    logLevel: 'warning',
  });
  const html = join(outDir, 'index.html');
  copyFileSync(join(here, 'index.html'), html);
  return { outDir, html, script, scriptBytes: readFileSync(script).length };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(here, 'dist'));
  const built = await buildInspector(outDir);
  console.log(`${built.html}\n${built.script}: ${(built.scriptBytes / 1024).toFixed(0)} KiB`);
}
