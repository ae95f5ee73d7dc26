// Three test projects: `unit` (fast, Node), `balance` (slow: many whole games per level) and `e2e`
// (Chromium against a production build in dist/). `npm test` runs unit and balance before the
// build and e2e after it; `npx vitest run --project unit` is the quick loop.
import { defineConfig } from 'vitest/config';

const E2E = 'test/e2e/**/*.test.ts';
const BALANCE = 'test/balance.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [E2E, BALANCE, 'node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: { name: 'balance', include: [BALANCE], testTimeout: 300_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [E2E],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // One browser at a time: the machines that run this have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
