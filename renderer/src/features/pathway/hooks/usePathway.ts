import { useQuery } from '@tanstack/react-query';
import type { PathwayView } from '../../../../../electron/contract';
import { api, type ChannelsAnswering } from '../../../lib/api';
import { notifyUnlessFieldErrors } from '../../../lib/notify';
import { useWrite } from '../../../lib/useWrite';

export const pathwayKey = (productId: string) => ['pathway', productId] as const;

export function usePathway(productId: string) {
  return useQuery({ queryKey: pathwayKey(productId), queryFn: () => api.pathway.get({ productId }) });
}

export function usePathwayTemplates() {
  return useQuery({ queryKey: ['pathway-templates'], queryFn: () => api.pathways.templates() });
}

/** Every channel that answers with the recomputed pathway view, but the read itself. */
export type PathwayWrite = Exclude<ChannelsAnswering<PathwayView>, 'pathway.get'>;

/**
 * Every pathway write answers with the whole recomputed view: it replaces the cached one, so
 * the table, timeline and clocks show the new schedule without another round trip. Product
 * data (its derived stage), checklists, the dashboard and the audit trail are refreshed too.
 */
export function usePathwayWrite<C extends PathwayWrite>(channel: C, errorTitle = 'The change was not saved') {
  return useWrite(channel, {
    onSuccess: async (view: PathwayView, client) => {
      client.setQueryData(pathwayKey(view.product.id), view);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['products'] }),
        client.invalidateQueries({ queryKey: ['audit'] }),
        client.invalidateQueries({ queryKey: ['dashboard'] }),
        // Checklist due dates tied to milestones move with the schedule.
        client.invalidateQueries({ queryKey: ['checklists'] }),
        client.invalidateQueries({ queryKey: ['baselines', view.product.id] }),
      ]);
    },
    onError: (error) => notifyUnlessFieldErrors(errorTitle, error),
  });
}
