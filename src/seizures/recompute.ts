import type { Db, Queryable } from '../platform/db/db.js';
import { type KgTable, toKgEquivalent } from '../reference/convert.js';

const PAGE = 10_000;

export interface RecomputeResult {
  table: string;
  seizures: number;
  reportedTotals: number;
}

async function recomputeTable(db: Db, name: 'seizures' | 'reported_totals', table: KgTable): Promise<number> {
  const version = table.table.version;
  let done = 0;
  for (;;) {
    const changed = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; quantity: number; unit_code: string; drug_code: string }>(
        `select id, quantity::float8 as quantity, unit_code, drug_code from ${name} where kg_table <> $1 limit ${PAGE} for update`,
        [version],
      );
      if (!rows.length) return 0;
      const updates = rows.map((r) => {
        const kg = toKgEquivalent(Number(r.quantity), r.unit_code, r.drug_code, table);
        return { id: r.id, kg: kg.ok ? kg.kg : null, kg_note: kg.ok ? null : kg.detail };
      });
      await tx.query(
        `update ${name} t set kg = u.kg, kg_note = u.kg_note, kg_table = $2
           from jsonb_to_recordset($1::jsonb) as u(id uuid, kg double precision, kg_note text) where t.id = u.id`,
        [JSON.stringify(updates), version],
      );
      return rows.length;
    });
    done += changed;
    if (changed < PAGE) return done;
  }
}

/** Rebuilds the rollups from the seizures table (after a recompute; the one time statistics scan it). */
export async function rebuildRollups(tx: Queryable): Promise<void> {
  await tx.exec(
    'delete from seizure_rollups; delete from seizure_yearly_rollups; delete from seizure_drug_monthly_rollups; delete from seizure_daily_rollups; delete from seizure_route_rollups; delete from seizure_route_yearly_rollups;',
  );
  await tx.exec(`
    insert into seizure_rollups (country, drug_code, month, duplicate, kg, n, n_kg)
      select country, drug_code, date_trunc('month', seizure_date)::date, duplicate_of is not null, coalesce(sum(kg), 0), count(*), count(kg)
      from seizures where retracted_at is null group by 1, 2, 3, 4;
    insert into seizure_yearly_rollups (country, drug_code, year, duplicate, kg, n, n_kg)
      select country, drug_code, extract(year from month)::int, duplicate, sum(kg), sum(n), sum(n_kg)
      from seizure_rollups group by 1, 2, 3, 4;
    insert into seizure_drug_monthly_rollups (drug_code, month, duplicate, kg, n, n_kg)
      select drug_code, month, duplicate, sum(kg), sum(n), sum(n_kg) from seizure_rollups group by 1, 2, 3;
    insert into seizure_daily_rollups (country, drug_code, day, duplicate, kg, n, n_kg)
      select country, drug_code, seizure_date, duplicate_of is not null, coalesce(sum(kg), 0), count(*), count(kg)
      from seizures where retracted_at is null group by 1, 2, 3, 4;
    insert into seizure_route_rollups (departure, destination, drug_code, month, duplicate, kg, n)
      select departure_country, destination_country, drug_code, date_trunc('month', seizure_date)::date, duplicate_of is not null,
             coalesce(sum(kg), 0), count(*)
      from seizures where retracted_at is null and departure_country is not null and destination_country is not null
      group by 1, 2, 3, 4, 5;
    insert into seizure_route_yearly_rollups (departure, destination, drug_code, year, duplicate, kg, n)
      select departure, destination, drug_code, extract(year from month)::int, duplicate, sum(kg), sum(n)
      from seizure_route_rollups group by 1, 2, 3, 4, 5;`);
}

/** Whether any seizure or reported total was converted with another table than `version` (an index lookup). */
export async function hasStale(db: Queryable, version: string): Promise<boolean> {
  const { rows } = await db.query<{ stale: boolean }>(
    `select exists (select 1 from seizures where kg_table < $1 or kg_table > $1)
         or exists (select 1 from reported_totals where kg_table <> $1) as stale`,
    [version],
  );
  return rows[0]?.stale === true;
}

/**
 * Converts every seizure and reported total that was converted with another table again with `table`, then
 * rebuilds the rollups. The reported quantity and unit never change; only the derived kilograms do.
 */
export async function recomputeKg(db: Db, table: KgTable): Promise<RecomputeResult> {
  const seizures = await recomputeTable(db, 'seizures', table);
  const reportedTotals = await recomputeTable(db, 'reported_totals', table);
  if (seizures) await db.transaction((tx) => rebuildRollups(tx));
  return { table: table.table.version, seizures, reportedTotals };
}
