import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Locale } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import type { FormSpec, RefKind } from './formSpec';
import { nameIn, type Page, REGISTRY_API, type RegistryRecord } from './model';

export type RefOptions = Record<RefKind, { value: string; label: string }[]>;

/** The kinds of record a form's fields refer to. */
export function refKinds(spec: FormSpec): RefKind[] {
  const kinds = new Set<RefKind>();
  for (const field of spec.fields) {
    for (const f of field.control === 'rows' ? field.columns : [field]) {
      if (f.control === 'ref') kinds.add(f.ref);
    }
  }
  return [...kinds];
}

/** A select option for a record another refers to: agencies and mechanisms by code, others by id. */
export function refOption(kind: RefKind, record: RegistryRecord, locale: Locale) {
  const byCode = kind === 'agencies' || kind === 'mechanisms';
  const value = byCode ? String(record.code) : record.id;
  const name = nameIn(record.names, locale, value);
  return { value, label: byCode && name !== value ? `${name} (${value})` : name };
}

const EMPTY: RefOptions = { agencies: [], mechanisms: [], agreements: [], meetings: [] };

/** Loads the records a form may refer to, only of the kinds it needs; an unloaded list is empty. */
export function useRefOptions(spec: FormSpec): RefOptions {
  const locale = useLocale();
  const [records, setRecords] = useState<Partial<Record<RefKind, RegistryRecord[]>>>({});
  const wanted = refKinds(spec).join(',');
  useEffect(() => {
    const controller = new AbortController();
    for (const kind of wanted.split(',').filter(Boolean) as RefKind[]) {
      api<Page<RegistryRecord>>(`${REGISTRY_API}/${kind}?limit=1000`, { signal: controller.signal }).then(
        (page) => setRecords((all) => ({ ...all, [kind]: page.items })),
        // Without the list the select offers only what the record holds; the node still checks the value.
        () => undefined,
      );
    }
    return () => controller.abort();
  }, [wanted]);
  const options = { ...EMPTY };
  for (const [kind, list] of Object.entries(records) as [RefKind, RegistryRecord[]][]) {
    options[kind] = list
      .map((r) => refOption(kind, r, locale))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
  }
  return options;
}
