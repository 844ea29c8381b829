import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import NotFoundPage from '../../pages/NotFoundPage';
import { Loading } from '../../ui/Loading';
import Overview from './Overview';
import './federation.css';

// Pages used less often stay out of the area's first chunk until visited.
const Pairing = lazy(() => import('./Pairing'));
const PartnerPage = lazy(() => import('./PartnerPage'));
const ReceivedList = lazy(() => import('./ReceivedList'));
const ReceivedRecordPage = lazy(() => import('./ReceivedRecordPage'));
const SharedReport = lazy(() => import('./SharedReport'));
const Defaults = lazy(() => import('./Defaults'));

/** The federation area: overview, pairing, each partner's sync page, received records, the sharing report. */
export default function FederationPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<Overview />} />
        <Route path="pairing" element={<Pairing />} />
        <Route path="partners/:agency" element={<PartnerPage />} />
        <Route path="received" element={<ReceivedList />} />
        <Route path="received/:origin/:id" element={<ReceivedRecordPage />} />
        <Route path="report" element={<SharedReport />} />
        <Route path="defaults" element={<Defaults />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
