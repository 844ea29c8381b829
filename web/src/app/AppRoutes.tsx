import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// Each area is its own chunk, fetched on first visit: the sign-in screen and the first page stay small.
const HomePage = lazy(() => import('../home/HomePage'));
const RegistryPage = lazy(() => import('../areas/registry/RegistryPage'));
const SeizuresPage = lazy(() => import('../areas/seizures/SeizuresPage'));
const IntelPage = lazy(() => import('../areas/intel/IntelPage'));
const CasesPage = lazy(() => import('../areas/cases/CasesPage'));
const PrecursorsPage = lazy(() => import('../areas/precursors/PrecursorsPage'));
const EntitiesPage = lazy(() => import('../areas/entities/EntitiesPage'));
const ReportsPage = lazy(() => import('../areas/reports/ReportsPage'));
const FederationPage = lazy(() => import('../areas/federation/FederationPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomePage />} />
      <Route path="/registry/*" element={<RegistryPage />} />
      <Route path="/seizures/*" element={<SeizuresPage />} />
      <Route path="/intel/*" element={<IntelPage />} />
      <Route path="/cases/*" element={<CasesPage />} />
      <Route path="/precursors/*" element={<PrecursorsPage />} />
      <Route path="/entities/*" element={<EntitiesPage />} />
      <Route path="/reports/*" element={<ReportsPage />} />
      <Route path="/federation/*" element={<FederationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
