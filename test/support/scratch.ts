// Scratch folders for generated modules that tests import: inside the repository (under the
// git-ignored tmp/), so that their `@tlforge/runtime` import resolves through node_modules as it
// does in a user's project.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../tmp/', import.meta.url));

/** A new empty folder `tmp/<prefix>XXXXXX`; remove it with `removeScratch`. */
export function scratchDir(prefix: string): string {
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, prefix));
}

export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
