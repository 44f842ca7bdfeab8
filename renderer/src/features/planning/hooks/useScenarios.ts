import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScenarioView } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { notifyError } from '../../../lib/notify';

export const scenariosKey = (productId: string) => ['scenarios', productId] as const;
export const scenarioKey = (id: string) => ['scenario', id] as const;

export function useScenarioList(productId: string) {
  return useQuery({ queryKey: scenariosKey(productId), queryFn: () => api.scenarios.list({ productId }) });
}

export function useScenario(id: string | null) {
  return useQuery({
    queryKey: scenarioKey(id ?? ''),
    enabled: !!id,
    queryFn: () => api.scenarios.get({ id: id! }),
  });
}

/** Everything a scenario write can change: the scenario list, and after apply the live plan and all that hangs off it. */
export function useRefreshAfterScenarioWrite(productId: string) {
  const client = useQueryClient();
  return async (view: ScenarioView) => {
    client.setQueryData(scenarioKey(view.id), view);
    await Promise.all(
      [scenariosKey(productId), ['pathway', productId], ['baselines', productId], ['dashboard'], ['audit'], ['checklists']].map((queryKey) =>
        client.invalidateQueries({ queryKey }),
      ),
    );
  };
}

/** A scenario write (create, edit, apply, discard) that swaps in the returned view and refreshes the rest. */
export function useScenarioWrite<I>(productId: string, write: (input: I) => Promise<ScenarioView>, failure: string, onDone?: (view: ScenarioView) => void) {
  const refresh = useRefreshAfterScenarioWrite(productId);
  return useMutation({
    mutationFn: write,
    onSuccess: async (view) => {
      await refresh(view);
      onDone?.(view);
    },
    onError: (e) => notifyError(failure, e),
  });
}

export type ScenarioSummaryItem = NonNullable<ReturnType<typeof useScenarioList>['data']>[number];
