import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rawSql } from '../../src/db/rawSql'
import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

/**
 * Payload reads an item's localized fields with `WHERE _parent_id = ?`; without an index led by
 * `_parent_id` that scans the whole locales table for every item shown (the item pages at 100,000
 * items took 40 ms a read for it). The migrations add one to every locales table.
 */
describe.skipIf(databaseUnavailable())('indexes on the locales tables', () => {
  let n: TestNewsroom
  beforeAll(async () => {
    n = await startNewsroom()
  })
  afterAll(async () => n?.close())

  it('every locales table has an index led by _parent_id, and reading an item uses it', async () => {
    const sql = rawSql(n.payload)!
    if (sql.dialect === 'sqlite') {
      const tables = (await sql.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_locales' ESCAPE '\\'`)).map((r) => String(r.name))
      expect(tables).toEqual(expect.arrayContaining(['news_locales', '_news_v_locales', 'events_locales', 'press_locales', 'topics_locales']))
      for (const t of tables) {
        const led: string[] = []
        for (const ix of await sql.query(`SELECT name FROM pragma_index_list(?)`, [t])) {
          const first = await sql.query(`SELECT name FROM pragma_index_info(?) WHERE seqno = 0`, [String(ix.name)])
          if (first[0]?.name === '_parent_id') led.push(String(ix.name))
        }
        expect(led, t).not.toEqual([])
      }
      const plan = await sql.query(`EXPLAIN QUERY PLAN SELECT title, body, _locale FROM news_locales WHERE _parent_id = ?`, [1])
      expect(plan.map((r) => String(r.detail)).join('\n')).toMatch(/USING INDEX news_locales_parent_id_idx/)
    } else {
      const rows = await sql.query(
        `SELECT c.table_name AS t, (SELECT count(*) FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = c.table_name AND i.indexdef LIKE '%(_parent_id)') AS n
         FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.column_name = '_parent_id' AND c.table_name LIKE '%\\_locales' ESCAPE '\\'`,
      )
      expect(rows.map((r) => r.t)).toEqual(expect.arrayContaining(['news_locales', '_news_v_locales', 'events_locales', 'press_locales', 'topics_locales']))
      for (const r of rows) expect(Number(r.n), String(r.t)).toBeGreaterThan(0)
    }
  })
})
