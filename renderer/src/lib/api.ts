import { createApi, type Channel, type ChannelInput, type ChannelOutput, type Result, type Transport } from '../../../electron/contract';

declare global {
  interface Window {
    /** Present inside Electron: the preload's bridge to the dispatcher. */
    rpt?: {
      invoke(channel: string, input: unknown): Promise<Result<unknown>>;
      saveFile(suggestedName: string, data: Uint8Array): Promise<string | null>;
      showFile(filePath: string): Promise<void>;
      openDocument(filePath: string): Promise<string>;
    };
  }
}

const TOKEN_KEY = 'rpt.token';
const TOKEN_HEADER = 'x-rpt-token';

/** The web front door hands the token over once in the URL; keep it for reloads, then drop it from the address bar. */
function takeLaunchToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpTransport(token: string | null): Transport {
  return async (channel: Channel, input: unknown) => {
    let response: Response;
    try {
      response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token ?? '' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'The tracker back end is not reachable. Is the web front door still running?' } };
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `The back end answered ${response.status} without a readable result.` } };
    }
  };
}

const transport: Transport = window.rpt
  ? (channel, input) => window.rpt!.invoke(channel, input)
  : httpTransport(takeLaunchToken());

export const api = createApi(transport);
export { ApiError } from '../../../electron/contract';

/** The client's function for a channel, typed by the contract: `callerOf('milestones.update')` is `api.milestones.update`. */
export function callerOf<C extends Channel>(channel: C): (input: ChannelInput<C>) => Promise<ChannelOutput<C>> {
  const [area, verb] = channel.split('.') as [string, string];
  // createApi builds exactly one function per contract channel under api[area][verb].
  const byArea = api as unknown as Record<string, Record<string, (input: ChannelInput<C>) => Promise<ChannelOutput<C>>>>;
  return byArea[area]![verb]!;
}

/** The channels whose answer is a `T` (e.g. every channel answering with the recomputed pathway view). */
export type ChannelsAnswering<T> = { [C in Channel]: [ChannelOutput<C>] extends [T] ? ([T] extends [ChannelOutput<C>] ? C : never) : never }[Channel];
