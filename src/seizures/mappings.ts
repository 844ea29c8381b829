import type { Queryable } from '../platform/db/db.js';
import type { Mapping } from './mapping.js';

export interface SavedMapping {
  name: string;
  mapping: Mapping;
  updatedBy: string;
  updatedAt: string;
}

type Row = { name: string; mapping: Mapping; updated_by: string; updated_at: Date };
const toSaved = (r: Row): SavedMapping => ({
  name: r.name,
  mapping: r.mapping,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at.toISOString(),
});

export async function listMappings(db: Queryable): Promise<SavedMapping[]> {
  const { rows } = await db.query<Row>('select * from seizure_mappings order by name');
  return rows.map(toSaved);
}

export async function getMapping(db: Queryable, name: string): Promise<SavedMapping | undefined> {
  const { rows } = await db.query<Row>('select * from seizure_mappings where name = $1', [name]);
  return rows[0] && toSaved(rows[0]);
}

export async function saveMapping(
  db: Queryable,
  name: string,
  mapping: Mapping,
  by: string,
): Promise<SavedMapping> {
  const { rows } = await db.query<Row>(
    `insert into seizure_mappings (name, kind, mapping, updated_by) values ($1, $2, $3, $4)
     on conflict (name) do update set kind = excluded.kind, mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = now()
     returning *`,
    [name, mapping.kind, JSON.stringify(mapping), by],
  );
  return toSaved(rows[0]!);
}

export async function deleteMapping(db: Queryable, name: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from seizure_mappings where name = $1', [name]);
  return rowCount > 0;
}
