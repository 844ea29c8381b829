import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNodeInfo } from '../shell/NodeContext';
import { Loading } from '../ui/Loading';
import { LoadState } from '../ui/LoadState';
import { PageHeading } from '../ui/PageHeading';
import { NodeFigures } from './NodeFigures';
import { NodeIdentity } from './NodeIdentity';
import { OverdueCommitmentsCard } from './OverdueCommitmentsCard';
import { ReferenceFigures } from './ReferenceFigures';

// ECharts and the map data are large: fetched only once the home page is on screen.
const NodeMap = lazy(() => import('./NodeMap'));

/** This node at a glance: whose it is, its key, its accounts and reference data, and where it is on the map. */
export default function HomePage() {
  const { t } = useTranslation();
  const node = useNodeInfo();
  return (
    <article className="home">
      <PageHeading title={t('home.title')}>{t('home.title')}</PageHeading>
      <div className="home-grid">
        <LoadState loadable={node}>{(info) => <NodeIdentity node={info} />}</LoadState>
        <div className="home-column">
          <NodeFigures />
          <ReferenceFigures />
          <OverdueCommitmentsCard />
        </div>
        <LoadState loadable={node}>
          {(info) => (
            <Suspense fallback={<Loading />}>
              <NodeMap country={info.country} />
            </Suspense>
          )}
        </LoadState>
      </div>
    </article>
  );
}
