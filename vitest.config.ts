import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources (the `@tlforge/source` export condition),
// so tests never run against a stale dist/.
export default defineConfig({
  resolve: { conditions: ['@tlforge/source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['@tlforge/source', 'node', 'import', 'default'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
