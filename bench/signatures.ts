import type { Channel, ChannelInput } from '../electron/contract';
import { call as typedCall, sampleProfile, tempBackend } from '../electron/test-support/backend';
import { timeMs, type BenchResult } from './harness';

/** Through the real dispatcher: signing one checklist item (scrypt + Ed25519, one transaction) and verifying a product's signatures. */
export async function benchSignatures(): Promise<BenchResult[]> {
  const backend = tempBackend();
  try {
    const call = <C extends Channel>(channel: C, input: ChannelInput<C>) => typedCall(backend, channel, input);
    const p = await call('products.create', { ...sampleProfile({ code: 'SIGN-1' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
    const view = await call('checklists.generate', { productId: p.id });
    const ids = view.checklists.flatMap((c) => c.items).map((i) => i.id);
    const signer = await call('signers.create', { displayName: 'Bench Signer', password: 'bench password 1' });
    let n = 0;
    const signMs = await timeMs(() => call('signatures.sign', { kind: 'checklist_item', recordId: ids[n++]!, signerId: signer.id, password: 'bench password 1', evidence: { notes: 'Bench binder' } }), { warmUp: 5, runs: 21 });
    const verifyMs = await timeMs(() => call('signatures.verify', { productId: p.id }), { warmUp: 3, runs: 11 });
    return [
      { name: 'signatures.sign (one checklist item, scrypt + Ed25519)', value: signMs, unit: 'ms' },
      { name: `signatures.verify (${n} signatures of one product)`, value: verifyMs, unit: 'ms' },
    ];
  } finally {
    backend.cleanup();
  }
}
