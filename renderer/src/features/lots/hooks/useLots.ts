import { useQuery } from '@tanstack/react-query';
import type { Channel, LotView } from '../../../../../electron/contract';
import { api, type ChannelsAnswering } from '../../../lib/api';
import { notifyUnlessFieldErrors } from '../../../lib/notify';
import { useWrite } from '../../../lib/useWrite';

export const lotsKey = (productId: string) => ['lots', productId] as const;
export const lotKey = (lotId: string) => ['lot', lotId] as const;
export const specsKey = (productId: string) => ['lot-specs', productId] as const;

export const useLots = (productId: string) => useQuery({ queryKey: lotsKey(productId), queryFn: () => api.lots.list({ productId }) });
export const useLot = (lotId: string) => useQuery({ queryKey: lotKey(lotId), queryFn: () => api.lots.get({ lotId }) });
export const useSpecs = (productId: string) => useQuery({ queryKey: specsKey(productId), queryFn: () => api.lots.specs({ productId }) });

/** Every lot write answering with the lot view: the lot, the product's lot list, trends and the trail follow. */
export type LotWrite = Exclude<ChannelsAnswering<LotView>, 'lots.get'>;

export function useLotWrite<C extends LotWrite>(channel: C, errorTitle = 'The change was not saved') {
  return useWrite(channel, {
    onSuccess: async (view: LotView, client) => {
      client.setQueryData(lotKey(view.lot.id), view);
      await invalidateLots(client, view.lot.productId);
    },
    onError: (error) => notifyUnlessFieldErrors(errorTitle, error),
  });
}

export async function invalidateLots(client: { invalidateQueries(q: { queryKey: readonly unknown[] }): Promise<unknown> }, productId: string) {
  await Promise.all(
    [lotsKey(productId), specsKey(productId), ['lot-trends', productId], ['lot-compare', productId], ['checklists', productId], ['audit']].map((queryKey) => client.invalidateQueries({ queryKey })),
  );
}

export function useCreateSpec(productId: string) {
  return useWrite('lots.createSpec', {
    onSuccess: async (_spec, client) => invalidateLots(client, productId),
    onError: (error) => notifyUnlessFieldErrors('The specification was not saved', error),
  });
}

export type { Channel };
