import { defineConfig } from 'vitest/config';

// `npm test` runs both projects: fast unit tests (node) and browser end-to-end tests
// (playwright-core driving Debian's /usr/bin/chromium against the real API).
export default defineConfig({
  define: { __API_BASE__: JSON.stringify('https://api.test'), __CLIENT_ID__: JSON.stringify(''), __API_SCOPE__: JSON.stringify('') },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 900_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
