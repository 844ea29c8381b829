import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { LoadState } from '../../ui/LoadState';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { FederationNav } from './Common';
import { FEDERATION_API, type Partner, type ReceivedRecord, type ReceivedWithPayload } from './model';
import { ReceivedBanner } from './ReceivedBanner';
import { useResource } from './useResource';

/** One received record: its banner, then its content as the origin sent it (gone once a tombstone arrived). */
export default function ReceivedRecordPage() {
  const { origin = '', id = '' } = useParams();
  const { t } = useTranslation();
  const [found] = useResource<ReceivedWithPayload>(
    `${FEDERATION_API}/received/${encodeURIComponent(origin)}/${encodeURIComponent(id)}`,
  );
  const [partners] = useResource<Partner[]>(`${FEDERATION_API}/partners`);
  // Opened from the list, the page knows the banner even when the user may not read the content (403).
  const known = (useLocation().state as { record?: ReceivedRecord } | null)?.record;
  const forbidden = found.state === 'failed' && found.error instanceof ApiError && found.error.status === 403;
  const originName =
    partners.state === 'ready' ? partners.data.find((p) => p.agency === origin)?.name : undefined;
  return (
    <article className="area federation" data-area="federation">
      <p className="breadcrumb">
        <Link to="/federation/received">{t('federation.received.title')}</Link>
      </p>
      {forbidden && known ? (
        <>
          <PageHeading title={t('federation.received.title')}>{t('federation.received.title')}</PageHeading>
          <ReceivedBanner record={known} originName={originName} />
          <Notice tone="info">{t('federation.record.noPermission')}</Notice>
        </>
      ) : (
        <LoadState loadable={found}>
          {({ record, payload }) => {
            const title = t('federation.record.title', { type: record.type ?? '—', origin: record.origin });
            return (
              <>
                <PageHeading title={title}>{title}</PageHeading>
                <FederationNav />
                <ReceivedBanner record={record} originName={originName} />
                <section className="card" aria-labelledby="fed-payload-title">
                  <h2 id="fed-payload-title">{t('federation.record.content')}</h2>
                  {payload ? <Payload payload={payload} /> : <p>{t('federation.record.noContent')}</p>}
                  <p className="fact-note">
                    {t('federation.record.id')} <code className="fed-id">{record.id}</code>
                  </p>
                </section>
              </>
            );
          }}
        </LoadState>
      )}
    </article>
  );
}

/** The payload's fields as the origin named them; nested values as JSON (the types differ by record type). */
function Payload({ payload }: { payload: Record<string, unknown> }) {
  return (
    <dl className="record-fields" data-testid="payload">
      {Object.entries(payload).map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>
            {value === null || value === undefined ? (
              '—'
            ) : typeof value === 'object' ? (
              <pre className="fed-json">{JSON.stringify(value, null, 2)}</pre>
            ) : (
              String(value)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
