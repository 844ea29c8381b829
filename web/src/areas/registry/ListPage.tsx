import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiData } from '../../api/useApiData';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useMe } from '../../session/session';
import { LoadState } from '../../ui/LoadState';
import { PageHeading } from '../../ui/PageHeading';
import { canWrite, DemoTag, FieldValue } from './Common';
import { FORMS } from './kindForms';
import {
  type KindInfo,
  type Page,
  pageWindow,
  REGISTRY_API,
  type RegistryRecord,
  recordTitle,
} from './model';

export const PAGE_SIZE = 20;

/** The fields worth a glance in a list, by kind. */
const GLANCE: Record<string, string[]> = {
  agencies: ['code', 'country'],
  mechanisms: ['code', 'establishedOn'],
  memberships: ['role', 'joinedOn', 'leftOn'],
  agreements: ['signedOn', 'status'],
  meetings: ['mechanism', 'startsOn', 'level'],
  commitments: ['dueOn', 'status'],
  training: ['startsOn', 'officersTotal'],
  'ad-projects': ['countries', 'startsOn'],
};

/** One kind of record: a search within it and the records a page at a time. */
export default function ListPage({ kind }: { kind: KindInfo }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [text, setText] = useState(q);
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (q) query.set('q', q);
  const page = useApiData<Page<RegistryRecord>>(`${REGISTRY_API}/${kind.path}?${query}`);
  const go = (next: { q?: string; offset?: number }) => {
    const search: Record<string, string> = {};
    const nq = next.q ?? q;
    if (nq) search.q = nq;
    if (next.offset) search.offset = String(next.offset);
    setParams(search);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: text.trim(), offset: 0 });
  };
  const title = t(kind.title);
  return (
    <article className="area registry" data-area="registry">
      <p className="breadcrumb">
        <Link to="/registry">{t('areas.registry.title')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {canWrite(me.permissions) && <NewLink kind={kind} />}
      <search>
        <form onSubmit={submit} className="search-form">
          <label htmlFor="registry-list-q">{t('registry.list.searchLabel', { kind: title })}</label>
          <div className="search-row">
            <input
              id="registry-list-q"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="primary">
              {t('registry.search.button')}
            </button>
          </div>
        </form>
      </search>
      <LoadState loadable={page}>
        {(data) => {
          const w = pageWindow(data.total, PAGE_SIZE, offset);
          return (
            <>
              <p role="status" className="list-range">
                {data.total === 0
                  ? t('registry.list.empty')
                  : t('registry.list.range', {
                      from: formatNumber(w.from, locale),
                      to: formatNumber(w.to, locale),
                      total: formatNumber(data.total, locale),
                    })}
              </p>
              <ul className="record-list">
                {data.items.map((record) => (
                  <li key={record.id} className="record-item">
                    <Link to={`/registry/${kind.path}/${record.id}`}>{recordTitle(record, locale)}</Link>
                    {record.demo && <DemoTag />}
                    <span className="record-glance">
                      {(GLANCE[kind.path] ?? []).map((field) =>
                        record[field] === null || record[field] === undefined ? null : (
                          <span key={field}>
                            <FieldValue field={field} value={record[field]} />
                          </span>
                        ),
                      )}
                    </span>
                  </li>
                ))}
              </ul>
              {(w.previous !== null || w.next !== null) && (
                <nav className="pager" aria-label={t('registry.list.pages')}>
                  <button
                    type="button"
                    className="secondary"
                    disabled={w.previous === null}
                    onClick={() => go({ offset: w.previous ?? 0 })}
                  >
                    {t('registry.list.previous')}
                  </button>
                  <button
                    type="button"
                    disabled={w.next === null}
                    onClick={() => go({ offset: w.next ?? 0 })}
                  >
                    {t('registry.list.next')}
                  </button>
                </nav>
              )}
            </>
          );
        }}
      </LoadState>
    </article>
  );
}

/** The way to a new record's form: meetings have their own, the other kinds the generic one. */
function NewLink({ kind }: { kind: KindInfo }) {
  const { t } = useTranslation();
  const spec = FORMS[kind.path];
  const label = kind.path === 'meetings' ? t('registry.edit.newMeeting') : spec ? t(spec.newTitle) : null;
  if (!label) return null;
  return (
    <p>
      <Link className="button-link" to={`/registry/${kind.path}/new`}>
        {label}
      </Link>
    </p>
  );
}
