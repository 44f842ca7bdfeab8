import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProductProfile } from '../contract';
import { createBackend, type Backend } from './backend';

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
    indNumber: '',
    stage: 'in-vitro',
    notes: '',
    ...overrides,
  };
}

export function count(backend: Backend, table: 'product' | 'audit_log'): number {
  return (backend.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Dispatches and returns the value, or throws with the error code and message (tests only). */
export async function call<T>(backend: Pick<Backend, 'dispatch'>, channel: string, input: unknown = {}): Promise<T> {
  const result = await backend.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
