// Which file of a schema set is which: the API schema or the MTProto one, told by the file name
// (`api.tl`, `telegram_api.tl`; `mtproto.tl`, `mtproto_api.tl`, `schema.tl`). A layer bump names
// them `api.<ext>` and `mtproto.<ext>` in schema/latest; this finds them in what it was given.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { VendorError } from './vendor-error.ts';

export type SchemaRole = 'api' | 'mtproto';

/** In the order the files are loaded: the API, then the MTProto service schema. */
export const schemaRoles: readonly SchemaRole[] = ['api', 'mtproto'];

const schemaExtensions = ['.tl', '.json'];

export interface SchemaFile {
  role: SchemaRole;
  /** The path to read (absolute). */
  path: string;
  /** The path as the user gave it (a folder's file joined to the folder as given). */
  given: string;
  /** `.tl` or `.json`. */
  extension: string;
}

export interface FoundSources {
  /** At most one per role, in role order. */
  files: SchemaFile[];
  /** Files of a given folder with a schema extension but no role, as given. */
  ignored: string[];
}

/** `api`, `mtproto`, or undefined when the name does not say. */
export function schemaRole(fileName: string): SchemaRole | undefined {
  const stem = basename(fileName, extname(fileName)).toLowerCase();
  if (stem.includes('mtproto') || stem === 'schema') return 'mtproto';
  if (stem.includes('api')) return 'api';
  return undefined;
}

/**
 * The schema files of `paths`: one or two files, or one folder holding them. Relative paths are
 * resolved from `cwd`. Throws a `VendorError` when a file's role is unclear or given twice.
 */
export function findSources(paths: readonly string[], cwd: string): FoundSources {
  if (paths.length === 0)
    throw new VendorError('no-source', 'give a .tl file, api and mtproto files, or a folder');
  if (paths.length > 2) {
    throw new VendorError(
      'too-many-sources',
      `give at most two files (api and mtproto), got ${paths.length}`,
    );
  }
  const [first] = paths;
  const absolute = resolve(cwd, first);
  if (paths.length === 1 && existsSync(absolute) && statSync(absolute).isDirectory()) {
    return fromFolder(first, absolute);
  }
  const files = paths.map((given) => {
    const role = schemaRole(given);
    if (role === undefined) {
      throw new VendorError(
        'unknown-role',
        `cannot tell whether ${given} is the API or the MTProto schema: name it api${extname(given)} or mtproto${extname(given)}`,
      );
    }
    return { role, path: resolve(cwd, given), given, extension: extname(given) };
  });
  return { files: inRoleOrder(files), ignored: [] };
}

/** The schema files of a folder (schema/latest) by role; a folder without any is an error. */
export function schemaFilesIn(folder: string, given = folder): FoundSources {
  return fromFolder(given, folder);
}

function fromFolder(given: string, folder: string): FoundSources {
  const files: SchemaFile[] = [];
  const ignored: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const extension = extname(name);
    if (!schemaExtensions.includes(extension)) continue;
    const role = schemaRole(name);
    const entry = { path: join(folder, name), given: join(given, name), extension };
    if (role === undefined) ignored.push(entry.given);
    else files.push({ role, ...entry });
  }
  if (files.length === 0) {
    throw new VendorError(
      'no-schema-in-folder',
      `${given} holds no schema file named api or mtproto (${schemaExtensions.join(', ')})`,
    );
  }
  return { files: inRoleOrder(files), ignored };
}

function inRoleOrder(files: SchemaFile[]): SchemaFile[] {
  for (const role of schemaRoles) {
    const ofRole = files.filter((file) => file.role === role);
    if (ofRole.length > 1) {
      throw new VendorError(
        'duplicate-role',
        `${ofRole.map((file) => file.given).join(' and ')} are both the ${role} schema: give one`,
      );
    }
  }
  return schemaRoles.flatMap((role) => files.filter((file) => file.role === role));
}
