import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    // .ci/run's second run (Node 26) writes its own report beside the first (PURESTREAM_UNIT_REPORT).
    reporters: ['default', ['json', { outputFile: process.env.PURESTREAM_UNIT_REPORT ?? 'test-results/unit.json' }]],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // Against real servers (sources.md "Tests"); the global setup starts them only when these tests are queued.
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/globalSetup.ts'],
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
