import type { Db } from './db.js';

// The planner works from table statistics, and a table filled in bulk outruns them. PGlite has no autovacuum
// daemon, so nothing ever analyses its tables: a feed page of 500 was read by scanning and sorting every entry of
// the partner (12 ms a page at 10,000 entries, growing with the feed) instead of walking the index. PostgreSQL's
// autovacuum looks once a minute, while a 100,000-record backlog is applied in about 30 s: until then each page's
// lookup of what the partner already held seq-scanned `federation_received` (12 ms a page, 15 s of the backlog).
// Callers that write in bulk report what they wrote; a table is analysed once the rows written since its last
// analysis pass autovacuum's default threshold (50 rows + 10% of the table).

const THRESHOLD_ROWS = 50;
const THRESHOLD_SHARE = 0.1;

interface TableState {
  written: number;
  rowsAtLastAnalysis: number;
}

const states = new WeakMap<Db, Map<string, TableState>>();

/** Analyses the tables whose writes since their last analysis pass the threshold (after commit). */
export async function keepStatistics(db: Db, written: Readonly<Record<string, number>>): Promise<string[]> {
  for (const table of Object.keys(written))
    if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
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
    await db.exec(`analyze ${table}`);
    const { rows: count } = await db.query<{ n: number }>(
      'select reltuples::float8 as n from pg_class where oid = $1::regclass',
      [table],
    );
    state.rowsAtLastAnalysis = Math.max(0, Number(count[0]?.n ?? 0));
    state.written = 0;
    analysed.push(table);
  }
  return analysed;
}
