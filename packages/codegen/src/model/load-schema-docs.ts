// Reads the documentation file of `--docs` from disk. A path that cannot be read throws a
// `TlFileError` naming it, as a schema file does; problems of its content are diagnostics.

import { readFileSync } from 'node:fs';
import { type ParsedSchemaDocs, parseSchemaDocs } from '../parser/parse-docs-json.ts';
import { errnoCode, TlFileError } from './file-error.ts';

export function loadSchemaDocs(path: string): ParsedSchemaDocs {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (failure) {
    if (errnoCode(failure) === 'EISDIR') {
      throw new TlFileError('is-directory', path, `${path} is a directory: the docs are one .json file`, {
        cause: failure,
      });
    }
    throw TlFileError.fromReadFailure(path, failure);
  }
  return parseSchemaDocs(text, path);
}
