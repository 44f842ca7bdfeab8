import { sampleProfile, tempBackend } from '../electron/test-support/backend';
import { timeMs, type BenchResult } from './harness';

/** Round trips through the real dispatcher (zod in, SQLite, zod out) on a 200-product portfolio. */
export async function benchDispatch(): Promise<BenchResult[]> {
  const backend = tempBackend();
  try {
    let n = 0;
    const createMs = await timeMs(async () => {
      const r = await backend.dispatch('products.create', sampleProfile({ code: `BENCH-${n++}` }));
      if (!r.ok) throw new Error(r.error.message);
    }, { warmUp: 20, runs: 180 });
    const listMs = await timeMs(async () => {
      const r = await backend.dispatch('products.list', { includeArchived: true });
      if (!r.ok || (r.value as unknown[]).length !== 200) throw new Error('products.list did not return the 200 products');
    });
    return [
      { name: 'dispatch.products.create', value: createMs, unit: 'ms' },
      { name: 'dispatch.products.list.200', value: listMs, unit: 'ms' },
    ];
  } finally {
    backend.cleanup();
  }
}
