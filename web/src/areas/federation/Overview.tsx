import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useNodeInfo } from '../../shell/NodeContext';
import { LoadState } from '../../ui/LoadState';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { ActionError, FederationNav, Fingerprint, PartnerStateTag, useAction, useCanManage } from './Common';
import { formatDateTime, formatDuration } from './format';
import { activeFingerprint, FEDERATION_API, type Partner, type Status, type Sync } from './model';
import { useResource } from './useResource';

/** The federation area's first page: this node's identity and key, and every partner with its sync state. */
export default function Overview() {
  const { t } = useTranslation();
  const [status, reloadStatus] = useResource<Status>(`${FEDERATION_API}/status`);
  const [partners] = useResource<Partner[]>(`${FEDERATION_API}/partners`);
  const title = t('federation.title');
  return (
    <article className="area federation" data-area="federation">
      <PageHeading title={title}>{title}</PageHeading>
      <FederationNav />
      <LoadState loadable={status}>{(s) => <ThisNode status={s} onRotated={reloadStatus} />}</LoadState>
      <section className="card" aria-labelledby="fed-partners-title">
        <h2 id="fed-partners-title">{t('federation.overview.partners')}</h2>
        <LoadState loadable={partners}>{(list) => <PartnerTable partners={list} />}</LoadState>
      </section>
    </article>
  );
}

function ThisNode({ status, onRotated }: { status: Status; onRotated: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const node = useNodeInfo();
  const fingerprint = activeFingerprint(status);
  return (
    <section className="card" aria-labelledby="fed-node-title">
      <h2 id="fed-node-title">{t('federation.overview.thisNode')}</h2>
      <dl className="facts">
        <dt>{t('federation.overview.agency')}</dt>
        <dd>
          <span className="agency-code">{status.agency}</span>
          {node.state === 'ready' && ` · ${node.data.agencyName}`}
        </dd>
        <dt>{t('federation.overview.fingerprint')}</dt>
        <dd>
          {fingerprint && <Fingerprint value={fingerprint} testId="own-fingerprint" />}
          <p className="fact-note">{t('federation.overview.fingerprintNote')}</p>
        </dd>
        <dt>{t('federation.overview.endpoint')}</dt>
        <dd>{status.endpoint ?? t('federation.overview.endpointUnset')}</dd>
        <dt>{t('federation.overview.interval')}</dt>
        <dd>{formatDuration(status.pullIntervalSeconds, locale)}</dd>
        <dt>{t('federation.overview.workers')}</dt>
        <dd>{status.workers ? t('federation.overview.workersOn') : t('federation.overview.workersOff')}</dd>
      </dl>
      {useCanManage() && <KeyRotation onRotated={onRotated} />}
    </section>
  );
}

/** Rotating the agency key: a deliberate act, so it asks once more before it happens. */
function KeyRotation({ onRotated }: { onRotated: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction(() =>
    api<{ fingerprint: string }>(`${FEDERATION_API}/keys/rotate`, { method: 'POST' }),
  );
  const rotate = async () => {
    const result = await action.go();
    if (!result) return;
    setAsking(false);
    setDone(result.fingerprint);
    onRotated();
  };
  return (
    <div className="fed-rotation">
      {done && <Notice tone="info">{t('federation.rotation.done')}</Notice>}
      <ActionError error={action.error} />
      {asking ? (
        <fieldset className="fed-confirm">
          <legend>{t('federation.rotation.question')}</legend>
          <div className="form-actions">
            <button type="button" className="primary" disabled={action.busy} onClick={rotate}>
              {t('federation.rotation.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t('federation.common.cancel')}
            </button>
          </div>
        </fieldset>
      ) : (
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          {t('federation.rotation.button')}
        </button>
      )}
    </div>
  );
}

function PartnerTable({ partners }: { partners: Partner[] }) {
  const { t } = useTranslation();
  if (!partners.length)
    return (
      <p>
        {t('federation.overview.noPartners')}{' '}
        <Link to="/federation/pairing">{t('federation.overview.pairFirst')}</Link>
      </p>
    );
  return (
    <div className="fed-table-wrap">
      <table className="fed-table" data-testid="partners">
        <thead>
          <tr>
            <th scope="col">{t('federation.overview.agency')}</th>
            <th scope="col">{t('federation.overview.state')}</th>
            <th scope="col">{t('federation.sync.lastPull')}</th>
            <th scope="col">{t('federation.sync.lag')}</th>
            <th scope="col">{t('federation.sync.quarantined')}</th>
            <th scope="col">{t('federation.sync.errors')}</th>
          </tr>
        </thead>
        <tbody>
          {partners.map((p) => (
            <PartnerRow key={p.agency} partner={p} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PartnerRow({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [sync] = useResource<Sync>(`${FEDERATION_API}/partners/${partner.agency}/sync`);
  const s = sync.state === 'ready' ? sync.data : null;
  return (
    <tr>
      <th scope="row">
        <Link to={`/federation/partners/${partner.agency}`}>{partner.agency}</Link>
        <span className="fed-muted"> {partner.name}</span>
      </th>
      <td>
        <PartnerStateTag state={partner.state} />
      </td>
      <td>{s?.lastSuccessAt ? formatDateTime(s.lastSuccessAt, locale) : t('federation.sync.never')}</td>
      <td>{s ? formatNumber(s.lagEntries, locale) : '—'}</td>
      <td>{s ? formatNumber(s.recentQuarantine.length, locale) : '—'}</td>
      <td>
        {s?.lastError ? (
          <span className="fed-error-text">{s.lastError}</span>
        ) : s ? (
          formatNumber(s.failures, locale)
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
