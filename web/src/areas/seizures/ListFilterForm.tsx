import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData';
import { formatDate } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { SEIZURES_API, type SeizureImport } from './model';
import type { DuplicateChoice, ListFilters } from './query';
import { EMPTY_FILTERS } from './query';
import { nameIn, useDrugReference } from './reference';

interface Props {
  filters: ListFilters;
  onApply: (f: ListFilters) => void;
}

/** The list's filters; applied together with one button, so a half-typed date does not reload the list. */
export function ListFilterForm({ filters, onApply }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const { drugs } = useDrugReference();
  const imports = useApiData<SeizureImport[]>(`${SEIZURES_API}/imports?limit=100`);
  const [draft, setDraft] = useState(filters);
  const set = (patch: Partial<ListFilters>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const sorted = [...drugs].sort((a, b) =>
    nameIn(a.names, locale).localeCompare(nameIn(b.names, locale), locale),
  );
  return (
    <search>
      <form className="filter-form" onSubmit={submit} aria-label={t('seizures.filters.label')}>
        <div className="field">
          <label htmlFor={`${id}-country`}>{t('seizures.filters.country')}</label>
          <input
            id={`${id}-country`}
            value={draft.country}
            maxLength={2}
            size={4}
            aria-describedby={`${id}-country-hint`}
            onChange={(e) => set({ country: e.target.value.toUpperCase() })}
          />
          <p className="field-hint" id={`${id}-country-hint`}>
            {t('seizures.filters.countryHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-drug`}>{t('seizures.filters.drug')}</label>
          <select id={`${id}-drug`} value={draft.drug} onChange={(e) => set({ drug: e.target.value })}>
            <option value="">{t('seizures.filters.allDrugs')}</option>
            {sorted.map((d) => (
              <option key={d.code} value={d.code}>
                {nameIn(d.names, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('seizures.filters.year')}</label>
          <input
            id={`${id}-year`}
            inputMode="numeric"
            pattern="\d{4}"
            maxLength={4}
            size={6}
            value={draft.year}
            onChange={(e) => set({ year: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('seizures.filters.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={draft.from}
            onChange={(e) => set({ from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('seizures.filters.to')}</label>
          <input id={`${id}-to`} type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-dups`}>{t('seizures.filters.duplicates')}</label>
          <select
            id={`${id}-dups`}
            value={draft.duplicates}
            onChange={(e) => set({ duplicates: e.target.value as DuplicateChoice })}
          >
            <option value="include">{t('seizures.filters.dupInclude')}</option>
            <option value="exclude">{t('seizures.filters.dupExclude')}</option>
            <option value="only">{t('seizures.filters.dupOnly')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-import`}>{t('seizures.filters.import')}</label>
          <select
            id={`${id}-import`}
            value={draft.importId}
            onChange={(e) => set({ importId: e.target.value })}
          >
            <option value="">{t('seizures.filters.allImports')}</option>
            {imports.state === 'ready' &&
              imports.data.map((imp) => (
                <option key={imp.id} value={imp.id}>
                  {`${imp.fileName} · ${formatDate(imp.createdAt, locale)}`}
                </option>
              ))}
            {imports.state === 'ready' &&
              draft.importId &&
              !imports.data.some((i) => i.id === draft.importId) && (
                <option value={draft.importId}>{draft.importId}</option>
              )}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('seizures.filters.apply')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(EMPTY_FILTERS);
              onApply(EMPTY_FILTERS);
            }}
          >
            {t('seizures.filters.clear')}
          </button>
        </div>
      </form>
    </search>
  );
}
