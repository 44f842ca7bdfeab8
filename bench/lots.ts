import type { Channel, ChannelInput } from '../electron/contract';
import { call as typedCall, sampleProfile, tempBackend } from '../electron/test-support/backend';
import { timeMs, type BenchResult } from './harness';

const ATTRIBUTES = 20;

/** A product with a 20-attribute numeric specification and `lots` lots (results for every attribute when `withResults`). */
async function productWithLots(call: <C extends Channel>(c: C, i: ChannelInput<C>) => Promise<unknown>, code: string, lots: number, withResults: boolean) {
  const p = (await call('products.create', sampleProfile({ code }))) as { id: string };
  await call('lots.createSpec', {
    productId: p.id,
    phase: 'phase-1',
    attributes: Array.from({ length: ATTRIBUTES }, (_, a) => ({ key: `a${a}`, name: `Attribute ${a}`, unit: 'µg/mL', kind: 'range' as const, lower: 50, upper: 150 })),
  });
  const ids: string[] = [];
  for (let i = 0; i < lots; i++) {
    const date = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
    const lot = (await call('lots.create', { productId: p.id, lotNumber: `B-${i}`, purpose: 'clinical', manufacturedOn: date, processVersion: i < lots / 2 ? 'v1' : 'v2' })) as { lot: { id: string } };
    ids.push(lot.lot.id);
    if (withResults) {
      await call('lots.recordResults', {
        lotId: lot.lot.id,
        results: Array.from({ length: ATTRIBUTES }, (_, a) => ({ attribute: `a${a}`, value: String(100 + ((i * 7 + a * 13) % 23) - 11), unit: 'µg/mL', testedOn: date })),
      });
    }
  }
  return { productId: p.id, lotIds: ids };
}

/** Through the real dispatcher: trend + Cpk of 200 lots × 20 attributes, a 10,000-row CSV import, a certificate of analysis. */
export async function benchLots(): Promise<BenchResult[]> {
  const backend = tempBackend();
  try {
    const call = <C extends Channel>(channel: C, input: ChannelInput<C>) => typedCall(backend, channel, input);
    const trended = await productWithLots(call, 'LOTS-T', 200, true);
    const trendsMs = await timeMs(() => call('lots.trends', { productId: trended.productId }), { warmUp: 3, runs: 15 });
    const coaMs = await timeMs(() => call('lots.renderCertificate', { lotId: trended.lotIds[0]! }), { warmUp: 3, runs: 11 });

    const imported = await productWithLots(call, 'LOTS-I', 500, false);
    const mapping = { lot: 'Lot', testedOn: 'Date', attribute: 'Test', value: 'Result', unit: 'Unit' };
    let run = 0;
    const csv = () => {
      const lines = ['Lot,Test,Result,Unit,Date'];
      for (let l = 0; l < 500; l++) for (let a = 0; a < ATTRIBUTES; a++) lines.push(`B-${l},a${a},${100 + ((l + a + run) % 17) - 8},µg/mL,2021-06-01`);
      run++;
      return lines.join('\n');
    };
    const texts = Array.from({ length: 8 }, csv);
    let n = 0;
    const importMs = await timeMs(() => call('lots.import', { productId: imported.productId, source: 'LIMS', csv: texts[n++]!, mapping }), { warmUp: 2, runs: 5 });
    return [
      { name: 'lots.trends (200 lots × 20 attributes: control limits, Western Electric, Cpk)', value: trendsMs, unit: 'ms' },
      { name: 'lots.import (CSV, 10,000 result rows, one transaction)', value: importMs, unit: 'ms' },
      { name: 'lots.renderCertificate (one lot, 20 results, Word)', value: coaMs, unit: 'ms' },
    ];
  } finally {
    backend.cleanup();
  }
}
