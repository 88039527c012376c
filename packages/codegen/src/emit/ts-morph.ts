// ts-morph, and TypeScript with it (300 ms of compiling its source), loaded when the emitter first
// prints or scans rather than when its modules are imported: `tlforge generate` checks the schema and
// hands it to its worker threads (emit-workers.ts) before this thread needs either.

import { createRequire } from 'node:module';

let loaded: typeof import('ts-morph') | undefined;

/**
 * Required rather than imported: an ES import of a CommonJS package makes Node run its export lexer
 * over the package's whole source (1 MB for ts-morph), 3-8% of `tlforge generate`.
 */
export function tsMorph(): typeof import('ts-morph') {
  loaded ??= createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
  return loaded;
}
