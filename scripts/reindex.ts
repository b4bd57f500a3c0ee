/** `npm run reindex`: rebuilds the listing index from the published items (DATABASE_URL). */
import { reindexAll } from '../src/listing/indexer'
import { withPayload } from './withPayload'

withPayload(async (payload) => {
  const started = performance.now()
  const count = await reindexAll(payload, (done) => done % 1000 === 0 && console.log(`${done} items…`))
  console.log(`Reindexed ${count} published items in ${((performance.now() - started) / 1000).toFixed(1)} s`)
})
