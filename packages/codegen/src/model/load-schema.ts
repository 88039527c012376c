// Reads schema files from disk and resolves them together: the entry point of the CLI and of
// generation. File names in positions are the paths exactly as given. A path that cannot be read
// (missing, a directory) throws a `TlFileError` naming it; schema problems are diagnostics. A `.json`
// file is read as a JSON schema (Telegram's or mtcute's form), any other as TL text: this is the one
// place that tells them apart, and both give the same declarations.

import { readFileSync } from 'node:fs';
import type { ParsedSchema } from '../parser/declaration.ts';
import { parseJsonSchema } from '../parser/parse-json-schema.ts';
import { parseSchema } from '../parser/parse-schema.ts';
import { TlFileError } from './file-error.ts';
import { type ResolvedSchema, resolveSchema } from './resolve-schema.ts';

export interface LoadedSchema extends ResolvedSchema {
  parsed: ParsedSchema[];
}

/**
 * Reads `paths` (UTF-8 .tl or .json files, merged in this order) and resolves them as one schema;
 * positions name the files as given. Throws `TlFileError` for a path that is missing, unreadable or a
 * directory.
 */
export function loadSchema(paths: readonly string[]): LoadedSchema {
  const parsed = paths.map((path) => parseSchemaFile(readSchemaFile(path), path));
  return { ...resolveSchema(parsed), parsed };
}

/** By extension, case ignored: `.json` is a JSON schema, anything else TL text. */
export function parseSchemaFile(text: string, path: string): ParsedSchema {
  return path.toLowerCase().endsWith('.json') ? parseJsonSchema(text, path) : parseSchema(text, path);
}

function readSchemaFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (failure) {
    throw TlFileError.fromReadFailure(path, failure);
  }
}
