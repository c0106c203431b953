import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // .ci/run's second run (Node 26) writes its own report beside the first (PURESTREAM_UNIT_REPORT).
    reporters: ['default', ['json', { outputFile: process.env.PURESTREAM_UNIT_REPORT ?? 'test-results/unit.json' }]],
  },
});
