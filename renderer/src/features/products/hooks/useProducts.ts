import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../../electron/contract';
import { api } from '../../../lib/api';

export const productKeys = {
  all: ['products'] as const,
  list: (includeArchived: boolean) => ['products', 'list', includeArchived] as const,
  one: (id: string) => ['products', 'one', id] as const,
  audit: (id: string) => ['audit', id] as const,
};

export function useProducts(includeArchived = false) {
  return useQuery({ queryKey: productKeys.list(includeArchived), queryFn: () => api.products.list({ includeArchived }) });
}

export function useProduct(id: string) {
  return useQuery({ queryKey: productKeys.one(id), queryFn: () => api.products.get({ id }) });
}

export function useProductAudit(id: string) {
  return useQuery({ queryKey: productKeys.audit(id), queryFn: () => api.audit.list({ productId: id, limit: 500 }) });
}

/** After any product write, everything product-shaped is stale: lists, the product, its history. */
function useInvalidateProducts() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: productKeys.all }), client.invalidateQueries({ queryKey: ['audit'] })]);
}

export function useCreateProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({ mutationFn: (input: ChannelInput<'products.create'>) => api.products.create(input), onSuccess: invalidate });
}

export function useUpdateProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({ mutationFn: (input: ChannelInput<'products.update'>) => api.products.update(input), onSuccess: invalidate });
}

export function useArchiveProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({
    mutationFn: ({ id, archive, reason }: { id: string; archive: boolean; reason?: string }) =>
      archive ? api.products.archive({ id, reason }) : api.products.restore({ id, reason }),
    onSuccess: invalidate,
  });
}

export function useLoadExamples() {
  const invalidate = useInvalidateProducts();
  return useMutation({ mutationFn: () => api.examples.load(), onSuccess: invalidate });
}
