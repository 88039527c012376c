// Installed versions of the compared packages, for the report. Read from node_modules directly:
// some of them (`@mtcute/tl-runtime`) do not export their package.json.

import { readFileSync } from 'node:fs';

export function packageVersion(name: string): string {
  const url = new URL(`../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}
