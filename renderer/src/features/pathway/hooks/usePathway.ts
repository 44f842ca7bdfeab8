import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, PathwayView } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { notifyUnlessFieldErrors } from '../../../lib/notify';

export const pathwayKey = (productId: string) => ['pathway', productId] as const;

export function usePathway(productId: string) {
  return useQuery({ queryKey: pathwayKey(productId), queryFn: () => api.pathway.get({ productId }) });
}

export function usePathwayTemplates() {
  return useQuery({ queryKey: ['pathway-templates'], queryFn: () => api.pathways.templates() });
}

type PathwayWrite = Extract<
  Channel,
  | 'pathway.instantiate'
  | 'pathway.updateSettings'
  | 'milestones.create'
  | 'milestones.update'
  | 'milestones.move'
  | 'milestones.remove'
  | 'dependencies.add'
  | 'dependencies.update'
  | 'dependencies.remove'
  | 'clocks.record'
  | 'clocks.override'
  | 'clocks.remove'
>;

const CALLS: { [C in PathwayWrite]: (input: ChannelInput<C>) => Promise<PathwayView> } = {
  'pathway.instantiate': (i) => api.pathway.instantiate(i),
  'pathway.updateSettings': (i) => api.pathway.updateSettings(i),
  'milestones.create': (i) => api.milestones.create(i),
  'milestones.update': (i) => api.milestones.update(i),
  'milestones.move': (i) => api.milestones.move(i),
  'milestones.remove': (i) => api.milestones.remove(i),
  'dependencies.add': (i) => api.dependencies.add(i),
  'dependencies.update': (i) => api.dependencies.update(i),
  'dependencies.remove': (i) => api.dependencies.remove(i),
  'clocks.record': (i) => api.clocks.record(i),
  'clocks.override': (i) => api.clocks.override(i),
  'clocks.remove': (i) => api.clocks.remove(i),
};

/**
 * Every pathway write answers with the whole recomputed view: it replaces the cached one, so
 * the table, timeline and clocks show the new schedule without another round trip. Product
 * data (its derived stage), checklists, the dashboard and the audit trail are refreshed too.
 */
export function usePathwayWrite<C extends PathwayWrite>(channel: C, errorTitle = 'The change was not saved') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => CALLS[channel](input),
    onSuccess: async (view) => {
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
