import { type TProperties, Type } from '@sinclair/typebox';
import { Strict } from '../../platform/http/schemas.js';
import type { Column, Lookup, Rec } from '../kind.js';
import type { RuleError } from '../rules.js';
import { CommonInput, CommonOutput, NamesOutput, NamesSchema } from '../schemas.js';

/** Create and patch schemas of a kind from its own properties (required ones listed), plus the common fields. */
export function inputSchemas(id: string, own: TProperties, required: readonly string[], names = true) {
  const create: TProperties = { ...(names ? { names: NamesSchema } : {}), ...CommonInput };
  const patch: TProperties = { ...(names ? { names: Type.Optional(NamesSchema) } : {}), ...CommonInput };
  for (const [key, schema] of Object.entries(own)) {
    create[key] = required.includes(key) ? schema : Type.Optional(schema);
    patch[key] = Type.Optional(schema);
  }
  return {
    createSchema: Strict(create, { title: `${id}Input` }),
    patchSchema: Strict(
      {
        ...patch,
        expectedVersion: Type.Optional(
          Type.Integer({ minimum: 1, description: 'Refuse (409) unless the record is at this version' }),
        ),
      },
      { minProperties: 1, title: `${id}Patch` },
    ),
  };
}

export function outputSchema(id: string, own: TProperties, names = true) {
  return Type.Object({ ...CommonOutput, ...(names ? { names: NamesOutput } : {}), ...own }, { title: id });
}

export const col = (api: string, column: string, type: Column['type'], def?: unknown): Column => ({
  api,
  column,
  type,
  ...(def === undefined ? {} : { default: def }),
});

/** Agencies named in a list field must exist in the registry. */
export async function checkAgencyList(rec: Rec, field: string, lookup: Lookup): Promise<RuleError[]> {
  const errors: RuleError[] = [];
  const codes = (rec[field] ?? []) as string[];
  for (const [i, code] of codes.entries()) {
    if (!(await lookup.agency(code)))
      errors.push({ field: `${field}/${i}`, message: `"${code}" is not an agency in the registry` });
  }
  return errors;
}

/** Parties or participants: an agency of the registry or a known country. */
export async function checkParties(rec: Rec, field: string, lookup: Lookup): Promise<RuleError[]> {
  const errors: RuleError[] = [];
  const items = (rec[field] ?? []) as { agency?: string; country?: string }[];
  for (const [i, p] of items.entries()) {
    if (p.agency !== undefined && !(await lookup.agency(p.agency))) {
      errors.push({
        field: `${field}/${i}/agency`,
        message: `"${p.agency}" is not an agency in the registry`,
      });
    }
    if (p.country !== undefined && !lookup.country(p.country)) {
      errors.push({
        field: `${field}/${i}/country`,
        message: `"${p.country}" is not an ISO 3166 country code`,
      });
    }
  }
  return errors;
}

export function checkCountry(rec: Rec, field: string, lookup: Lookup): RuleError[] {
  const value = rec[field];
  if (typeof value === 'string' && !lookup.country(value)) {
    return [{ field, message: `"${value}" is not an ISO 3166 country code` }];
  }
  return [];
}

/** Files referred to by documents must have been uploaded. */
export async function checkDocuments(rec: Rec, field: string, lookup: Lookup): Promise<RuleError[]> {
  const errors: RuleError[] = [];
  for (const [i, d] of ((rec[field] ?? []) as { file?: string | null }[]).entries()) {
    if (d.file && !(await lookup.file(d.file))) {
      errors.push({ field: `${field}/${i}/file`, message: `no uploaded file with sha256 ${d.file}` });
    }
  }
  return errors;
}

export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
