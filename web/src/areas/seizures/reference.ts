import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Locale } from '../../api/types';

interface Names {
  en: string;
  zh: string;
  ru: string;
}
export interface Drug {
  code: string;
  groupCode: string;
  names: Names;
}
export interface DrugGroup {
  code: string;
  parentCode: string | null;
  names: Names;
}
export interface DrugReference {
  drugs: Drug[];
  groups: DrugGroup[];
}

// One read per visit: the taxonomy is a few hundred rows and changes only with a node upgrade.
let cached: Promise<DrugReference> | undefined;

function load(): Promise<DrugReference> {
  cached ??= Promise.all([
    api<Drug[]>('/api/v1/reference/drugs'),
    api<DrugGroup[]>('/api/v1/reference/drug-groups'),
  ]).then(([drugs, groups]) => ({ drugs, groups }));
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

const EMPTY: DrugReference = { drugs: [], groups: [] };

/** The drug taxonomy, empty until it has arrived (codes are shown meanwhile). */
export function useDrugReference(): DrugReference {
  const [reference, setReference] = useState<DrugReference>(EMPTY);
  useEffect(() => {
    let live = true;
    load().then(
      (r) => live && setReference(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return reference;
}

export function nameIn(names: Names, locale: Locale): string {
  return (locale === 'zh-CN' ? names.zh : locale === 'ru' ? names.ru : names.en) || names.en;
}

/** A drug or group code in the user's language; the code itself when the taxonomy does not know it. */
export function codeName(
  code: string,
  items: readonly { code: string; names: Names }[],
  locale: Locale,
): string {
  const item = items.find((i) => i.code === code);
  return item ? nameIn(item.names, locale) : code;
}
