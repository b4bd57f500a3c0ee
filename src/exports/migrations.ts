export {
  POSTGRES_VOCABULARY_LOCK_DOWN,
  POSTGRES_VOCABULARY_LOCK_UP,
  POSTGRES_WORD_INDEX_DOWN,
  POSTGRES_WORD_INDEX_UP,
  SQLITE_WORD_INDEX_DOWN,
  SQLITE_WORD_INDEX_UP,
} from '../listing/wordIndexSchema.js'
export { searchText } from '../listing/text.js'
