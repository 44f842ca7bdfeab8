import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DB_FILE_NAME } from '../../db';
import { inspectDatabase } from '../../db/testing';
import type { Channel, ChannelInput, ChannelOutput, ProductProfile } from '../contract';
import { createBackend, type Backend } from '../rpc/backend';

/** A backend over a fresh temporary data folder; `cleanup` closes and removes it. */
export function tempBackend(clock?: () => string): Backend & { dataDir: string; cleanup(): void } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-test-'));
  const backend = createBackend({ dataDir, frontDoor: 'cli', clock, log: () => {} });
  return {
    ...backend,
    dataDir,
    cleanup() {
      backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function sampleProfile(overrides: Partial<ProductProfile> = {}): ProductProfile {
  return {
    name: 'Umbilical cord MSC EVs',
    code: 'UC-EV-01',
    sponsor: 'Test Bio',
    sourceCell: 'Mesenchymal stromal cells',
    sourceTissue: 'Umbilical cord',
    donorType: 'allogeneic',
    fraction: 'ev',
    oxygen: 'normoxia',
    passageWindow: 'P3-P5',
    serumFree: true,
    indication: 'Bronchopulmonary dysplasia',
    route: 'Intratracheal',
    doseBasis: 'particles per kg body weight',
    sourceKind: 'cell-culture',
    producingCell: 'msc',
    doseUnit: 'per-kg',
    routeCategory: 'respiratory',
    subpartE: false,
    trialPhase: 'phase-1',
    indNumber: '',
    stage: 'in-vitro',
    notes: '',
    ...overrides,
  };
}

/** Looks at a backend's data file from outside (its own connection), for counts and integrity. */
export function inspect<T>(backend: { dataDir: string }, look: (db: ReturnType<typeof inspectDatabase>) => T): T {
  const db = inspectDatabase(path.join(backend.dataDir, DB_FILE_NAME));
  try {
    return look(db);
  } finally {
    db.close();
  }
}

export function count(backend: { dataDir: string }, table: string): number {
  return inspect(backend, (db) => db.count(table));
}

/** Dispatches and returns the typed value, or throws with the error code and message (tests only). */
export async function call<C extends Channel>(backend: Pick<Backend, 'dispatch'>, channel: C, input: ChannelInput<C> = {} as ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await backend.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}
