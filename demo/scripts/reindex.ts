/** `npm run reindex`: rebuilds the listing index from the published items (DATABASE_URL), then prunes the search vocabulary. */
import { rebuildIndex } from 'payload-plugin-newsroom'
import { withPayload } from './withPayload'

withPayload(async (payload) => {
  const started = performance.now()
  const { items, prunedWords } = await rebuildIndex(payload, (done) => done % 1000 === 0 && console.log(`${done} items…`))
  console.log(`Reindexed ${items} published items in ${((performance.now() - started) / 1000).toFixed(1)} s; ${prunedWords} unused words pruned from the search vocabulary`)
})
