// The version of the tlforge package, read from its package.json: `tlforge --version` prints it and
// every generated header names it. The file sits one folder below package.json both as source
// (src/) and compiled (dist/).

import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const TLFORGE_VERSION: string = packageJson.version;
