import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { areaById } from '../../nav/areas';
import NotFoundPage from '../../pages/NotFoundPage';
import { useMe } from '../../session/session';
import { Loading } from '../../ui/Loading';
import { AreaPage } from '../AreaPage';
import RecordPage from './RecordPage';
import SeizureList from './SeizureList';
import './seizures.css';

// The wizard and the dashboard (which brings the chart library) load only when visited.
const ImportWizard = lazy(() => import('./ImportWizard'));
const ImportStatus = lazy(() => import('./ImportStatus'));
const Dashboard = lazy(() => import('./Dashboard'));

/** The seizures area: the list, a page per record, the import wizard and its reports, the dashboard. */
export default function SeizuresPage() {
  const me = useMe();
  if (!me.permissions.includes('seizures:read')) return <AreaPage area={areaById('seizures')} />;
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<SeizureList />} />
        <Route path="records/:id" element={<RecordPage />} />
        <Route path="import" element={<ImportWizard />} />
        <Route path="imports/:id" element={<ImportStatus />} />
        <Route path="dashboard" element={<Dashboard />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
