import type { ParseKeys } from 'i18next';

/**
 * A registry form described as data: one generic form (RecordForm.tsx) renders the fields of any kind, and the
 * pure functions here turn a record into form values and form values into the request body. Keys are the
 * API's field paths below the record ("joinedOn", "names/en", "title/zh" inside a row), so the node's
 * problem+json paths ("/body/funding/0/amount") find their field without a table of aliases.
 */

export type RefKind = 'agencies' | 'mechanisms' | 'agreements' | 'meetings';

export type Control =
  | { control: 'text'; lang?: string; upper?: boolean; maxLength?: number; long?: boolean }
  | { control: 'date' }
  | { control: 'number'; integer?: boolean }
  | { control: 'bool' }
  | { control: 'select'; options: readonly string[]; labels: Record<string, ParseKeys>; optional?: boolean }
  | { control: 'ref'; ref: RefKind }
  /** Country codes written one after another ("LA, MM"): sent as an array. */
  | { control: 'codes' }
  /** A document uploaded to /api/v1/registry/files: its sha256. */
  | { control: 'file' };

export type ScalarSpec = Control & {
  key: string;
  label: ParseKeys;
  hint?: ParseKeys;
  /** The API requires it: an empty value is sent as is (on a change) so that the node says so. */
  required?: boolean;
  /** Only on create (a code, what a membership joins); shown but not sent on a change. */
  createOnly?: boolean;
  /** Errors of other paths shown with this field (the "names" object under its English name). */
  alsoErrors?: string[];
  /** The value of a new record. */
  initial?: string | boolean;
};

/** A list of items, each a small group of fields; `scalar` lists hold one value each (["CN-NNCC", ...]). */
export interface RowsSpec {
  control: 'rows';
  key: string;
  label: ParseKeys;
  add: ParseKeys;
  columns: ScalarSpec[];
  scalar?: boolean;
}

export type FieldSpec = ScalarSpec | RowsSpec;

export interface FormSpec {
  /** URL segment of the kind, as in model.ts KINDS. */
  path: string;
  newTitle: ParseKeys;
  editTitle: ParseKeys;
  fields: FieldSpec[];
}

export type Scalar = string | boolean;
export type Row = Record<string, Scalar>;
export type FormValues = Record<string, Scalar | Row[]>;

/** The key a scalar list keeps its one value under. */
export const ITEM = 'value';

export function getPath(source: unknown, path: string): unknown {
  let at: unknown = source;
  for (const part of path.split('/')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('/');
  let at = target;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    if (next === null || typeof next !== 'object') at[part] = {};
    at = at[part] as Record<string, unknown>;
  }
  at[parts[parts.length - 1] as string] = value;
}

function scalarValue(spec: ScalarSpec, value: unknown): Scalar {
  if (spec.control === 'bool') return value === true;
  if (spec.control === 'codes') return Array.isArray(value) ? value.join(', ') : '';
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : '';
}

function initialValue(spec: ScalarSpec): Scalar {
  if (spec.initial !== undefined) return spec.initial;
  if (spec.control === 'bool') return false;
  if (spec.control === 'select' && !spec.optional) return spec.options[0] ?? '';
  return '';
}

/** Form values of a record, or of a new one when there is none. */
export function formValues(spec: FormSpec, record?: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of spec.fields) {
    if (field.control === 'rows') {
      const items = getPath(record, field.key);
      values[field.key] = Array.isArray(items) ? items.map((item) => rowValues(field, item)) : [];
    } else {
      values[field.key] = record ? scalarValue(field, getPath(record, field.key)) : initialValue(field);
    }
  }
  return values;
}

function rowValues(spec: RowsSpec, item: unknown): Row {
  const row: Row = {};
  for (const column of spec.columns) {
    const value = spec.scalar ? item : getPath(item, column.key);
    row[column.key] = scalarValue(column, value);
  }
  return row;
}

export function emptyRow(spec: RowsSpec): Row {
  return Object.fromEntries(spec.columns.map((c) => [c.key, initialValue(c)]));
}

/** A value as the API takes it; undefined when the field is empty. */
export function apiValue(spec: ScalarSpec, value: Scalar): unknown {
  if (spec.control === 'bool') return value === true;
  const text = String(value).trim();
  if (spec.control === 'codes') {
    return text === '' ? [] : text.split(/[\s,;、，]+/).map((c) => c.toUpperCase());
  }
  if (text === '') return undefined;
  if (spec.control === 'number') {
    const n = Number(text);
    // Not a number: sent as typed, so that the node's message names the field.
    return Number.isFinite(n) ? n : text;
  }
  if (spec.control === 'text' && spec.upper) return text.toUpperCase();
  return text;
}

function rowBody(spec: RowsSpec, row: Row): unknown {
  if (spec.scalar) return apiValue(spec.columns[0] as ScalarSpec, row[ITEM] ?? '');
  const item: Record<string, unknown> = {};
  for (const column of spec.columns) {
    const value = apiValue(column, row[column.key] ?? '');
    if (value !== undefined) setPath(item, column.key, value);
  }
  return item;
}

/**
 * The request body. A new record leaves out what is empty. A change sends the record's whole state: an empty
 * optional field as null so that clearing it clears it on the node, an empty required one as "" so that the
 * node says it is required, and nothing of the fields that cannot change. The node checks everything.
 */
export function formBody(spec: FormSpec, values: FormValues, change: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = values[field.key];
    if (field.control === 'rows') {
      const rows = Array.isArray(value) ? value : [];
      const items = rows.map((row) => rowBody(field, row));
      body[field.key] = field.scalar ? items.filter((i) => i !== undefined) : items;
      continue;
    }
    if (change && field.createOnly) continue;
    const api = apiValue(field, typeof value === 'string' || typeof value === 'boolean' ? value : '');
    if (api !== undefined) setPath(body, field.key, api);
    else if (change) setPath(body, field.key, field.required ? '' : null);
  }
  return body;
}

/**
 * The paths the form shows errors at, most specific first (errorsByField takes the first that fits): each
 * row's fields, then the rows, the lists and the paths a field shows besides its own.
 */
export function errorPaths(spec: FormSpec, values: FormValues): string[] {
  const own: string[] = [];
  const parents: string[] = [];
  for (const field of spec.fields) {
    if (field.control !== 'rows') {
      own.push(field.key);
      parents.push(...(field.alsoErrors ?? []));
      continue;
    }
    const rows = values[field.key];
    const count = Array.isArray(rows) ? rows.length : 0;
    for (let i = 0; i < count; i++) {
      if (!field.scalar) own.push(...field.columns.map((c) => `${field.key}/${i}/${c.key}`));
      parents.push(`${field.key}/${i}`);
    }
    parents.push(field.key);
  }
  return [...own, ...parents];
}
