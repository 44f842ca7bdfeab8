import { Alert, Anchor } from '@mantine/core';
import { createHashRouter, Link, useRouteError } from 'react-router';
import { AuditPage } from '../features/audit/pages/AuditPage';
import { ClockCalculatorPage } from '../features/clocks/pages/ClockCalculatorPage';
import { DashboardPage } from '../features/dashboard/pages/DashboardPage';
import { NewProductPage } from '../features/products/pages/NewProductPage';
import { PortfolioPage } from '../features/products/pages/PortfolioPage';
import { ProductPage } from '../features/products/pages/ProductPage';
import { SettingsPage } from '../features/settings/pages/SettingsPage';
import { SignaturesPage } from '../features/signatures/pages/SignaturesPage';
import { AppLayout } from './AppLayout';

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
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'clocks', element: <ClockCalculatorPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'signatures', element: <SignaturesPage /> },
      { path: '*', element: <RouteError /> },
    ],
  },
]);
