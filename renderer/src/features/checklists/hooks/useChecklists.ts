import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChecklistsView } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { notifyUnlessFieldErrors } from '../../../lib/notify';

export const checklistsKey = (productId: string) => ['checklists', productId] as const;
export const checklistTemplatesKey = ['checklist-templates'] as const;

export function useChecklists(productId: string) {
  return useQuery({ queryKey: checklistsKey(productId), queryFn: () => api.checklists.get({ productId }) });
}

export function useChecklistTemplates() {
  return useQuery({ queryKey: checklistTemplatesKey, queryFn: () => api.checklists.templates() });
}

type ChecklistWrite = Extract<
  Channel,
  'checklists.generate' | 'checklistItems.update' | 'checklistItems.bulkUpdate' | 'checklistItems.create' | 'checklistItems.remove'
>;

const CALLS: { [C in ChecklistWrite]: (input: ChannelInput<C>) => Promise<ChecklistsView> } = {
  'checklists.generate': (i) => api.checklists.generate(i),
  'checklistItems.update': (i) => api.checklistItems.update(i),
  'checklistItems.bulkUpdate': (i) => api.checklistItems.bulkUpdate(i),
  'checklistItems.create': (i) => api.checklistItems.create(i),
  'checklistItems.remove': (i) => api.checklistItems.remove(i),
};

/**
 * Every checklist write answers with the whole recomputed view (items, summaries, gates): it
 * replaces the cached one, so progress bars and gates follow without another round trip. The
 * dashboard (readiness per product) and the audit trail are refreshed too.
 *
 * Refusals tied to a field (e.g. `changes.justification`) are left to the form that shows
 * them; anything else is notified.
 */
export function useChecklistWrite<C extends ChecklistWrite>(channel: C, errorTitle = 'The change was not saved') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => CALLS[channel](input),
    onSuccess: async (view) => {
      client.setQueryData(checklistsKey(view.productId), view);
      await Promise.all([client.invalidateQueries({ queryKey: ['dashboard'] }), client.invalidateQueries({ queryKey: ['audit'] })]);
    },
    onError: (error) => notifyUnlessFieldErrors(errorTitle, error),
  });
}

/** Reads nothing from disk itself: the renderer passes the text of the file the user picked. */
export function useImportChecklistTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'checklistTemplates.import'>) => api.checklistTemplates.import(input),
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: checklistTemplatesKey }), client.invalidateQueries({ queryKey: ['audit'] })]);
    },
  });
}
