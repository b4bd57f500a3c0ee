import { defineConfig } from 'vitest/config'

const integration = ['tests/integration/**/*.test.ts']
const slow = { testTimeout: 60_000, hookTimeout: 120_000 }

/**
 * One run, several projects: the integration suite runs once per database, the feed library
 * and the admin browser test once each. MongoDB joins when MONGODB_URL is set.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'feeds', include: ['tests/feeds/**/*.test.ts'] } },
      { test: { name: 'sqlite', include: integration, env: { TEST_DB: 'sqlite' }, ...slow } },
      {
        test: {
          name: 'postgres',
          include: integration,
          env: { TEST_DB: 'postgres' },
          globalSetup: ['tests/support/globalPostgres.ts'],
          ...slow,
        },
      },
      ...(process.env.MONGODB_URL
        ? [{ test: { name: 'mongodb', include: integration, env: { TEST_DB: 'mongodb' }, ...slow } }]
        : []),
      { test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 600_000 } },
    ],
  },
})
