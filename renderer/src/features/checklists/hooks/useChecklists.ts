import { useQuery } from '@tanstack/react-query';
import type { ChecklistsView } from '../../../../../electron/contract';
import { api, type ChannelsAnswering } from '../../../lib/api';
import { notifyUnlessFieldErrors } from '../../../lib/notify';
import { useWrite } from '../../../lib/useWrite';

export const checklistsKey = (productId: string) => ['checklists', productId] as const;
export const checklistTemplatesKey = ['checklist-templates'] as const;

export function useChecklists(productId: string) {
  return useQuery({ queryKey: checklistsKey(productId), queryFn: () => api.checklists.get({ productId }) });
}

export function useChecklistTemplates() {
  return useQuery({ queryKey: checklistTemplatesKey, queryFn: () => api.checklists.templates() });
}

/** Every channel that answers with the recomputed checklists view, but the read itself. */
export type ChecklistWrite = Exclude<ChannelsAnswering<ChecklistsView>, 'checklists.get'>;

/**
 * Every checklist write answers with the whole recomputed view (items, summaries, gates): it
 * replaces the cached one, so progress bars and gates follow without another round trip. The
 * dashboard (readiness per product) and the audit trail are refreshed too.
 *
 * Refusals tied to a field (e.g. `changes.justification`) are left to the form that shows
 * them; anything else is notified.
 */
export function useChecklistWrite<C extends ChecklistWrite>(channel: C, errorTitle = 'The change was not saved') {
  return useWrite(channel, {
    onSuccess: async (view: ChecklistsView, client) => {
      client.setQueryData(checklistsKey(view.productId), view);
      await Promise.all([client.invalidateQueries({ queryKey: ['dashboard'] }), client.invalidateQueries({ queryKey: ['audit'] })]);
    },
    onError: (error) => notifyUnlessFieldErrors(errorTitle, error),
  });
}

/** Reads nothing from disk itself: the renderer passes the text of the file the user picked. */
export function useImportChecklistTemplate() {
  return useWrite('checklistTemplates.import', {
    onSuccess: async (_summary, client) => {
      await Promise.all([client.invalidateQueries({ queryKey: checklistTemplatesKey }), client.invalidateQueries({ queryKey: ['audit'] })]);
    },
  });
}
