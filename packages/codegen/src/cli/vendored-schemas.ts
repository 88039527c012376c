// The schemas tlforge ships (`--layer latest`, `--layer 122`): the vendored .tl files, copied into the
// package's `schemas/` folder when it is built. Run from the repository's sources, the package has no
// such folder and they are read from `schema/` at the repository's root.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliUsageError } from './usage-error.ts';

export interface VendoredLayer {
  /** What `--layer` takes: `latest`, `122`. */
  name: string;
  /** Other spellings `--layer` accepts. */
  aliases: readonly string[];
  /** The folder under `schemas/` (the package) or `schema/` (the repository). */
  folder: string;
}

export const vendoredLayers: readonly VendoredLayer[] = [
  { name: 'latest', aliases: ['228', 'layer228'], folder: 'latest' },
  { name: '122', aliases: ['layer122'], folder: 'layer122' },
];

/** src/cli/ or dist/cli/: the package root is two folders up either way. */
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export function vendoredLayer(name: string): VendoredLayer {
  const layer = vendoredLayers.find((l) => l.name === name || l.aliases.includes(name));
  if (layer !== undefined) return layer;
  const names = vendoredLayers.map((l) => l.name).join(', ');
  throw new CliUsageError('invalid-value', `no vendored layer is named "${name}"; layers: ${names}`);
}

/** The .tl files of a vendored layer (api.tl, then mtproto.tl), where this copy of tlforge keeps them. */
export function vendoredSchemaFiles(layer: VendoredLayer): string[] {
  const candidates = [
    join(packageRoot, 'schemas', layer.folder),
    join(packageRoot, '..', '..', 'schema', layer.folder),
  ];
  const folder = candidates.find((dir) => existsSync(join(dir, 'api.tl')));
  if (folder === undefined) {
    throw new CliUsageError(
      'invalid-value',
      `the schema files of layer ${layer.name} are missing from ${candidates[0]}`,
    );
  }
  const files = readdirSync(folder).filter((file) => file.endsWith('.tl'));
  return files
    .sort((a, b) => (a === 'api.tl' ? -1 : b === 'api.tl' ? 1 : a < b ? -1 : 1))
    .map((file) => join(folder, file));
}
