import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiData } from '../../api/useApiData';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { Loading } from '../../ui/Loading';
import { LoadState } from '../../ui/LoadState';
import { PageHeading } from '../../ui/PageHeading';
import { DemoTag, KindLabel } from './Common';
import { KINDS, nameIn, REGISTRY_API, type SearchHit, type Summary } from './model';

// ECharts is large: fetched only once this page is on screen.
const TrainingChart = lazy(() => import('./TrainingChart'));
const AdChart = lazy(() => import('./AdChart'));

/** The registry at a glance: how many records of each kind, a search over all of them, and where to go next. */
export default function RegistryHome() {
  const { t } = useTranslation();
  const locale = useLocale();
  const summary = useApiData<Summary>(`${REGISTRY_API}/summary`);
  return (
    <article className="area registry" data-area="registry">
      <PageHeading title={t('areas.registry.title')}>{t('areas.registry.title')}</PageHeading>
      <p className="lead">{t('areas.registry.summary')}</p>
      <RegistrySearch />
      <section className="card" aria-labelledby="registry-counts-title">
        <h2 id="registry-counts-title">{t('registry.summary.title')}</h2>
        <LoadState loadable={summary}>
          {(data) => (
            <>
              <ul className="kind-tiles">
                {KINDS.map((kind) => {
                  const count = data.counts[kind.path];
                  return (
                    <li key={kind.path}>
                      <Link to={`/registry/${kind.path}`}>
                        <span className="kind-count">{formatNumber(count?.total ?? 0, locale)}</span>
                        <span className="kind-name">{t(kind.title)}</span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
              {data.demoData && <p className="fact-note">{t('registry.summary.demoNote')}</p>}
            </>
          )}
        </LoadState>
      </section>
      <nav className="registry-links" aria-label={t('registry.summary.views')}>
        <Link to="/registry/calendar">{t('registry.calendar.title')}</Link>
        <Link to="/registry/overdue">{t('registry.overdue.title')}</Link>
      </nav>
      <Suspense fallback={<Loading />}>
        <TrainingChart />
        <AdChart />
      </Suspense>
    </article>
  );
}

function RegistrySearch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  return (
    <section className="card registry-search" aria-labelledby="registry-search-title">
      <h2 id="registry-search-title">{t('registry.search.title')}</h2>
      <search>
        <form onSubmit={submit} className="search-form">
          <label htmlFor="registry-q">{t('registry.search.label')}</label>
          <p id="registry-q-hint" className="field-hint">
            {t('registry.search.hint')}
          </p>
          <div className="search-row">
            <input
              id="registry-q"
              type="search"
              value={text}
              aria-describedby="registry-q-hint"
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="primary">
              {t('registry.search.button')}
            </button>
          </div>
        </form>
      </search>
      {q && <SearchResults q={q} locale={locale} />}
    </section>
  );
}

function SearchResults({ q, locale }: { q: string; locale: ReturnType<typeof useLocale> }) {
  const { t } = useTranslation();
  const hits = useApiData<{ q: string; hits: SearchHit[] }>(
    `${REGISTRY_API}/search?q=${encodeURIComponent(q)}`,
  );
  return (
    <LoadState loadable={hits}>
      {(data) =>
        data.hits.length === 0 ? (
          <p role="status">{t('registry.search.noHits', { q })}</p>
        ) : (
          <div role="status">
            <p>{t('registry.search.hits', { count: data.hits.length, q })}</p>
            <ul className="record-list">
              {data.hits.map((hit) => (
                <li key={`${hit.path}-${hit.id}`} className="record-item">
                  <Link to={`/registry/${hit.path}/${hit.code ?? hit.id}`}>
                    {nameIn(hit.names, locale, hit.code ?? hit.id)}
                  </Link>{' '}
                  <KindLabel path={hit.path} />
                  {hit.demo && <DemoTag />}
                </li>
              ))}
            </ul>
          </div>
        )
      }
    </LoadState>
  );
}
