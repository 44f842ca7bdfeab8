import { contract, isChannel, parseInput, type Channel, type Result } from '../contract';
import type { ServiceContext } from '../services/context';
import { AppError } from '../services/errors';
import { handlerFor } from '../services';

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/**
 * The one path every front door takes: allow-list, input parse, handler, output parse.
 * Never throws: every failure becomes a Result with a code and a message for a person.
 */
export function createDispatcher(ctx: ServiceContext, log: (message: string, error: unknown) => void = console.error): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel "${String(channel).slice(0, 80)}". Run "channels" to list them.` },
      };
    }
    const parsed = parseInput(channel, input);
    if (!parsed.ok) return parsed;
    try {
      const value = await handlerFor(channel as Channel)(parsed.value as never, ctx);
      const output = contract[channel].output.safeParse(value);
      if (!output.success) {
        log(`Output of ${channel} does not match the contract`, output.error);
        return { ok: false, error: { code: 'INTERNAL', message: `The tracker produced an invalid answer for ${channel}. Nothing was lost; please report this.` } };
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
      }
      const code = sqliteCode(error);
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
        return { ok: false, error: { code: 'DB_BUSY', message: 'The data file is busy (another program is writing to it). Nothing was changed; try again in a moment.' } };
      }
      if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
        return { ok: false, error: { code: 'DISK_FULL', message: 'The disk is full: nothing was saved. Free some space on the disk that holds the data folder, then try again.' } };
      }
      if (code?.startsWith('SQLITE_READONLY')) {
        return { ok: false, error: { code: 'CONFLICT', message: 'The data file has become read-only (its folder or disk no longer allows writing): nothing was saved. Make it writable again, then restart the tracker.' } };
      }
      log(`Handler ${channel} failed`, error);
      return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong in ${channel}; nothing was changed. The details are in the log.` } };
    }
  };
}
