import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ActionError, useAction } from './Common';
import { FEDERATION_API, type Partner } from './model';

/** Suspending, resuming and removing a partnership (administrators); removal asks once more. */
export function PartnerActions({ partner, onChanged }: { partner: Partner; onChanged: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const suspend = useAction((suspended: boolean) =>
    api<Partner>(`${FEDERATION_API}/partners/${partner.agency}`, { method: 'PATCH', body: { suspended } }),
  );
  const remove = useAction(() =>
    api<{ receivedKept: number }>(`${FEDERATION_API}/partners/${partner.agency}`, { method: 'DELETE' }),
  );
  const toggle = async () => {
    if (await suspend.go(partner.state === 'active')) onChanged();
  };
  const removeNow = async () => {
    if (await remove.go()) navigate('/federation');
  };
  return (
    <section className="card" aria-labelledby="fed-actions-title">
      <h2 id="fed-actions-title">{t('federation.partner.manage')}</h2>
      <ActionError error={suspend.error ?? remove.error} />
      {partner.state !== 'pending' && (
        <p>
          <button type="button" className="secondary" disabled={suspend.busy} onClick={toggle}>
            {partner.state === 'active' ? t('federation.partner.suspend') : t('federation.partner.resume')}
          </button>
        </p>
      )}
      {asking ? (
        <fieldset className="fed-confirm">
          <legend>{t('federation.partner.removeQuestion', { agency: partner.agency })}</legend>
          <div className="form-actions">
            <button type="button" className="danger" disabled={remove.busy} onClick={removeNow}>
              {t('federation.partner.removeConfirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t('federation.common.cancel')}
            </button>
          </div>
        </fieldset>
      ) : (
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          {t('federation.partner.remove')}
        </button>
      )}
    </section>
  );
}
