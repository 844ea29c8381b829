import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_LABELS } from './labels';
import { draftFrom, fieldsOf, type MappingDraft, mappingBody, missingRequired } from './mappingForm';
import { type DateFormat, type Detection, type ImportKind, type NumberFormat, REQUIRED } from './model';

interface Props {
  detection: Detection;
  busy: boolean;
  onSubmit: (body: unknown) => void;
}

/** One select per field, listing the file's columns; required fields are marked and checked before sending. */
export function MappingForm({ detection, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<MappingDraft>(() => draftFrom(detection.suggested, detection.header));
  const [tried, setTried] = useState(false);
  const missing = missingRequired(draft);
  const set = (patch: Partial<MappingDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setColumn = (field: string, column: string) =>
    setDraft((d) => ({ ...d, columns: { ...d.columns, [field]: column } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing.length === 0) onSubmit(mappingBody(draft));
  };
  const header = detection.header.filter((h) => h !== '');
  return (
    <form onSubmit={submit} className="mapping-form" noValidate>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('seizures.mapping.kind')}</label>
        <select
          id={`${id}-kind`}
          value={draft.kind}
          onChange={(e) => set({ kind: e.target.value as ImportKind })}
        >
          <option value="seizures">{t('seizures.mapping.kinds.seizures')}</option>
          <option value="totals">{t('seizures.mapping.kinds.totals')}</option>
        </select>
      </div>
      <fieldset>
        <legend>{t('seizures.mapping.columnsLegend')}</legend>
        <div className="mapping-grid">
          {fieldsOf(draft.kind).map((field) => {
            const required = REQUIRED[draft.kind].includes(field);
            const invalid = tried && required && !draft.columns[field];
            return (
              <div className="field" key={field}>
                <label htmlFor={`${id}-${field}`}>
                  {t(FIELD_LABELS[field])}
                  {required && <span className="required"> ({t('seizures.mapping.required')})</span>}
                </label>
                <select
                  id={`${id}-${field}`}
                  value={draft.columns[field] ?? ''}
                  aria-invalid={invalid || undefined}
                  onChange={(e) => setColumn(field, e.target.value)}
                >
                  <option value="">{t('seizures.mapping.notInFile')}</option>
                  {header.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      </fieldset>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={`${id}-numbers`}>{t('seizures.mapping.numberFormat')}</label>
          <select
            id={`${id}-numbers`}
            value={draft.numberFormat}
            onChange={(e) => set({ numberFormat: e.target.value as NumberFormat })}
          >
            <option value="auto">{t('seizures.mapping.numbers.auto')}</option>
            <option value="point">{t('seizures.mapping.numbers.point')}</option>
            <option value="comma">{t('seizures.mapping.numbers.comma')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-dates`}>{t('seizures.mapping.dateFormat')}</label>
          <select
            id={`${id}-dates`}
            value={draft.dateFormat}
            onChange={(e) => set({ dateFormat: e.target.value as DateFormat })}
          >
            <option value="iso">{t('seizures.mapping.dates.iso')}</option>
            <option value="dmy">{t('seizures.mapping.dates.dmy')}</option>
            <option value="mdy">{t('seizures.mapping.dates.mdy')}</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-save`}>{t('seizures.mapping.saveAs')}</label>
        <p className="field-hint" id={`${id}-save-hint`}>
          {t('seizures.mapping.saveAsHint')}
        </p>
        <input
          id={`${id}-save`}
          aria-describedby={`${id}-save-hint`}
          value={draft.saveAs}
          maxLength={100}
          onChange={(e) => set({ saveAs: e.target.value })}
        />
      </div>
      {tried && missing.length > 0 && (
        <p className="field-error" role="alert">
          {t('seizures.mapping.missing', {
            fields: missing.map((f) => t(FIELD_LABELS[f as keyof typeof FIELD_LABELS])).join(', '),
          })}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('seizures.mapping.apply')}
        </button>
      </div>
    </form>
  );
}
