import { CHANNELS, type Channel, type ChannelInput, type ChannelOutput } from './channels';
import type { ErrorCode, FieldIssue, Result, RpcError } from './result';

/** How a client reaches dispatch: Electron IPC through the preload, or HTTP to the web front door. */
export type Transport = (channel: Channel, input: unknown) => Promise<Result<unknown>>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  constructor(error: RpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

type AreaOf<C extends string> = C extends `${infer A}.${string}` ? A : never;
type VerbOf<C extends string, A extends string> = C extends `${A}.${infer V}` ? V : never;
// `{}` here asks "may the input be left out?": true when every field of the input is optional.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type Call<C extends Channel> = {} extends ChannelInput<C>
  ? (input?: ChannelInput<C>) => Promise<ChannelOutput<C>>
  : (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/** `api.products.create(profile)`: one typed function per channel, derived from the contract. */
export type Api = {
  [A in AreaOf<Channel>]: { [V in VerbOf<Channel, A>]: Call<Extract<`${A}.${V}`, Channel>> };
};

export function createApi(transport: Transport): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [area, verb] = channel.split('.') as [string, string];
    api[area] ??= {};
    api[area][verb] = async (input: unknown = {}) => {
      const result = await transport(channel, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value;
    };
  }
  return api as unknown as Api;
}
