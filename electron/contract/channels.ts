import { z } from 'zod';
import { AppInfo, Empty, ExamplesLoaded, Settings, SettingsUpdateInput } from './app';
import { AuditEntry, AuditListInput } from './audit';
import { Product, ProductArchiveInput, ProductCreateInput, ProductRef, ProductsListInput, ProductUpdateInput } from './product';
import type { ErrorCode } from './result';

export interface ChannelDef {
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
  /** Error codes the handler itself can return, beyond VALIDATION/INTERNAL which any channel can. */
  errors: readonly ErrorCode[];
}

const def = <I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
  errors: readonly ErrorCode[] = [],
) => ({ summary, input, output, errors });

/** The one API contract: every front door (Electron IPC, local web, CLI) dispatches through it. */
export const contract = {
  'app.info': def('Version, data location and schema version of this installation', Empty, AppInfo),
  'settings.get': def('Read the user settings', Empty, Settings),
  'settings.update': def('Change the user settings (display name used in the audit trail)', SettingsUpdateInput, Settings),
  'products.list': def('List products, active first', ProductsListInput, z.array(Product)),
  'products.get': def('Read one product', ProductRef, Product, ['NOT_FOUND']),
  'products.create': def('Create a product from its profile', ProductCreateInput, Product, ['CONFLICT']),
  'products.update': def('Change fields of a product profile', ProductUpdateInput, Product, ['NOT_FOUND', 'CONFLICT']),
  'products.archive': def('Archive a product (kept, hidden from the active list)', ProductArchiveInput, Product, ['NOT_FOUND', 'CONFLICT']),
  'products.restore': def('Restore an archived product', ProductArchiveInput, Product, ['NOT_FOUND', 'CONFLICT']),
  'examples.load': def('Load the example portfolio (skips codes that already exist)', Empty, ExamplesLoaded),
  'audit.list': def('Audit trail entries, newest first', AuditListInput, z.array(AuditEntry)),
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
