import { randomUUID } from 'node:crypto';
import type { Channel, ChannelInput } from '../electron/contract';
import { call as typedCall, sampleProfile, tempBackend } from '../electron/test-support/backend';
import { timeMs, type BenchResult } from './harness';

/**
 * Through the real dispatcher: generating every default checklist for a new product, loading a
 * product with 2,000 checklist items, and a bulk status change of 500 items.
 */
export async function benchChecklists(): Promise<BenchResult[]> {
  const backend = tempBackend();
  try {
    const call = <C extends Channel>(channel: C, input: ChannelInput<C>) => typedCall(backend, channel, input);
    let n = 0;
    const productIds: string[] = [];
    for (let i = 0; i < 31; i++) {
      const p = await call('products.create', { ...sampleProfile({ code: `GEN-${i}` }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
      productIds.push(p.id);
    }
    let generated = 0;
    const generateMs = await timeMs(async () => {
      const view = await call('checklists.generate', { productId: productIds[n++]! });
      generated = view.checklists.reduce((sum, c) => sum + c.items.length, 0);
    }, { warmUp: 10, runs: 21 });

    // One product grown to 2,000 items: the defaults plus custom items written straight to the table.
    const big = await call('products.create', { ...sampleProfile({ code: 'BIG-2000' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
    const view = await call('checklists.generate', { productId: big.id });
    const cmc = view.checklists.find((c) => c.kind === 'cmc')!;
    const now = backend.ctx.now();
    const existing = view.checklists.reduce((sum, c) => sum + c.items.length, 0);
    backend.ctx.write(() => {
      for (let i = existing; i < 2000; i++) {
        backend.ctx.repos.checklists.insertItem(
          {
            id: randomUUID(), checklist_id: cmc.id, product_id: big.id, template_item_id: null, section: `S${i % 40}`, section_title: 'Bench section',
            title: `Custom item ${i}`, guidance: 'Bench guidance text', citation: '21 CFR 312.23(a)(7)', required: 1, stage: 'ind', milestone_key: null,
            ectd_module: '3', applies_when: null, applicable: 1, status: 'not-started', justification: '', owner: `Owner ${i % 7}`,
            due: i % 3 === 0 ? JSON.stringify({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: -(i % 60) }) : null,
            document_path: '', notes: '', position: i,
          },
          now,
        );
      }
    });
    let loaded = 0;
    const loadMs = await timeMs(async () => {
      const v = await call('checklists.get', { productId: big.id });
      loaded = v.checklists.reduce((sum, c) => sum + c.items.length, 0);
    });
    if (loaded !== 2000) throw new Error(`expected 2000 items, loaded ${loaded}`);

    const ids = (await call('checklists.get', { productId: big.id })).checklists.flatMap((c) => c.items).slice(0, 500).map((i) => i.id);
    let flip = false;
    const bulkMs = await timeMs(async () => {
      flip = !flip;
      await call('checklistItems.bulkUpdate', { ids, changes: { status: flip ? 'drafting' : 'in-review' } });
    }, { warmUp: 3, runs: 11 });
    return [
      { name: `checklists.generate.${generated}`, value: generateMs, unit: 'ms' },
      { name: 'dispatch.checklists.get.2000', value: loadMs, unit: 'ms' },
      { name: 'dispatch.checklistItems.bulkUpdate.500', value: bulkMs, unit: 'ms' },
    ];
  } finally {
    backend.cleanup();
  }
}
