import type { Db } from './db.js';

// The planner works from table statistics, and a table filled in bulk outruns them. PGlite has no autovacuum
// daemon, so nothing ever analyses its tables: a feed page of 500 was read by scanning and sorting every entry of
// the partner (12 ms a page at 10,000 entries, growing with the feed) instead of walking the index. PostgreSQL's
// autovacuum looks once a minute, while a 100,000-record backlog is applied in about 30 s: until then each page's
// lookup of what the partner already held seq-scanned `federation_received` (12 ms a page, 15 s of the backlog).
// Callers that write in bulk report what they wrote; a table is analysed once the rows written since its last
// analysis reach 50 + the table's size then (it doubled): the plans that matter here (probe the index or scan)
// change with the order of magnitude, not with 10 % more rows. At autovacuum's 10 % the receiver of a backlog
// analysed `federation_received` 24 times in 30,000 records, 3.9 s of its 12 s (PostgreSQL statement log).
// Callers may name the columns the planner needs: analysing a table with its signed envelopes and payloads read
// and measured every one of those wide values in the sample.

const THRESHOLD_ROWS = 50;
const THRESHOLD_SHARE = 1;
// These analyses are there for row counts and key uniqueness, which a sample of 3,000 rows gives as well as the
// default 30,000 (statistics target 100): analysing 100,000 received records took 230–260 ms at the default and
// 12–25 ms at 10 (psql). PostgreSQL's autovacuum later analyses at its own target.
const SAMPLE_TARGET = 10;

interface TableState {
  written: number;
  rowsAtLastAnalysis: number;
}

const states = new WeakMap<Db, Map<string, TableState>>();

const NAME = /^[a-z_]+$/;

/**
 * Analyses the tables whose writes since their last analysis pass the threshold (after commit); `columns` names,
 * per table, the columns to analyse (all of them for a table not named).
 */
export async function keepStatistics(
  db: Db,
  written: Readonly<Record<string, number>>,
  columns: Readonly<Record<string, readonly string[]>> = {},
): Promise<string[]> {
  for (const table of Object.keys(written))
    if (!NAME.test(table)) throw new Error(`not a table name: ${table}`);
  for (const column of Object.values(columns).flat())
    if (!NAME.test(column)) throw new Error(`not a column name: ${column}`);
  let tables = states.get(db);
  if (!tables) {
    tables = new Map();
    states.set(db, tables);
  }
  const analysed: string[] = [];
  for (const [table, rows] of Object.entries(written)) {
    const state = tables.get(table) ?? { written: 0, rowsAtLastAnalysis: 0 };
    tables.set(table, state);
    state.written += rows;
    if (state.written < THRESHOLD_ROWS + THRESHOLD_SHARE * state.rowsAtLastAnalysis) continue;
    const only = columns[table];
    const analysedRows = await db.transaction(async (tx) => {
      await tx.exec(`set local default_statistics_target = ${SAMPLE_TARGET}`);
      await tx.exec(`analyze ${table}${only?.length ? ` (${only.join(', ')})` : ''}`);
      const { rows } = await tx.query<{ n: number }>(
        'select reltuples::float8 as n from pg_class where oid = $1::regclass',
        [table],
      );
      return Number(rows[0]?.n ?? 0);
    });
    state.rowsAtLastAnalysis = Math.max(0, analysedRows);
    state.written = 0;
    analysed.push(table);
  }
  return analysed;
}
