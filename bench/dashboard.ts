import { call, tempBackend } from '../electron/test-support/backend';
import { timeMs, type BenchResult } from './harness';
import { productWithMilestones } from './pathway';

/**
 * dashboard.get through the real dispatcher for a portfolio of 50 products, each with a
 * 500-milestone pathway and its generated checklists: every product's schedule, clocks,
 * checklist readiness and gates, as the dashboard shows them.
 */
export async function benchDashboard(): Promise<BenchResult[]> {
  const backend = tempBackend();
  try {
    for (let i = 0; i < 50; i++) {
      const { productId } = await productWithMilestones(backend, 500, `DASH-${i}`);
      await call(backend, 'checklists.generate', { productId });
    }
    const ms = await timeMs(() => call(backend, 'dashboard.get', {}), { warmUp: 3, runs: 11 });
    return [{ name: 'dispatch.dashboard.get.50x500', value: ms, unit: 'ms' }];
  } finally {
    backend.cleanup();
  }
}
