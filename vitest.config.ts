import { defineConfig } from 'vitest/config'

// The fuzz test (tests/fuzz) runs per database like the integration suite.
const integration = ['tests/integration/**/*.test.ts', 'tests/fuzz/**/*.test.ts']
const slow = { testTimeout: 60_000, hookTimeout: 120_000 }

/**
 * One run, several projects: the integration suite runs once per database, the feed library
 * and the admin browser test once each. MongoDB joins when MONGODB_URL is set.
 */
export default defineConfig({
  // The packages of this repository resolve to their TypeScript sources in tests (see package.json exports).
  resolve: { conditions: ['newsroom-source', 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: ['newsroom-source', 'module', 'node', 'development|production'], externalConditions: ['newsroom-source'] } },
  test: {
    // --conditions=development: a Node 20 workaround (Lexical's top-level await, silent exit 13),
    // listed with the others in tests/support/node20Workarounds.ts; Node 22+ does not need it.
    execArgv: ['--conditions=development', '--conditions=newsroom-source'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 } },
      { extends: true, test: { name: 'feeds', include: ['tests/feeds/**/*.test.ts'] } },
      { extends: true, test: { name: 'sqlite', include: integration, env: { TEST_DB: 'sqlite' }, ...slow } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          env: { TEST_DB: 'postgres' },
          globalSetup: ['tests/support/globalPostgres.ts'],
          ...slow,
        },
      },
      ...(process.env.MONGODB_URL
        ? [{ extends: true as const, test: { name: 'mongodb', include: integration, env: { TEST_DB: 'mongodb' }, ...slow } }]
        : []),
      {
        extends: true,
        test: {
          name: 'consumer',
          include: ['tests/consumer/**/*.test.ts'],
          globalSetup: ['tests/support/packTarballs.ts'],
          testTimeout: 900_000,
          hookTimeout: 900_000,
        },
      },
      // One file at a time: each runs `npm start`, and the first may run `next build`, which must not run twice at once.
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 600_000, fileParallelism: false } },
    ],
  },
})
