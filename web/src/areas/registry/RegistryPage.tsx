import { lazy, Suspense } from 'react';
import { Route, Routes, useParams } from 'react-router';
import NotFoundPage from '../../pages/NotFoundPage';
import { Loading } from '../../ui/Loading';
import { CodeNamesProvider } from './CodeNames';
import DetailPage from './DetailPage';
import ListPage from './ListPage';
import { kindByPath } from './model';
import RegistryHome from './RegistryHome';

// Pages used less often stay out of the registry chunk until visited.
const CalendarPage = lazy(() => import('./CalendarPage'));
const OverduePage = lazy(() => import('./OverduePage'));
const MeetingFormPage = lazy(() => import('./MeetingForm'));
const RecordFormPage = lazy(() => import('./RecordForm'));

/** The registry area: its landing page, a list and a page per record of each kind, the calendar and overdue list. */
export default function RegistryPage() {
  return (
    <CodeNamesProvider>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<RegistryHome />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route path="overdue" element={<OverduePage />} />
          <Route path="meetings/new" element={<MeetingFormPage />} />
          <Route path="meetings/:id/edit" element={<MeetingFormPage />} />
          <Route path=":kind/new" element={<RecordFormPage />} />
          <Route path=":kind/:id/edit" element={<RecordFormPage />} />
          <Route path=":kind" element={<KindRoute detail={false} />} />
          <Route path=":kind/:id" element={<KindRoute detail />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </CodeNamesProvider>
  );
}

function KindRoute({ detail }: { detail: boolean }) {
  const params = useParams();
  const kind = kindByPath(params.kind);
  if (!kind) return <NotFoundPage />;
  // Keyed by the address so that moving between records starts each page afresh.
  return detail ? (
    <DetailPage key={`${kind.path}/${params.id}`} kind={kind} />
  ) : (
    <ListPage key={kind.path} kind={kind} />
  );
}
