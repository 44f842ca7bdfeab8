import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../electron/contract';
import { callerOf } from './api';

export interface WriteOptions<C extends Channel> {
  /** Brings the cache up to date with the answer; a returned promise is awaited before the write counts as settled. */
  onSuccess?: (output: ChannelOutput<C>, client: QueryClient) => Promise<unknown> | void;
  onError?: (error: Error) => void;
}

/**
 * A TanStack mutation for one contract channel: `useWrite('milestones.update', …)` calls
 * `api.milestones.update`, with input and answer typed by the contract, so no hook keeps its
 * own table of channels and client functions. The input is checked with the same schema
 * before the request (contract/client.ts), so forms show field errors without a refused request.
 */
export function useWrite<C extends Channel>(channel: C, { onSuccess, onError }: WriteOptions<C> = {}) {
  const client = useQueryClient();
  return useMutation({
    // The api checks the input with the contract's schema first: a refused input never leaves the renderer.
    mutationFn: (input: ChannelInput<C>) => callerOf(channel)(input),
    onSuccess: (output) => onSuccess?.(output, client),
    onError,
  });
}
