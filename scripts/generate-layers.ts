// `npm run generate`: regenerates the committed layers (packages/layers/src, test/generated) from the vendored schemas
// and prints what was produced. A test regenerates into a temporary folder and compares the bytes.

import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSchemaSet } from '../packages/codegen/src/emit/generate.ts';

const latest = ['schema/latest/api.tl', 'schema/latest/mtproto.tl'];
const layer214 = ['schema/layer214/api.tl', 'schema/layer214/mtproto.tl'];
const layer122 = ['schema/layer122/api.tl', 'schema/layer122/mtproto.tl'];
/** Descriptions and RPC errors of layer 228 (schema/docs/README.md). */
const latestDocs = 'schema/docs/layer228.json';

/** Each vendored schema set and the folder its module goes to. */
export const vendoredSets: ReadonlyArray<{
  name: string;
  files: string[];
  outDir: string;
  long?: 'big-integer' | 'bigint';
  /** The other layers whose ids an unknown-constructor error of this one explains. */
  explainIdsFrom?: string[][];
  /** The documentation written for this layer (none for older layers: their definitions differ). */
  docs?: string;
}> = [
  {
    name: 'latest',
    files: ['schema/latest/api.tl', 'schema/latest/mtproto.tl'],
    outDir: 'packages/layers/src/latest',
    explainIdsFrom: [layer214, layer122],
    docs: latestDocs,
  },
  {
    name: 'latest-bigint',
    files: ['schema/latest/api.tl', 'schema/latest/mtproto.tl'],
    outDir: 'packages/layers/src/latest-bigint',
    long: 'bigint',
    explainIdsFrom: [layer214, layer122],
    docs: latestDocs,
  },
  {
    name: 'layer122',
    files: ['schema/layer122/api.tl', 'schema/layer122/mtproto.tl'],
    outDir: 'packages/layers/src/layer122',
    explainIdsFrom: [latest, layer214],
  },
  // Not shipped: the layer of teleproto@214.1.7, for the differential tests against it.
  {
    name: 'layer214',
    files: ['schema/layer214/api.tl', 'schema/layer214/mtproto.tl'],
    outDir: 'test/generated/layer214',
  },
];

function main(): void {
  const started = performance.now();
  let totalBytes = 0;
  let totalFiles = 0;
  for (const set of vendoredSets) {
    // A fresh folder: a namespace that left the schema must not leave its module behind.
    rmSync(set.outDir, { recursive: true, force: true });
    const summary = generateSchemaSet(set);
    totalBytes += summary.bytes;
    totalFiles += summary.files.length;
    console.log(
      `${set.outDir}: layer ${summary.layer ?? '?'}, ${summary.constructors} constructors, ` +
        `${summary.functions} functions, ${summary.files.length} file(s), ${summary.bytes} bytes, ` +
        `${Math.round(summary.milliseconds)} ms`,
    );
  }
  console.log(
    `total: ${totalFiles} file(s), ${totalBytes} bytes, ${Math.round(performance.now() - started)} ms`,
  );
}

// Run as a script (`npm run generate`), not when a test imports `vendoredSets`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
