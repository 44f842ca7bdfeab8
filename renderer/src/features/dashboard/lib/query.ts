import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** The dashboard's one read: shared by its page and the route loader that starts it early. */
export const dashboardQuery = queryOptions({ queryKey: ['dashboard'], queryFn: () => api.dashboard.get({}) });
