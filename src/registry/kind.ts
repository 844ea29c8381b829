/**
 * How one kind of registry record maps between its API shape and its table. The store (store.ts) and the routes
 * (crud-routes.ts) are written once over these descriptions; each kind lives in kinds/<name>.ts.
 */
import type { TObject, TSchema } from '@sinclair/typebox';
import type { RuleError } from './rules.js';

/** A record in its API shape (also the payload published to the outbox, without the envelope fields). */
export type Rec = Record<string, unknown>;

export type ColumnType = 'text' | 'date' | 'json' | 'int' | 'number' | 'bool';

export interface Column {
  /** Field name in the API (camelCase). */
  api: string;
  column: string;
  type: ColumnType;
  /** Value on create when the field is absent (undefined = null). */
  default?: unknown;
}

export type RefTable = 'agencies' | 'mechanisms' | 'meetings' | 'agreements';

/** A reference to another record: by code (agencies, mechanisms) or by id (meetings, agreements). */
export interface RefColumn {
  api: string;
  column: string;
  table: RefTable;
  by: 'code' | 'id';
}

/** What checks may look up about other records (implemented over the database in lookup.ts). */
export interface Lookup {
  agency(code: string): Promise<{ id: string; code: string; country: string | null } | null>;
  mechanism(code: string): Promise<MechanismFacts | null>;
  meeting(id: string): Promise<{ id: string; mechanism: string } | null>;
  agreement(id: string): Promise<{ id: string } | null>;
  file(sha256: string): Promise<boolean>;
  /** First and last day of the mechanism's meetings (not retracted); nulls when it has none. */
  meetingSpan(mechanismId: string): Promise<{ first: string | null; last: string | null }>;
  /** Memberships (not retracted) of an agency in a mechanism. */
  memberships(
    mechanism: string,
    agency: string,
  ): Promise<{ id: string; role: string; joinedOn: string; leftOn: string | null }[]>;
  country(alpha2: string): boolean;
}

export interface MechanismFacts {
  id: string;
  code: string;
  establishedOn: string | null;
  dissolvedOn: string | null;
  workingGroups: string[];
}

export interface ListFilter {
  schema: TSchema;
  /** SQL condition over `t` with the parameter as `$n`. */
  where: (param: string) => string;
}

export interface RecordKind {
  /** Singular, used in actions (`registry.agency.created`) and messages. */
  name: string;
  /** Outbox record type, e.g. `registry.agency`. */
  type: string;
  table: string;
  /** URL segment under /api/v1/registry/. */
  path: string;
  /** Shown in OpenAPI tags and messages. */
  label: string;
  /** Whether the table has name_en/name_zh/name_ru (exposed as `names`). */
  names: boolean;
  /** Whether the table has a unique `code` (then GET accepts the code instead of the id). */
  code: boolean;
  columns: Column[];
  refs: RefColumn[];
  createSchema: TObject;
  patchSchema: TObject;
  outputSchema: TObject;
  filters: Record<string, ListFilter>;
  /** SQL order of lists, over `t`. */
  order: string;
  /** Texts besides the names that search should find (codes, places). */
  searchTexts(rec: Rec): (string | null | undefined)[];
  /** The date that decides mechanism membership for the record's audience (see publishChange). */
  recordDate(rec: Rec): string | null;
  /** Rules that need the whole record or other records; field errors name the field without /body. */
  check(rec: Rec, lookup: Lookup, previous: Rec | null): Promise<RuleError[]>;
  /** Adjusts the full state before it is written (e.g. appends to a status history). */
  beforeWrite?(rec: Rec, previous: Rec | null, actor: string, today: string): Rec;
  /** Records that still refer to this one and stop its retraction: SQL returning a count, with $1 = id. */
  blockers?: { sql: string; message: string }[];
}
