import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Locale } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { countryName, formatDate, formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { formatKg } from './format';
import { fieldLabel, RULE_NAMES } from './labels';
import { SEIZURES_API, type SeizureRecord } from './model';
import { codeName, useDrugReference } from './reference';
import { SeizuresNav } from './SeizuresNav';

/** One seizure with every field, its route (the read is audited by the node), its source and duplicate flag. */
export default function RecordPage() {
  const { id = '' } = useParams();
  const record = useApiData<SeizureRecord>(`${SEIZURES_API}/${id}`);
  const { t } = useTranslation();
  return (
    <article className="area seizures" data-area="seizures">
      <p className="breadcrumb">
        <Link to="/seizures">{t('areas.seizures.title')}</Link>
      </p>
      <LoadState loadable={record}>{(r) => <RecordView key={r.id} record={r} />}</LoadState>
    </article>
  );
}

function Facts({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <section className="card record-section">
      <h2>{title}</h2>
      <dl className="record-fields">{children}</dl>
      {note && <p className="fact-note">{note}</p>}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const countries = (codes: string[], locale: Locale) => codes.map((c) => countryName(c, locale)).join(', ');

function RecordView({ record: r }: { record: SeizureRecord }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { drugs } = useDrugReference();
  const drug = codeName(r.drug, drugs, locale);
  const title = t('seizures.record.title', {
    drug,
    country: countryName(r.country, locale),
    date: formatDate(r.date, locale),
  });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <SeizuresNav />
      {r.duplicateOf && (
        <Notice tone="info">
          {t('seizures.record.duplicateNotice', {
            rule: t(RULE_NAMES[r.duplicateRule ?? ''] ?? 'seizures.rules.exact'),
          })}{' '}
          <Link to={`/seizures/records/${r.duplicateOf}`}>{t('seizures.record.original')}</Link>
        </Notice>
      )}
      <div className="record-grid">
        <Facts title={t('seizures.record.seizure')}>
          <Fact label={t('seizures.fields.date')}>{formatDate(r.date, locale)}</Fact>
          <Fact label={t('seizures.fields.country')}>
            {countryName(r.country, locale)} <Reported text={r.countryReported} />
          </Fact>
          <Fact label={t('seizures.fields.adminDivision')}>{r.adminDivision}</Fact>
          <Fact label={t('seizures.fields.place')}>{r.place}</Fact>
          <Fact label={t('seizures.record.coordinates')}>
            {r.latitude !== null && r.longitude !== null
              ? `${formatNumber(r.latitude, locale)}, ${formatNumber(r.longitude, locale)}`
              : null}
          </Fact>
          <Fact label={t('seizures.fields.drug')}>
            {drug} <Reported text={r.drugReported} />
          </Fact>
        </Facts>
        <Facts title={t('seizures.record.quantity')}>
          <Fact label={t('seizures.record.asReported')}>{`${r.quantityReported} ${r.unitReported}`}</Fact>
          <Fact label={t('seizures.record.asRead')}>{`${formatNumber(r.quantity, locale)} ${r.unit}`}</Fact>
          <Fact label={t('seizures.columns.kg')}>
            {r.kg === null ? t('seizures.record.noKg', { note: r.kgNote ?? '' }) : formatKg(r.kg, locale)}
          </Fact>
          <Fact label={t('seizures.record.kgTable')}>{r.kgTable}</Fact>
        </Facts>
        <Facts title={t('seizures.record.how')}>
          <Fact label={t('seizures.fields.concealment')}>{r.concealment}</Fact>
          <Fact label={t('seizures.fields.installation')}>{r.installation}</Fact>
          <Fact label={t('seizures.fields.transportMode')}>{r.transportMode}</Fact>
          <Fact label={t('seizures.fields.routing')}>{r.routing}</Fact>
          <Fact label={t('seizures.fields.reportingAgency')}>{r.reportingAgency}</Fact>
        </Facts>
        <RouteFacts record={r} />
        <Facts title={t('seizures.record.source')}>
          <Fact label={t('seizures.record.sourceFile')}>{r.sourceFile}</Fact>
          <Fact label={t('seizures.columns.row')}>
            {r.sourceRow === null ? null : formatNumber(r.sourceRow, locale)}
          </Fact>
          <Fact label={t('seizures.filters.import')}>
            {r.importId ? (
              <Link to={`/seizures/imports/${r.importId}`}>{t('seizures.record.importReport')}</Link>
            ) : null}
          </Fact>
          <Fact label={t('seizures.columns.duplicate')}>
            {r.duplicateOf ? (
              <>
                {t(RULE_NAMES[r.duplicateRule ?? ''] ?? 'seizures.rules.exact')}:{' '}
                <Link to={`/seizures/records/${r.duplicateOf}`}>{r.duplicateOf}</Link>
              </>
            ) : (
              t('seizures.record.notDuplicate')
            )}
          </Fact>
          <Fact label={t('seizures.record.warnings')}>{r.warnings.join('; ')}</Fact>
        </Facts>
        <Facts title={t('seizures.record.envelope')}>
          <Fact label={t('seizures.record.origin')}>{r.origin}</Fact>
          <Fact label={t('seizures.record.handling')}>{r.handling}</Fact>
          <Fact label={t('seizures.record.version')}>{formatNumber(r.version, locale)}</Fact>
          <Fact label={t('seizures.record.created')}>{formatDate(r.createdAt, locale)}</Fact>
          <Fact label={t('seizures.record.id')}>
            <code>{r.id}</code>
          </Fact>
        </Facts>
      </div>
    </>
  );
}

function Reported({ text }: { text: string }) {
  const { t } = useTranslation();
  return text ? <span className="reported">({t('seizures.record.reportedAs', { text })})</span> : null;
}

function RouteFacts({ record: r }: { record: SeizureRecord }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const route = r.route;
  const reported = Object.entries(route.reported);
  return (
    <Facts title={t('seizures.record.route')} note={t('seizures.record.routeAudited')}>
      <Fact label={t('seizures.fields.producingCountries')}>
        {countries(route.producingCountries, locale)}
      </Fact>
      <Fact label={t('seizures.fields.departureCountry')}>
        {route.departureCountry ? countryName(route.departureCountry, locale) : null}
      </Fact>
      <Fact label={t('seizures.fields.transitCountries')}>{countries(route.transitCountries, locale)}</Fact>
      <Fact label={t('seizures.fields.destinationCountry')}>
        {route.destinationCountry ? countryName(route.destinationCountry, locale) : null}
      </Fact>
      <Fact label={t('seizures.fields.traffickerNationalities')}>
        {countries(route.traffickerNationalities, locale)}
      </Fact>
      <Fact label={t('seizures.record.routeReported')}>
        {reported.length
          ? reported
              .map(([k, v]) => {
                const key = fieldLabel(k);
                return `${key ? t(key) : k}: ${v}`;
              })
              .join('; ')
          : null}
      </Fact>
    </Facts>
  );
}
