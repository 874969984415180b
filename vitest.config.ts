import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Engine and LibreOffice tests run real programs on two cores: give them room.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Heavy tests (the real engine) must not run in parallel with each other on 2 cores.
    fileParallelism: false,
    // The JSON report feeds the closing line printed by `npm test` (scripts/test-all.mjs).
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
