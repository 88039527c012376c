// Whether a module is the script node was started with. npm's `node_modules/.bin/tlforge`, `npm
// link` and pnpm start the CLI through a symlink: node reports the module by its real path but
// leaves `process.argv[1]` as typed, so both are resolved before comparing.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function isEntryModule(moduleUrl: string, scriptPath: string | undefined): boolean {
  if (scriptPath === undefined || !moduleUrl.startsWith('file:')) return false;
  try {
    return realpathSync(scriptPath) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    // A script path that does not exist (`node -e`, a REPL) is not this module.
    return false;
  }
}
