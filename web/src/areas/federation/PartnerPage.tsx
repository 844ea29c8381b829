import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { countryName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { PageHeading } from '../../ui/PageHeading';
import { FederationNav, PartnerStateTag, useCanManage } from './Common';
import { ConfirmPartner } from './ConfirmPartner';
import { formatDateTime } from './format';
import { FEDERATION_API, type Partner } from './model';
import { PartnerActions } from './PartnerActions';
import { SyncPanel } from './SyncPanel';
import { useResource } from './useResource';

/** One partner: who it is, the fingerprint check while pending, and its sync page once confirmed. */
export default function PartnerPage() {
  const { agency = '' } = useParams();
  const { t } = useTranslation();
  const [partner, reload] = useResource<Partner>(`${FEDERATION_API}/partners/${encodeURIComponent(agency)}`);
  return (
    <article className="area federation" data-area="federation">
      <p className="breadcrumb">
        <Link to="/federation">{t('federation.title')}</Link>
      </p>
      <LoadState loadable={partner}>{(p) => <PartnerView partner={p} reload={reload} />}</LoadState>
    </article>
  );
}

function PartnerView({ partner, reload }: { partner: Partner; reload: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const manage = useCanManage();
  const title = t('federation.partner.title', { agency: partner.agency, name: partner.name });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <FederationNav />
      <section className="card" aria-labelledby="fed-partner-facts">
        <h2 id="fed-partner-facts">{t('federation.partner.facts')}</h2>
        <dl className="facts">
          <dt>{t('federation.overview.state')}</dt>
          <dd>
            <PartnerStateTag state={partner.state} />
          </dd>
          <dt>{t('federation.partner.country')}</dt>
          <dd>{partner.country ? countryName(partner.country, locale) : '—'}</dd>
          <dt>{t('federation.overview.endpoint')}</dt>
          <dd>{partner.endpoint ?? t('federation.partner.noEndpoint')}</dd>
          <dt>{t('federation.partner.accepted')}</dt>
          <dd>
            {t('federation.partner.by', {
              when: formatDateTime(partner.acceptedAt, locale),
              who: partner.acceptedBy,
            })}
          </dd>
          <dt>{t('federation.partner.confirmed')}</dt>
          <dd>
            {partner.confirmedAt
              ? t('federation.partner.by', {
                  when: formatDateTime(partner.confirmedAt, locale),
                  who: partner.confirmedBy ?? '—',
                })
              : t('federation.partner.notConfirmed')}
          </dd>
        </dl>
      </section>
      {partner.state === 'pending' && manage && <ConfirmPartner partner={partner} onConfirmed={reload} />}
      {partner.state !== 'pending' && <SyncPanel partner={partner} />}
      {manage && <PartnerActions partner={partner} onChanged={reload} />}
    </>
  );
}
