import type { Backend } from '../rpc/backend';
import { call } from './backend';

/**
 * Records and releases a toxicology and a clinical lot under a one-test specification: what
 * the IND gate needs where the pathway has the "lot released" milestones (tests of the gate
 * that are about the checklists use this to get the lots out of the way).
 */
export async function releaseGateLots(backend: Pick<Backend, 'dispatch'>, productId: string, date = '2025-12-01') {
  await call(backend, 'lots.createSpec', { productId, phase: 'phase-1', attributes: [{ name: 'Identity', kind: 'conforms' }] });
  for (const purpose of ['toxicology', 'clinical'] as const) {
    const lot = await call(backend, 'lots.create', { productId, lotNumber: `GATE-${purpose}`, purpose, manufacturedOn: date, processVersion: 'v1' });
    await call(backend, 'lots.recordResults', { lotId: lot.lot.id, results: [{ attribute: 'Identity', value: 'Conforms', testedOn: date }] });
    await call(backend, 'lots.setStatus', { lotId: lot.lot.id, status: 'released' });
  }
}
