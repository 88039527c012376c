// Reads schema files from disk and resolves them together: the entry point of the CLI and of
// generation. File names in positions are the paths exactly as given. A path that cannot be read
// (missing, a directory) throws a `TlFileError` naming it; schema problems are diagnostics.

import { readFileSync } from 'node:fs';
import type { ParsedSchema } from '../parser/declaration.ts';
import { parseSchema } from '../parser/parse-schema.ts';
import { TlFileError } from './file-error.ts';
import { type ResolvedSchema, resolveSchema } from './resolve-schema.ts';

export interface LoadedSchema extends ResolvedSchema {
  parsed: ParsedSchema[];
}

/**
 * Reads `paths` (UTF-8 .tl files, merged in this order) and resolves them as one schema; positions
 * name the files as given. Throws `TlFileError` for a path that is missing, unreadable or a directory.
 */
export function loadSchema(paths: readonly string[]): LoadedSchema {
  const parsed = paths.map((path) => parseSchema(readSchemaFile(path), path));
  return { ...resolveSchema(parsed), parsed };
}

function readSchemaFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (failure) {
    throw TlFileError.fromReadFailure(path, failure);
  }
}
