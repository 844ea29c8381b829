import type { Queryable } from '../platform/db/db.js';

/** One input row's outcome, as the import report gives it. */
export interface ReportRow {
  row: number;
  outcome: 'accepted' | 'duplicate' | 'rejected' | 'already-imported';
  /** For a duplicate: the rule (exact, likely); for a rejected row: the field. */
  rule: string | null;
  field: string | null;
  reason: string | null;
  /** The record the row became, or (already imported) the record it matched. */
  recordId: string | null;
  duplicateOf: string | null;
}

/** A page of an import's report in row order: records it wrote plus rows it rejected or found already imported. */
export async function reportPage(
  db: Queryable,
  importId: string,
  table: 'seizures' | 'reported_totals',
  afterRow: number,
  limit: number,
  outcome?: ReportRow['outcome'],
): Promise<ReportRow[]> {
  const { rows } = await db.query<{
    row_no: number;
    outcome: ReportRow['outcome'];
    rule: string | null;
    field: string | null;
    reason: string | null;
    record_id: string | null;
    duplicate_of: string | null;
  }>(
    `select * from (
       select source_row as row_no, case when duplicate_of is null then 'accepted' else 'duplicate' end as outcome,
              duplicate_rule as rule, null::text as field,
              case when duplicate_of is null then null else duplicate_rule || ' duplicate' end as reason, id as record_id, duplicate_of
         from ${table} where import_id = $1 and source_row > $2
       union all
       select row_no, outcome, null, field, reason, record_id, null from seizure_import_rows where import_id = $1 and row_no > $2
     ) x where ($4::text is null or outcome = $4) order by row_no limit $3`,
    [importId, afterRow, limit, outcome ?? null],
  );
  return rows.map((r) => ({
    row: Number(r.row_no),
    outcome: r.outcome,
    rule: r.rule,
    field: r.field,
    reason: r.reason,
    recordId: r.record_id,
    duplicateOf: r.duplicate_of,
  }));
}

const csvField = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const REPORT_CSV_HEADER = 'row,outcome,rule,field,reason,record_id,duplicate_of\r\n';

export function reportCsvLine(r: ReportRow): string {
  return `${[r.row, r.outcome, r.rule, r.field, r.reason, r.recordId, r.duplicateOf].map(csvField).join(',')}\r\n`;
}

/** The whole report as CSV lines, read a page at a time. */
export async function* reportCsv(
  db: Queryable,
  importId: string,
  table: 'seizures' | 'reported_totals',
): AsyncGenerator<string> {
  yield REPORT_CSV_HEADER;
  let after = 0;
  for (;;) {
    const page = await reportPage(db, importId, table, after, 10_000);
    if (!page.length) return;
    yield page.map(reportCsvLine).join('');
    after = page.at(-1)!.row;
  }
}

/** Rejections grouped by field and reason, most frequent first. */
export async function rejectionSummary(
  db: Queryable,
  importId: string,
): Promise<{ field: string; reason: string; count: number }[]> {
  const { rows } = await db.query<{ field: string; reason: string; n: number }>(
    `select field, reason, count(*)::int as n from seizure_import_rows where import_id = $1 and outcome = 'rejected'
     group by 1, 2 order by 3 desc, 1, 2 limit 100`,
    [importId],
  );
  return rows.map((r) => ({ field: r.field, reason: r.reason, count: Number(r.n) }));
}
