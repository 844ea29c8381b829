import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { Notice } from '../../ui/Notice';
import { type KindInfo, REGISTRY_API, type RegistryRecord } from './model';
import './registry-forms.css';

/**
 * Deletes a record the way the registry does: the node keeps a "retracted" tombstone version, which partners
 * receive like any change. Asked twice, because partners see the retraction too. A record that others still
 * refer to is refused by the node (409), whose reason is shown.
 */
export function DeleteRecord({ kind, record }: { kind: KindInfo; record: RegistryRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const retract = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api(`${REGISTRY_API}/${kind.path}/${record.id}?expectedVersion=${record.version}`, {
        method: 'DELETE',
      });
      navigate(`/registry/${kind.path}`);
    } catch (error) {
      const message = describeError(error);
      setFailure(t(message.key, message.values));
      setBusy(false);
    }
  };

  return (
    <div className="record-delete">
      {failure && <Notice tone="error">{failure}</Notice>}
      {asking ? (
        <fieldset className="delete-confirm">
          <legend>{t('registry.delete.question')}</legend>
          <button type="button" className="danger" disabled={busy} onClick={retract}>
            {t('registry.delete.confirm')}
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(false)}>
            {t('registry.edit.cancel')}
          </button>
        </fieldset>
      ) : (
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          {t('registry.delete.button')}
        </button>
      )}
    </div>
  );
}
