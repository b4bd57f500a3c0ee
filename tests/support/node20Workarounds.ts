/**
 * Every workaround this repository carries for Node 20, in one list, so that all of them can go
 * when Node 20 support ends (`engines` ≥ 22). tests/unit/node20Workarounds.test.ts fails when a
 * file uses one of these flags without being listed here, or is listed and no longer uses it.
 *
 * The cause is one: Lexical's `node` export entries (under @payloadcms/richtext-lexical) wrap a
 * dynamic import in top-level await, and Node 20's ESM loader now and then deadlocks on it; the
 * process then exits with code 13 and prints nothing. Node 22 and 24 do not show it (counts in
 * README.md, "Node.js versions"). Lexical's `production` and `development` entries are plain
 * modules, so selecting either condition avoids the top-level await.
 */
export type Node20Workaround = {
  /** What is done on every line today, and why it helps on Node 20. */
  what: string
  /** The node flag, when the workaround is one. */
  flag?: string
  /** Files (and package.json scripts) that carry it. */
  where: string[]
  /** The first Node line on which it is no longer needed. */
  unnecessaryFrom: 22
}

export const node20Workarounds = {
  productionCondition: {
    what: 'scripts and CLIs that load payload.config.ts select Lexical\'s "production" entries',
    flag: '--conditions=production',
    where: [
      'package.json#start',
      'package.json#bench',
      'package.json#seed',
      'package.json#reindex',
      'package.json#digest',
      'package.json#export',
      'package.json#migrate:create',
      'package.json#payload',
      'package.json#generate:importmap',
      'package.json#generate:types',
      'tests/consumer/plugin.test.ts', // NODE_OPTIONS for the consumer app's `payload` CLI
      'tests/integration/newsletter.test.ts', // the `npm run digest` command, spawned as node directly
      'bench/newsletter.ts', // fallback when package.json's digest script cannot be read
      'bench/run.ts', // doc comment: how to run it
      'bench/digest-worker.ts', // doc comment
      'bench/newsletterHttp.ts', // doc comment
    ],
    unnecessaryFrom: 22,
  },
  developmentCondition: {
    what: 'vitest workers select Lexical\'s "development" entries',
    flag: '--conditions=development',
    where: ['vitest.config.ts'],
    unnecessaryFrom: 22,
  },
  noTopLevelAwaitInScripts: {
    what: 'scripts that boot Payload do not use top-level await themselves (a module still evaluating while Payload imports lazily can leave Node 20 waiting)',
    where: ['demo/scripts/withPayload.ts', 'bench/digest-worker.ts'],
    unnecessaryFrom: 22,
  },
} satisfies Record<string, Node20Workaround>
