/**
 * The listing's word index, as SQL. It lives beside Payload's own schema (Payload has no field type
 * for it) and is kept in step with `newsroom_index` by triggers, inside the same transaction as the
 * write, so there is no code path that can forget it. This app's migrations run it; an app that
 * installs the plugin with its own migrations can run the same statements from one of its own.
 *
 * What is indexed is the `search` column, which `searchText` already cut into distinct words; the
 * database never tokenizes. Besides the words, every row gets one term for its locale (`§l` + the
 * locale code without `-`/`_`) and one per topic on its path (`§t` + topic id), so a count with a
 * topic filter is answered by the index alone. `§` cannot occur in a word (words are runs of
 * letters, digits and marks), so these never collide with text.
 *
 * `newsroom_terms` is the vocabulary: the words of the indexed rows. A query word is looked up there
 * as a substring (`%hälsa%` finds folkhälsa, ohälsa, hälsan) and the matching words are then looked
 * up in the index, which keeps the substring semantics of a plain LIKE at index speed. Words that
 * no row uses any more are pruned after the writes that dropped them and by `npm run reindex`
 * (vocabulary.ts); until then they only make an expansion one term longer.
 */

const sqliteRowid = (row: 'new' | 'old') => `((CASE ${row}.type WHEN 'news' THEN 1 WHEN 'events' THEN 2 WHEN 'press' THEN 3 ELSE 0 END) << 40) | ${row}.id`

const sqliteTerms = `coalesce(new.search, '') || ' §l' || lower(replace(replace(new.locale, '-', ''), '_', ''))
    || CASE WHEN coalesce(trim(new.topic_path, '|'), '') <> '' THEN ' §t' || replace(trim(new.topic_path, '|'), '|', ' §t') ELSE '' END
    || CASE WHEN coalesce(new.title_search, '') <> '' THEN ' §h' || replace(new.title_search, ' ', ' §h') ELSE '' END`

// json_each cannot split on spaces by itself; a word list becomes a JSON array of strings. Words
// hold no quotes or backslashes, but anything else written to `search` must not break the insert.
const sqliteWordsJson = `'["' || replace(replace(replace(coalesce(new.search, ''), '\\', '\\\\'), '"', '\\"'), ' ', '","') || '"]'`
const sqliteAddTerms = `INSERT OR IGNORE INTO newsroom_terms (term)
    SELECT value FROM json_each(CASE WHEN json_valid(${sqliteWordsJson}) THEN ${sqliteWordsJson} ELSE '[]' END) WHERE value <> '';`

/**
 * SQLite: a contentless FTS5 table whose rowid is the index row's id with the type in bits 40+,
 * so the facet counts group by `rowid >> 40` without reading a single index row. The `ascii`
 * tokenizer treats every non-ASCII character as part of a word and splits on ASCII spaces and
 * punctuation only, so it sees exactly the words `searchText` wrote. The vocabulary has an FTS5
 * trigram index, so looking up a word of three or more letters does not read all of it.
 * Title words are indexed a second time as `§h` + word, so a page can find the items with every
 * word in the title (shown first) without reading rows.
 */
export const SQLITE_WORD_INDEX_UP: string[] = [
  `CREATE TABLE IF NOT EXISTS newsroom_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE)`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS newsroom_terms_trigram USING fts5(term, content='newsroom_terms', content_rowid='id', tokenize='trigram')`,
  `CREATE TRIGGER IF NOT EXISTS newsroom_terms_trigram_insert AFTER INSERT ON newsroom_terms BEGIN
    INSERT INTO newsroom_terms_trigram (rowid, term) VALUES (new.id, new.term);
  END`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS newsroom_fts USING fts5(terms, content='', contentless_delete=1, detail='none', tokenize='ascii')`,
  `CREATE TRIGGER IF NOT EXISTS newsroom_index_words_insert AFTER INSERT ON newsroom_index BEGIN
    ${sqliteAddTerms}
    INSERT INTO newsroom_fts (rowid, terms) VALUES (${sqliteRowid('new')}, ${sqliteTerms});
  END`,
  `CREATE TRIGGER IF NOT EXISTS newsroom_index_words_delete AFTER DELETE ON newsroom_index BEGIN
    DELETE FROM newsroom_fts WHERE rowid = ${sqliteRowid('old')};
  END`,
  `CREATE TRIGGER IF NOT EXISTS newsroom_index_words_update AFTER UPDATE OF search, title_search, locale, type, topic_path ON newsroom_index BEGIN
    DELETE FROM newsroom_fts WHERE rowid = ${sqliteRowid('old')};
    ${sqliteAddTerms}
    INSERT INTO newsroom_fts (rowid, terms) VALUES (${sqliteRowid('new')}, ${sqliteTerms});
  END`,
  // Rows that existed before the index.
  `INSERT OR IGNORE INTO newsroom_terms (term)
    SELECT j.value FROM newsroom_index AS new, json_each(CASE WHEN json_valid(${sqliteWordsJson}) THEN ${sqliteWordsJson} ELSE '[]' END) AS j WHERE j.value <> ''`,
  `INSERT INTO newsroom_fts (rowid, terms) SELECT ${sqliteRowid('new')}, ${sqliteTerms} FROM newsroom_index AS new`,
]

export const SQLITE_WORD_INDEX_DOWN: string[] = [
  `DROP TRIGGER IF EXISTS newsroom_index_words_update`,
  `DROP TRIGGER IF EXISTS newsroom_index_words_delete`,
  `DROP TRIGGER IF EXISTS newsroom_index_words_insert`,
  `DROP TABLE IF EXISTS newsroom_fts`,
  `DROP TRIGGER IF EXISTS newsroom_terms_trigram_insert`,
  `DROP TABLE IF EXISTS newsroom_terms_trigram`,
  `DROP TABLE IF EXISTS newsroom_terms`,
]

/**
 * PostgreSQL: `newsroom_search` holds, per index row, the ids of its terms in an integer array
 * under a GIN index. PostgreSQL cannot count from a GIN index alone (every match costs a heap
 * tuple), so the table is kept narrow (about 25 rows a page against 2–3 of `newsroom_index`) and
 * is partitioned by type: the three facet counts are then three independent queries over a third
 * of the data each, which run side by side on separate connections. The vocabulary has a trigram
 * index, so the substring lookup of a query word does not read the whole vocabulary either.
 * Needs pg_trgm (created by the search_indexes migration).
 */
/**
 * The trigger function that writes a row's terms. With `lock`, it first takes VOCABULARY_LOCK
 * shared, so that pruning the vocabulary (vocabulary.ts) waits for every transaction that may
 * have picked up the id of an existing word and not committed yet.
 */
const postgresSearchSync = (lock: boolean) => `
  -- New terms are inserted in sorted order, so two transactions adding the same new words wait
  -- for each other in one order and cannot deadlock.
  CREATE OR REPLACE FUNCTION newsroom_search_sync() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
    DECLARE
      words text[] := newsroom_search_words(NEW.search, NEW.locale, NEW.topic_path);
    BEGIN${lock ? `\n      PERFORM pg_advisory_xact_lock_shared(${VOCABULARY_LOCK});` : ''}
      IF TG_OP = 'UPDATE' THEN
        DELETE FROM newsroom_search WHERE id = OLD.id;
      END IF;
      INSERT INTO newsroom_terms (term) SELECT DISTINCT w FROM unnest(words) AS w ORDER BY w ON CONFLICT (term) DO NOTHING;
      INSERT INTO newsroom_search (id, type, terms)
        VALUES (NEW.id, NEW.type, ARRAY(SELECT t.id FROM newsroom_terms AS t WHERE t.term = ANY (words) ORDER BY t.id));
      RETURN NULL;
    END
    $fn$;`

/**
 * The key of the PostgreSQL advisory lock between index writes (shared, in the trigger) and
 * vocabulary pruning (exclusive). Without it, a transaction could take the id of a word that a
 * prune sees as unused (the transaction's row is not committed yet) and deletes.
 */
export const VOCABULARY_LOCK = 7_301_202_611

/** Run after POSTGRES_WORD_INDEX_UP (migration 20261202_005733_hardening here): the trigger with VOCABULARY_LOCK. */
export const POSTGRES_VOCABULARY_LOCK_UP = postgresSearchSync(true)
export const POSTGRES_VOCABULARY_LOCK_DOWN = postgresSearchSync(false)

export const POSTGRES_WORD_INDEX_UP = `
  CREATE TABLE IF NOT EXISTS newsroom_terms (
    id serial PRIMARY KEY,
    term varchar NOT NULL UNIQUE
  );
  CREATE INDEX IF NOT EXISTS newsroom_terms_trgm_idx ON newsroom_terms USING gin (term gin_trgm_ops);
  CREATE TABLE IF NOT EXISTS newsroom_search (
    id integer NOT NULL REFERENCES newsroom_index (id) ON DELETE CASCADE,
    type varchar NOT NULL,
    terms integer[] NOT NULL,
    PRIMARY KEY (type, id)
  ) PARTITION BY LIST (type);
  CREATE TABLE IF NOT EXISTS newsroom_search_news PARTITION OF newsroom_search FOR VALUES IN ('news');
  CREATE TABLE IF NOT EXISTS newsroom_search_events PARTITION OF newsroom_search FOR VALUES IN ('events');
  CREATE TABLE IF NOT EXISTS newsroom_search_press PARTITION OF newsroom_search FOR VALUES IN ('press');
  CREATE INDEX IF NOT EXISTS newsroom_search_terms_idx ON newsroom_search USING gin (terms);

  CREATE OR REPLACE FUNCTION newsroom_search_words(search varchar, locale varchar, topic_path varchar) RETURNS text[]
    LANGUAGE sql IMMUTABLE AS $fn$
      SELECT array_remove(string_to_array(coalesce(search, ''), ' '), '')
        || ('§l' || lower(replace(replace(locale, '-', ''), '_', '')))
        || coalesce((SELECT array_agg('§t' || p) FROM unnest(string_to_array(topic_path, '|')) AS p WHERE p <> ''), '{}')
    $fn$;
${postgresSearchSync(false)}

  DROP TRIGGER IF EXISTS newsroom_index_words ON newsroom_index;
  CREATE TRIGGER newsroom_index_words AFTER INSERT OR UPDATE OF search, locale, type, topic_path ON newsroom_index
    FOR EACH ROW EXECUTE FUNCTION newsroom_search_sync();

  -- Rows that existed before the index.
  INSERT INTO newsroom_terms (term)
    SELECT DISTINCT w FROM newsroom_index AS i, unnest(newsroom_search_words(i.search, i.locale, i.topic_path)) AS w ORDER BY w
    ON CONFLICT (term) DO NOTHING;
  INSERT INTO newsroom_search (id, type, terms)
    SELECT i.id, i.type, ARRAY(SELECT t.id FROM newsroom_terms AS t WHERE t.term = ANY (newsroom_search_words(i.search, i.locale, i.topic_path)) ORDER BY t.id)
    FROM newsroom_index AS i;
  ANALYZE newsroom_terms;
  ANALYZE newsroom_search;`

export const POSTGRES_WORD_INDEX_DOWN = `
  DROP TRIGGER IF EXISTS newsroom_index_words ON newsroom_index;
  DROP FUNCTION IF EXISTS newsroom_search_sync();
  DROP FUNCTION IF EXISTS newsroom_search_words(varchar, varchar, varchar);
  DROP TABLE IF EXISTS newsroom_search;
  DROP TABLE IF EXISTS newsroom_terms;`
