import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Locale } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { countryName, formatDate, formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useCodeNames } from './CodeNames';
import { codeLabel } from './codes';
import { FIELD_LABELS, HIDDEN_FIELDS } from './fields';
import { kindByPath, type Names, nameIn, REGISTRY_API, type RegistryRecord, recordTitle } from './model';
import { formatMoney } from './money';

/** The marker on every record that comes from the demo data set, with the article it cites. */
export function DemoMarker({ source }: { source?: { file: string; quote: string } | null }) {
  const { t } = useTranslation();
  return (
    <p className="demo-marker" data-testid="demo-marker">
      <strong>{t('registry.demo.marker')}</strong>
      {source && <span className="demo-source"> · {t('registry.demo.cites', { file: source.file })}</span>}
    </p>
  );
}

/** A small "demo" tag for lists. */
export function DemoTag() {
  const { t } = useTranslation();
  return <span className="demo-tag">{t('registry.demo.tag')}</span>;
}

/** What kind of record a search hit is. */
export function KindLabel({ path }: { path: string }) {
  const { t } = useTranslation();
  const kind = kindByPath(path);
  return kind ? <span className="record-kind">{t(kind.title)}</span> : null;
}

/** The record's names in the three working languages. */
export function NamesTable({ names }: { names: Names }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="record-names-title">
      <h2 id="record-names-title">{t('registry.detail.names')}</h2>
      <dl className="record-fields">
        <div>
          <dt>{t('registry.detail.nameEn')}</dt>
          <dd lang="en">{names.en ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('registry.detail.nameZh')}</dt>
          <dd lang="zh-CN">{names.zh ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('registry.detail.nameRu')}</dt>
          <dd lang="ru">{names.ru ?? '—'}</dd>
        </div>
      </dl>
    </section>
  );
}

export function SourceCitation({ source }: { source: { file: string; quote: string } }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="record-source-title">
      <h2 id="record-source-title">{t('registry.detail.source')}</h2>
      <p className="source-file">{source.file}</p>
      <blockquote className="source-quote">{source.quote}</blockquote>
    </section>
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

function partialDate(iso: string, precision: string | undefined, locale: Locale): string {
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') {
    const intl = locale === 'en' ? 'en-GB' : locale;
    return new Intl.DateTimeFormat(intl, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso.slice(0, 10)}T00:00:00Z`),
    );
  }
  return formatDate(iso.length === 10 ? `${iso}T00:00:00Z` : iso, locale);
}

const isNames = (v: object): v is Names => 'en' in v || 'zh' in v || 'ru' in v;

/** Fields that hold agency codes. */
const AGENCY_FIELDS = new Set(['agency', 'hosts', 'owners', 'implementers', 'donor']);

interface Funding {
  amount: number;
  currency: string;
  on?: string | null;
  donor?: string | null;
  isMinimum?: boolean;
  note?: string | null;
}
const isFunding = (v: object): v is Funding =>
  typeof (v as Funding).amount === 'number' && typeof (v as Funding).currency === 'string';

/** An agency or mechanism by its name in the user's language, linked to its page; its code until names are known. */
export function CodeLink({ path, code }: { path: 'agencies' | 'mechanisms'; code: string }) {
  const locale = useLocale();
  const names = useCodeNames()[path].get(code);
  return (
    <Link to={`/registry/${path}/${encodeURIComponent(code)}`} title={code}>
      {nameIn(names, locale, code)}
    </Link>
  );
}

/** A meeting or agreement another record refers to, by its name. */
function RecordLink({ path, id }: { path: string; id: string }) {
  const locale = useLocale();
  const record = useApiData<RegistryRecord>(`${REGISTRY_API}/${path}/${id}`);
  const title = record.state === 'ready' ? recordTitle(record.data, locale) : id;
  return <Link to={`/registry/${path}/${id}`}>{title}</Link>;
}

/** A funding amount as money in its own currency, with its date, donor and note. */
function FundingValue({ funding }: { funding: Funding }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = formatMoney(funding.amount, funding.currency, locale);
  return (
    <span className="field-object">
      {funding.isMinimum ? t('registry.chart.atLeast', { value: money }) : money}
      {funding.on && (
        <>
          {' · '}
          <FieldValue field="on" value={funding.on} />
        </>
      )}
      {funding.donor && (
        <>
          {' · '}
          <span className="field-key">{t('registry.fields.donor')}: </span>
          <CodeLink path="agencies" code={funding.donor} />
        </>
      )}
      {funding.note && <> · {funding.note}</>}
    </span>
  );
}

interface ValueProps {
  field: string;
  value: unknown;
  precision?: string;
}

/** One field's value, written for a reader: dates, countries, numbers, statuses and names in the user's language. */
export function FieldValue({ field, value, precision }: ValueProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (value === null || value === undefined || value === '') return <>—</>;
  if (typeof value === 'boolean') return <>{value ? t('registry.values.yes') : t('registry.values.no')}</>;
  if (typeof value === 'number') return <>{formatNumber(value, locale)}</>;
  if (typeof value === 'string') {
    if (DATE.test(value)) return <>{partialDate(value, precision, locale)}</>;
    if ((field === 'country' || field === 'countries') && /^[A-Z]{2}$/.test(value))
      return <>{countryName(value, locale)}</>;
    const codeKey = codeLabel(field, value);
    if (codeKey) return <>{t(codeKey)}</>;
    if (AGENCY_FIELDS.has(field)) return <CodeLink path="agencies" code={value} />;
    if (field === 'mechanism') return <CodeLink path="mechanisms" code={value} />;
    if ((field === 'meeting' || field === 'agreement') && /^[0-9a-f-]{36}$/.test(value))
      return <RecordLink path={`${field}s`} id={value} />;
    if (field === 'url') return <a href={value}>{value}</a>;
    return <>{value}</>;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) {
      return (
        <>
          {value.map((v, i) => (
            <span key={String(v)}>
              {i > 0 && ', '}
              <FieldValue field={field} value={v} />
            </span>
          ))}
        </>
      );
    }
    return (
      <ul className="field-items">
        {value.map((item, i) => (
          // Items have no identity of their own; their order is the record's.
          // biome-ignore lint/suspicious/noArrayIndexKey: positions are stable within one record
          <li key={i}>
            <FieldValue field={field} value={item} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'object') {
    if (isNames(value)) return <>{nameIn(value, locale, '—')}</>;
    if (field === 'funding' && isFunding(value)) return <FundingValue funding={value} />;
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0),
    );
    return (
      <span className="field-object">
        {entries.map(([key, v], i) => (
          <span key={key}>
            {i > 0 && ' · '}
            {key === 'names' || key === 'title' || key === 'code' ? null : (
              <span className="field-key">{FIELD_LABELS[key] ? t(FIELD_LABELS[key]) : key}: </span>
            )}
            <FieldValue field={key} value={v} />
          </span>
        ))}
      </span>
    );
  }
  return <>{String(value)}</>;
}

/** Every field of a record that has a value, labelled in the user's language. */
export function RecordFields({ record, omit = [] }: { record: RegistryRecord; omit?: readonly string[] }) {
  const { t } = useTranslation();
  const precision = (record.datePrecision ?? {}) as Record<string, string>;
  const fields = visibleFields(record, omit);
  return (
    <section className="card" aria-labelledby="record-fields-title">
      <h2 id="record-fields-title">{t('registry.detail.fields')}</h2>
      <dl className="record-fields">
        {fields.map(([key, value]) => (
          <div key={key}>
            <dt>{FIELD_LABELS[key] ? t(FIELD_LABELS[key]) : key}</dt>
            <dd>
              <FieldValue field={key} value={value} precision={precision[key]} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

// Bookkeeping fields: shown after the record's own facts.
const META_FIELDS = ['origin', 'version', 'handling', 'updatedAt'];

/** The fields a detail page lists, in order: the record's own facts first, then its bookkeeping. */
export function visibleFields(record: RegistryRecord, omit: readonly string[] = []): [string, unknown][] {
  const shown = Object.entries(record).filter(
    ([key, value]) =>
      !HIDDEN_FIELDS.has(key) &&
      !omit.includes(key) &&
      value !== null &&
      value !== undefined &&
      !(Array.isArray(value) && value.length === 0),
  );
  return [
    ...shown.filter(([key]) => !META_FIELDS.includes(key)),
    ...shown.filter(([key]) => META_FIELDS.includes(key)),
  ];
}

/** Whether the signed-in user may change registry records. */
export function canWrite(permissions: readonly string[]): boolean {
  return permissions.includes('registry:write');
}
