import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { inGroup } from './dashboardModel';
import { EMPTY_STATS, type StatsFilters } from './query';
import { nameIn, useDrugReference } from './reference';

/** Drug group, drug, year and whether duplicates count; applied together. */
export function DashboardFilterForm({
  filters,
  onApply,
}: {
  filters: StatsFilters;
  onApply: (f: StatsFilters) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const { drugs, groups } = useDrugReference();
  const [draft, setDraft] = useState(filters);
  const set = (patch: Partial<StatsFilters>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const byName = <T extends { names: { en: string; zh: string; ru: string } }>(items: T[]) =>
    [...items].sort((a, b) => nameIn(a.names, locale).localeCompare(nameIn(b.names, locale), locale));
  const shownDrugs = draft.drugGroup
    ? drugs.filter((d) => inGroup(d.groupCode, draft.drugGroup, groups))
    : drugs;
  return (
    <search>
      <form className="filter-form" onSubmit={submit} aria-label={t('seizures.filters.label')}>
        <div className="field">
          <label htmlFor={`${id}-group`}>{t('seizures.filters.drugGroup')}</label>
          <select
            id={`${id}-group`}
            value={draft.drugGroup}
            onChange={(e) => set({ drugGroup: e.target.value, drug: '' })}
          >
            <option value="">{t('seizures.filters.allGroups')}</option>
            {byName(groups).map((g) => (
              <option key={g.code} value={g.code}>
                {nameIn(g.names, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-drug`}>{t('seizures.filters.drug')}</label>
          <select id={`${id}-drug`} value={draft.drug} onChange={(e) => set({ drug: e.target.value })}>
            <option value="">{t('seizures.filters.allDrugs')}</option>
            {byName(shownDrugs).map((d) => (
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
            maxLength={4}
            size={6}
            value={draft.year}
            onChange={(e) => set({ year: e.target.value })}
          />
        </div>
        <div className="field checkbox-field">
          <input
            id={`${id}-dups`}
            type="checkbox"
            checked={draft.duplicates === 'include'}
            onChange={(e) => set({ duplicates: e.target.checked ? 'include' : 'exclude' })}
          />
          <label htmlFor={`${id}-dups`}>{t('seizures.filters.includeDuplicates')}</label>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('seizures.filters.apply')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(EMPTY_STATS);
              onApply(EMPTY_STATS);
            }}
          >
            {t('seizures.filters.clear')}
          </button>
        </div>
      </form>
    </search>
  );
}
