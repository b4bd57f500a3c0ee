/** `npm run reindex`: rebuilds the listing index from the published items (DATABASE_URL). */
import { getPayload } from 'payload'

import { createConfig } from '../payload.config'
import { reindexAll } from '../src/listing/indexer'
import { readEnv } from '../src/runtime/env'

async function main() {
  const payload = await getPayload({ config: createConfig(readEnv({ ...process.env, SEED: 'false', RUN_JOBS: 'false' })) })
  const started = performance.now()
  const count = await reindexAll(payload, (done) => done % 1000 === 0 && console.log(`${done} items…`))
  console.log(`Reindexed ${count} published items in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  await payload.destroy()
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
