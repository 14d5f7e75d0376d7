import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Lives in packages/ to keep the repository's top level to the agreed set of entries.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
