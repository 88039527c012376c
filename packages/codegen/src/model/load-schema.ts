// Reads schema files from disk and resolves them together: the entry point of the CLI and of
// generation. File names in positions are the paths exactly as given.

import { readFileSync } from 'node:fs';
import type { ParsedSchema } from '../parser/declaration.ts';
import { parseSchema } from '../parser/parse-schema.ts';
import { type ResolvedSchema, resolveSchema } from './resolve-schema.ts';

export interface LoadedSchema extends ResolvedSchema {
  parsed: ParsedSchema[];
}

export function loadSchema(paths: readonly string[]): LoadedSchema {
  const parsed = paths.map((path) => parseSchema(readFileSync(path, 'utf8'), path));
  return { ...resolveSchema(parsed), parsed };
}
