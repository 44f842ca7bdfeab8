import { Alert, Anchor } from '@mantine/core';
import { createHashRouter, Link, useRouteError } from 'react-router';
import { lazy } from 'react';
import { dashboardQuery } from '../features/dashboard/lib/query';
import { queryClient } from '../lib/queryClient';
import { AppLayout } from './AppLayout';

// One chunk per page (React.lazy): the first screen loads the shell and its own page only.
// AppLayout shows a loader (Suspense) while a page's chunk arrives.
const AuditPage = lazy(() => import('../features/audit/pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const ClockCalculatorPage = lazy(() => import('../features/clocks/pages/ClockCalculatorPage').then((m) => ({ default: m.ClockCalculatorPage })));
const loadDashboardPage = () => import('../features/dashboard/pages/DashboardPage');
const DashboardPage = lazy(() => loadDashboardPage().then((m) => ({ default: m.DashboardPage })));
const NewProductPage = lazy(() => import('../features/products/pages/NewProductPage').then((m) => ({ default: m.NewProductPage })));
const PortfolioPage = lazy(() => import('../features/products/pages/PortfolioPage').then((m) => ({ default: m.PortfolioPage })));
const ProductPage = lazy(() => import('../features/products/pages/ProductPage').then((m) => ({ default: m.ProductPage })));
const SettingsPage = lazy(() => import('../features/settings/pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const SignaturesPage = lazy(() => import('../features/signatures/pages/SignaturesPage').then((m) => ({ default: m.SignaturesPage })));

function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : 'This page does not exist.';
  return (
    <Alert color="red" title="Something went wrong" m="lg">
      {message} <Anchor component={Link} to="/">Back to the portfolio</Anchor>
    </Alert>
  );
}

/** Hash routes: the desktop app loads from file://, where path routes cannot work. */
export const router = createHashRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <PortfolioPage /> },
      { path: 'products/new', element: <NewProductPage /> },
      { path: 'products/:id', element: <ProductPage /> },
      // The dashboard's code and data are asked for at once, the code first: the back end is
      // busy computing the data and a script asked for after it would wait for it.
      {
        path: 'dashboard',
        element: <DashboardPage />,
        loader: () => {
          void loadDashboardPage();
          void queryClient.prefetchQuery(dashboardQuery);
          return null;
        },
      },
      { path: 'clocks', element: <ClockCalculatorPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'signatures', element: <SignaturesPage /> },
      { path: '*', element: <RouteError /> },
    ],
  },
]);
