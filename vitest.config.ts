import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs no service (loopback servers a test starts itself are fine);
// `integration` talks to the real Kafka, Elasticsearch and Redis started by `npm run stack:up`.
// `npm test` runs both: the unit group first, then the integration group.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.int.test.ts', 'services/*/src/**/*.int.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Real services on a 2-core machine: few files at a time keeps timings honest.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
