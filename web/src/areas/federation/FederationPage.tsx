import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { areaById } from '../../nav/areas';
import NotFoundPage from '../../pages/NotFoundPage';
import { useMe } from '../../session/session';
import { Loading } from '../../ui/Loading';
import { AreaPage } from '../AreaPage';
import Overview from './Overview';
import './federation.css';

// Pages used less often stay out of the area's first chunk until visited.
const Pairing = lazy(() => import('./Pairing'));
const PartnerPage = lazy(() => import('./PartnerPage'));
const ReceivedList = lazy(() => import('./ReceivedList'));
const ReceivedRecordPage = lazy(() => import('./ReceivedRecordPage'));
const SharedReport = lazy(() => import('./SharedReport'));
const Defaults = lazy(() => import('./Defaults'));
const Bundles = lazy(() => import('./Bundles'));

/**
 * The federation area: overview, pairing, each partner's sync page, received records, the sharing report, sharing
 * defaults and task forces, bundle files. Without federation:read the area says so (like any area outside the role);
 * a received record's own page stays open to every signed-in user, since the node decides per record type whether
 * its content may be shown.
 */
export default function FederationPage() {
  const me = useMe();
  const gate = (page: ReactNode) =>
    me.permissions.includes('federation:read') ? page : <AreaPage area={areaById('federation')} />;
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={gate(<Overview />)} />
        <Route path="pairing" element={gate(<Pairing />)} />
        <Route path="partners/:agency" element={gate(<PartnerPage />)} />
        <Route path="received" element={gate(<ReceivedList />)} />
        <Route path="received/:origin/:id" element={<ReceivedRecordPage />} />
        <Route path="report" element={gate(<SharedReport />)} />
        <Route path="defaults" element={gate(<Defaults />)} />
        <Route path="bundles" element={gate(<Bundles />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
