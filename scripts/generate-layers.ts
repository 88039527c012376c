// `npm run generate`: regenerates the committed modules under generated/ from the vendored schemas
// and prints what was produced. A test regenerates into a temporary folder and compares the bytes.

import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSchemaSet } from '../packages/codegen/src/emit/generate.ts';

/** Each vendored schema set and the folder its module goes to. */
export const vendoredSets: ReadonlyArray<{
  name: string;
  files: string[];
  outDir: string;
  long?: 'big-integer' | 'bigint';
}> = [
  {
    name: 'latest',
    files: ['schema/latest/api.tl', 'schema/latest/mtproto.tl'],
    outDir: 'packages/layers/src/latest',
  },
  {
    name: 'latest-bigint',
    files: ['schema/latest/api.tl', 'schema/latest/mtproto.tl'],
    outDir: 'packages/layers/src/latest-bigint',
    long: 'bigint',
  },
  {
    name: 'layer122',
    files: ['schema/layer122/api.tl', 'schema/layer122/mtproto.tl'],
    outDir: 'packages/layers/src/layer122',
  },
];

function main(): void {
  const started = performance.now();
  let totalBytes = 0;
  let totalFiles = 0;
  for (const set of vendoredSets) {
    // A fresh folder: a namespace that left the schema must not leave its module behind.
    rmSync(set.outDir, { recursive: true, force: true });
    const summary = generateSchemaSet({ files: set.files, outDir: set.outDir, long: set.long });
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
