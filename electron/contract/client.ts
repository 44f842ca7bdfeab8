import type { z } from 'zod';
import { CHANNELS, contract, type Channel, type ChannelInput, type ChannelOutput } from './channels';
import type { ErrorCode, FieldIssue, Result, RpcError } from './result';

/** A schema's complaints as field issues: dotted path ('' for the input as a whole) and message. */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** The message of a VALIDATION refusal: the first five issues, each with its field. */
function describeIssues(issues: FieldIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return `Please correct the input. ${shown.join('; ')}${more}`;
}

/**
 * An input parsed with its channel's schema, or the VALIDATION refusal that says which fields
 * are wrong. The dispatcher parses every input with it; the client asks it before any request,
 * so a form shows the back end's own field errors without a refused request (an HTTP 400 and
 * its console error).
 */
export function parseInput(channel: Channel, input: unknown): Result<unknown> {
  const parsed = contract[channel].input.safeParse(input === undefined ? {} : input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = issuesOf(parsed.error);
  return { ok: false, error: { code: 'VALIDATION', message: describeIssues(issues), issues } };
}

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
      // Every call, reads and writes alike, is checked with the channel's schema first.
      const parsed = parseInput(channel, input);
      if (!parsed.ok) throw new ApiError(parsed.error);
      const result = await transport(channel, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value;
    };
  }
  return api as unknown as Api;
}
