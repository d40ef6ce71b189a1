import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // vitest's default is one worker less than the cores: a single worker on CI's 2-core machine. About a
    // third of the suite waits on real processes (sim serve, the soak, npm pack, a full tmpfs) rather than
    // the CPU, so a third worker overlaps that waiting with work (on the shared 2-core
    // machine: 6m32s with one worker, 3m14s with three).
    maxWorkers: 3,
  },
});
