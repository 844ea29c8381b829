import type { Queryable } from '../platform/db/db.js';
import { referenceIndex } from '../reference/lookup.js';
import type { Lookup, MechanismFacts } from './kind.js';

/** Lookups for the checks of a write, inside the write's transaction. */
export function dbLookup(db: Queryable): Lookup {
  return {
    async agency(code) {
      const { rows } = await db.query<{ id: string; code: string; country: string | null }>(
        'select id, code, country_alpha2 as country from agencies where code = $1 and retracted_at is null',
        [code],
      );
      return rows[0] ?? null;
    },
    async mechanism(code) {
      const { rows } = await db.query<
        Omit<MechanismFacts, 'workingGroups'> & { working_groups: { code: string }[] }
      >(
        `select id, code, established_on::text as "establishedOn", dissolved_on::text as "dissolvedOn", working_groups
           from mechanisms where code = $1 and retracted_at is null`,
        [code],
      );
      const row = rows[0];
      if (!row) return null;
      const { working_groups, ...rest } = row;
      return { ...rest, workingGroups: working_groups.map((g) => g.code) };
    },
    async meeting(id) {
      const { rows } = await db.query<{ id: string; mechanism: string }>(
        `select t.id, m.code as mechanism from meetings t join mechanisms m on m.id = t.mechanism_id
          where t.id = $1 and t.retracted_at is null`,
        [id],
      );
      return rows[0] ?? null;
    },
    async agreement(id) {
      const { rows } = await db.query<{ id: string }>(
        'select id from agreements where id = $1 and retracted_at is null',
        [id],
      );
      return rows[0] ?? null;
    },
    async file(sha256) {
      const { rows } = await db.query('select 1 from registry_files where sha256 = $1', [sha256]);
      return rows.length > 0;
    },
    async meetingSpan(mechanismId) {
      const { rows } = await db.query<{ first: string | null; last: string | null }>(
        `select min(starts_on)::text as first, max(coalesce(ends_on, starts_on))::text as last
           from meetings where mechanism_id = $1 and retracted_at is null`,
        [mechanismId],
      );
      return rows[0] ?? { first: null, last: null };
    },
    async memberships(mechanism, agency) {
      const { rows } = await db.query<{ id: string; role: string; joinedOn: string; leftOn: string | null }>(
        `select ms.id, ms.role, ms.joined_on::text as "joinedOn", ms.left_on::text as "leftOn"
           from mechanism_memberships ms
           join mechanisms m on m.id = ms.mechanism_id
           join agencies a on a.id = ms.agency_id
          where m.code = $1 and a.code = $2 and ms.retracted_at is null`,
        [mechanism, agency],
      );
      return rows;
    },
    country(alpha2) {
      return referenceIndex().countriesByAlpha2.has(alpha2);
    },
  };
}
