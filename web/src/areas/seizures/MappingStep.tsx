import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { Notice } from '../../ui/Notice';
import { FIELD_LABELS, LAYOUT_NAMES } from './labels';
import { MappingForm } from './MappingForm';
import { type Detection, type MappableField, SEIZURES_API, type SeizureImport } from './model';
import { SavedMappingPicker } from './SavedMappingPicker';

interface Props {
  imp: SeizureImport;
  detection: Detection;
  onMapped: (imp: SeizureImport) => void;
}

/** Step 2: a recognised layout is shown as mapped; any other file is mapped by a person (or a saved mapping). */
export function MappingStep({ imp, detection, onMapped }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const put = (body: unknown) => {
    setBusy(true);
    setError(null);
    api<SeizureImport>(`${SEIZURES_API}/imports/${imp.id}/mapping`, { method: 'PUT', body }).then(
      (updated) => onMapped(updated),
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  const message = error ? describeError(error) : undefined;
  const layout = detection.layout ? LAYOUT_NAMES[detection.layout] : undefined;
  return (
    <section className="card wizard-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('seizures.mapping.title')}</h2>
      <p>{t('seizures.mapping.file', { name: imp.fileName })}</p>
      {imp.mapping && detection.layout ? (
        <>
          <Notice tone="info">
            {t('seizures.mapping.recognised', { layout: layout ? t(layout) : detection.layout })}
          </Notice>
          <table className="data-table compact">
            <caption>{t('seizures.mapping.columnsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('seizures.mapping.field')}</th>
                <th scope="col">{t('seizures.mapping.column')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(imp.mapping.columns).map(([field, column]) => (
                <tr key={field}>
                  <td>{t(FIELD_LABELS[field as MappableField] ?? 'seizures.fields.other')}</td>
                  <td>{column}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => onMapped(imp)}>
              {t('seizures.mapping.toPreview')}
            </button>
          </div>
        </>
      ) : (
        <>
          <Notice tone="info">{t('seizures.mapping.unknown')}</Notice>
          <SavedMappingPicker busy={busy} onUse={(name) => put({ mappingName: name })} />
          <MappingForm detection={detection} busy={busy} onSubmit={put} />
        </>
      )}
      {message && <Notice tone="error">{t(message.key, message.values)}</Notice>}
    </section>
  );
}
