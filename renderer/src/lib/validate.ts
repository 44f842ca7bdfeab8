import { ApiError, contract, type Channel, type ChannelInput } from '../../../electron/contract';

/**
 * Checks a write's input with the contract's own zod schema before any request, so a form
 * shows the same field errors the back end would give, without a refused request (HTTP 400)
 * and its console error. Throws the ApiError the back end would have answered with.
 */
export function checkInput<C extends Channel>(channel: C, input: ChannelInput<C>): void {
  const parsed = contract[channel].input.safeParse(input ?? {});
  if (parsed.success) return;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const shown = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  throw new ApiError({ code: 'VALIDATION', message: shown.join('; '), issues });
}
