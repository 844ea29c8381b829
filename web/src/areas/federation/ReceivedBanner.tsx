import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { HANDLING_NAMES, RECORD_STATE_NAMES, ViaName } from './Common';
import { formatDateTime } from './format';
import { type ReceivedRecord, recordState } from './model';

export type BannerRecord = Pick<
  ReceivedRecord,
  | 'origin'
  | 'version'
  | 'handling'
  | 'handlingText'
  | 'audience'
  | 'onwardSharing'
  | 'recordDate'
  | 'tombstone'
  | 'placeholder'
  | 'receivedFrom'
  | 'via'
  | 'receivedAt'
>;

/**
 * The banner on every record received from a partner: whose it is, under which handling code (with the H3
 * restriction spelled out), for whom, whether it may be passed on, and how it came. Any page that shows a
 * received record puts this above it.
 */
export function ReceivedBanner({ record, originName }: { record: BannerRecord; originName?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = recordState(record);
  const relayed = record.receivedFrom !== null && record.receivedFrom !== record.origin;
  return (
    <section
      className={`fed-banner fed-banner-${record.handling ?? 'none'}`}
      aria-labelledby="fed-banner-title"
      data-testid="received-banner"
    >
      <h2 id="fed-banner-title">
        {t('federation.banner.title', {
          origin: originName ? `${record.origin} · ${originName}` : record.origin,
        })}
      </h2>
      {state !== 'content' && <p className="fed-banner-state">{t(RECORD_STATE_NAMES[state])}</p>}
      <dl className="facts">
        <dt>{t('federation.banner.handling')}</dt>
        <dd data-testid="banner-handling">
          {record.handling ? (
            <>
              <strong>{record.handling}</strong> — {t(HANDLING_NAMES[record.handling])}
              {record.handling === 'H3' && record.handlingText && (
                <span className="fed-h3-text">
                  {' '}
                  {t('federation.banner.h3', { text: record.handlingText })}
                </span>
              )}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('federation.banner.audience')}</dt>
        <dd>
          <AudienceText audience={record.audience} />
        </dd>
        <dt>{t('federation.banner.onward')}</dt>
        <dd data-testid="banner-onward">
          {record.onwardSharing ? t('federation.banner.onwardYes') : t('federation.banner.onwardNo')}
        </dd>
        <dt>{t('federation.banner.received')}</dt>
        <dd>
          <ViaName via={record.via} /> · {formatDateTime(record.receivedAt, locale)}
          {relayed && ` · ${t('federation.banner.relayedBy', { agency: record.receivedFrom ?? '' })}`}
        </dd>
        <dt>{t('federation.received.version')}</dt>
        <dd>
          {formatNumber(record.version, locale)}
          {record.recordDate &&
            ` · ${t('federation.banner.recordDate', { date: formatDate(`${record.recordDate}T00:00:00Z`, locale) })}`}
        </dd>
      </dl>
    </section>
  );
}

function AudienceText({ audience }: { audience: BannerRecord['audience'] }) {
  const { t } = useTranslation();
  if (!audience) return <>—</>;
  const parts = [
    audience.agencies.length ? t('federation.banner.agencies', { list: audience.agencies.join(', ') }) : null,
    audience.mechanisms.length
      ? t('federation.banner.mechanisms', { list: audience.mechanisms.join(', ') })
      : null,
    audience.taskForces.length
      ? t('federation.banner.taskForces', { list: audience.taskForces.join(', ') })
      : null,
  ].filter((p): p is string => p !== null);
  return <>{parts.length ? parts.join('; ') : t('federation.banner.nobody')}</>;
}
