import os from 'node:os';
import type { AuditRecord, Repositories, Transaction } from '../../db';
import type { BackupFile } from '../../db/backup';
import type { z } from 'zod';
import { type AppInfo, DISPLAY_NAME_FORBIDDEN } from '../contract';
import { loadInstallationKey, type InstallationKey } from './identity/installationKey';

export type AppInfoValue = z.infer<typeof AppInfo>;

/** Operations on the data file itself, provided by the back end that owns it. */
export interface Maintenance {
  backupDir: string;
  backupNow(kind: 'manual' | 'daily'): Promise<BackupFile>;
  /** Replaces the data with a backup; the context's database is reopened afterwards. */
  restore(name: string): Promise<{ restored: string; previousSavedAs: string }>;
}

/** What every handler gets: repositories (no raw connection: SQL lives in db/), the actor,
 *  the clock and one way to write. */
/** Adds audit records to the transaction in progress (see `ServiceContext.write`). */
export interface Audit {
  (...records: AuditRecord[]): void;
  /**
   * Says in words what this write does as a whole ("Generated 146 checklist items from ...").
   * A write with more than one record is one change set in the trail: this summary, with the
   * records as its members.
   */
  summarise(summary: string): void;
}

export interface ServiceContext {
  maintenance: Maintenance;
  repos: Repositories;
  info: Omit<AppInfoValue, 'actor'>;
  /** Who is acting: from this installation (OS account + display name), never from the client. */
  actor(): string;
  /** The current instant, ISO 8601 UTC. Injected so tests can pin it. */
  now(): string;
  /** Today's calendar date where the user is (YYYY-MM-DD): the status date of every forecast. */
  today(): string;
  /** This installation's Ed25519 key (made on first use in `<dataDir>/identity/`). */
  installationKey(): InstallationKey;
  /** Runs `fn` in one immediate transaction; audit records it returns are written in the same one. */
  write<T>(fn: (audit: Audit) => T): T;
}

export function osAccount(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** The local calendar date of an instant; a planner's "today" is local, not UTC. */
export function localDate(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** The change set a write's records form: its summary, and the product if they share one. */
function changeSetOf(records: readonly AuditRecord[], summary: string | null) {
  const products = new Set(records.map((r) => r.productId));
  const reasons = new Set(records.map((r) => r.reason ?? null));
  return {
    summary: summary ?? `${records.length} changes`,
    productId: products.size === 1 ? records[0]!.productId : null,
    reason: reasons.size === 1 ? (records[0]!.reason ?? null) : null,
  };
}

export function createContext(
  repos: Repositories,
  transaction: Transaction,
  info: ServiceContext['info'],
  maintenance: Maintenance,
  clock: () => string = () => new Date().toISOString(),
  /** Runs inside every write, once per product it touched, before the audit rows are added (signatures whose record changed are superseded there). */
  beforeCommit?: (ctx: ServiceContext, productId: string, audit: Audit) => void,
): ServiceContext {
  const account = osAccount();
  let key: InstallationKey | null = null;
  const ctx: ServiceContext = {
    maintenance,
    repos,
    info,
    now: clock,
    today: () => localDate(new Date(clock())),
    installationKey: () => (key ??= loadInstallationKey(info.dataDir)),
    actor() {
      // A name stored before names were checked is shown without what the check now refuses.
      const displayName = repos.settings.get('displayName')?.replace(new RegExp(DISPLAY_NAME_FORBIDDEN.source, 'gu'), '').trim();
      return displayName ? `${displayName} (${account})` : account;
    },
    write(fn) {
      return transaction(() => {
        const records: AuditRecord[] = [];
        let summary: string | null = null;
        const audit: Audit = Object.assign((...r: AuditRecord[]) => void records.push(...r), {
          summarise: (text: string) => void (summary = text),
        });
        const result = fn(audit);
        if (beforeCommit) for (const productId of new Set(records.map((r) => r.productId))) if (productId) beforeCommit(ctx, productId, audit);
        if (records.length > 0) repos.audit.append(ctx.now(), ctx.actor(), records, records.length > 1 ? changeSetOf(records, summary) : null);
        return result;
      });
    },
  };
  return ctx;
}
