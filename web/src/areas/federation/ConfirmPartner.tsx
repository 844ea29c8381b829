import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ActionError, Fingerprint, useAction } from './Common';
import { FEDERATION_API, type Partner } from './model';

/**
 * The step that makes a partner trusted: its fingerprint, as its invitation carries it, to compare with what its
 * administrator reads out by phone or in person. Confirming needs an explicit "it matches".
 */
export function ConfirmPartner({ partner, onConfirmed }: { partner: Partner; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const [matches, setMatches] = useState(false);
  const action = useAction(() =>
    api<Partner>(`${FEDERATION_API}/partners/${partner.agency}/confirm`, {
      method: 'POST',
      body: { fingerprint: partner.fingerprint },
    }),
  );
  const confirm = async () => {
    if (await action.go()) onConfirmed();
  };
  return (
    <section className="card fed-confirm-card" aria-labelledby="fed-confirm-title">
      <h2 id="fed-confirm-title">{t('federation.confirm.title', { agency: partner.agency })}</h2>
      <p>{t('federation.confirm.lead', { agency: partner.agency })}</p>
      <Fingerprint value={partner.fingerprint} testId="partner-fingerprint" />
      <p className="fed-warning">{t('federation.confirm.mismatch', { agency: partner.agency })}</p>
      <div className="fed-check">
        <input
          id="fed-confirm-matches"
          type="checkbox"
          checked={matches}
          onChange={(e) => setMatches(e.target.checked)}
        />
        <label htmlFor="fed-confirm-matches">
          {t('federation.confirm.matches', { agency: partner.agency })}
        </label>
      </div>
      <ActionError error={action.error} />
      <div className="form-actions">
        <button type="button" className="primary" disabled={!matches || action.busy} onClick={confirm}>
          {t('federation.confirm.button')}
        </button>
      </div>
    </section>
  );
}
