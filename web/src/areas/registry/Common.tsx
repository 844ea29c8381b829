import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Locale } from '../../api/types';
import { countryName, formatDate, formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { FIELD_LABELS, HIDDEN_FIELDS } from './fields';
import {
  COMMITMENT_STATUS_NAMES,
  kindByPath,
  LEVEL_NAMES,
  MEETING_STATUS_NAMES,
  type Names,
  nameIn,
  type RegistryRecord,
  ROLE_NAMES,
} from './model';

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
    const enumKey =
      field === 'level'
        ? LEVEL_NAMES[value]
        : field === 'role'
          ? ROLE_NAMES[value]
          : field === 'status'
            ? (COMMITMENT_STATUS_NAMES[value] ?? MEETING_STATUS_NAMES[value])
            : undefined;
    if (enumKey) return <>{t(enumKey)}</>;
    if (field === 'mechanism' && /^[A-Z0-9-]+$/.test(value))
      return <Link to={`/registry/mechanisms/${value}`}>{value}</Link>;
    if ((field === 'meeting' || field === 'agreement') && /^[0-9a-f-]{36}$/.test(value))
      return <Link to={`/registry/${field}s/${value}`}>{value}</Link>;
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
