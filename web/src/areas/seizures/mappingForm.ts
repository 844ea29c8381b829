import {
  type DateFormat,
  type ImportKind,
  type MappableField,
  type Mapping,
  type NumberFormat,
  REQUIRED,
  SEIZURE_FIELDS,
  TOTAL_FIELDS,
} from './model';

/** What the mapping form holds: a column header (or "") per field. */
export interface MappingDraft {
  kind: ImportKind;
  columns: Record<string, string>;
  numberFormat: NumberFormat;
  dateFormat: DateFormat;
  saveAs: string;
}

export function fieldsOf(kind: ImportKind): readonly MappableField[] {
  return kind === 'seizures' ? SEIZURE_FIELDS : TOTAL_FIELDS;
}

/** A first draft: the node's suggestions, kept only where the column is really in the header. */
export function draftFrom(suggested: Record<string, string>, header: readonly string[]): MappingDraft {
  const columns: Record<string, string> = {};
  for (const [field, column] of Object.entries(suggested))
    if (header.includes(column)) columns[field] = column;
  return { kind: 'seizures', columns, numberFormat: 'auto', dateFormat: 'iso', saveAs: '' };
}

/** Required fields of the kind that have no column yet. */
export function missingRequired(draft: MappingDraft): string[] {
  return REQUIRED[draft.kind].filter((field) => !draft.columns[field]);
}

/** The mapping the node takes: only the fields of the kind that have a column. */
export function mappingOf(draft: MappingDraft): Mapping {
  const columns: Record<string, string> = {};
  for (const field of fieldsOf(draft.kind)) {
    const column = draft.columns[field];
    if (column) columns[field] = column;
  }
  return { kind: draft.kind, columns, numberFormat: draft.numberFormat, dateFormat: draft.dateFormat };
}

/** The PUT …/mapping body: the mapping, saved under a name when one is given. */
export function mappingBody(draft: MappingDraft): { mapping: Mapping; saveAs?: string } {
  const name = draft.saveAs.trim();
  return name ? { mapping: mappingOf(draft), saveAs: name } : { mapping: mappingOf(draft) };
}
