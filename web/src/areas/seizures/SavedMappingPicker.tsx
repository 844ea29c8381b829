import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData';
import { type SavedMapping, SEIZURES_API } from './model';

/** Use a mapping saved for an earlier file of the same layout; shown only when there are any. */
export function SavedMappingPicker({ busy, onUse }: { busy: boolean; onUse: (name: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const saved = useApiData<SavedMapping[]>(`${SEIZURES_API}/mappings`);
  const [name, setName] = useState('');
  if (saved.state !== 'ready' || saved.data.length === 0) return null;
  return (
    <fieldset className="saved-mappings">
      <legend>{t('seizures.mapping.savedTitle')}</legend>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('seizures.mapping.savedLabel')}</label>
        <select id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)}>
          <option value="">{t('seizures.mapping.savedNone')}</option>
          {saved.data.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="secondary" disabled={!name || busy} onClick={() => onUse(name)}>
        {t('seizures.mapping.useSaved')}
      </button>
    </fieldset>
  );
}
