// The emit worker of `tlforge generate` run from its TypeScript source, for tests: Node 20 cannot start
// a worker on a .ts file, so tsx is registered in the worker first.

import { register } from 'tsx/esm/api';

register();
await import('../../packages/codegen/src/emit/emit-worker.ts');
