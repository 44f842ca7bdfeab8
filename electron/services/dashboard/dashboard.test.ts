import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, tempBackend } from '../../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-12-03T10:00:00.000Z');
});
afterEach(() => backend.cleanup());

describe('dashboard', () => {
  it('gives each product the same figures as its own pathway and checklists views', async () => {
    await call(backend, 'examples.load', {});
    const dashboard = await call(backend, 'dashboard.get', {});
    expect(dashboard.products.length).toBe(4);
    for (const row of dashboard.products) {
      const pathway = await call(backend, 'pathway.get', { productId: row.product.id });
      const checklists = await call(backend, 'checklists.get', { productId: row.product.id });
      const milestones = pathway.stages.flatMap((s) => s.milestones);
      const open = milestones.filter((m) => m.status !== 'done').sort((a, b) => a.forecastFinish.localeCompare(b.forecastFinish));
      expect(row.total).toBe(milestones.length);
      expect(row.done).toBe(milestones.filter((m) => m.status === 'done').length);
      expect(row.projectFinish).toBe(pathway.projectFinish);
      expect(row.nextMilestone?.id).toBe(open[0]?.id);
      expect(row.slips.map((s) => s.id).sort()).toEqual(milestones.filter((m) => m.critical && m.status !== 'done' && (m.finishVarianceDays ?? 0) > 0).map((m) => m.id).sort());
      expect(row.overdue.map((o) => o.id).sort()).toEqual(open.filter((m) => m.plannedFinish !== null && m.plannedFinish < dashboard.today).map((m) => m.id).sort());
      expect(row.checklists.total).toBe(checklists.summary.total);
      expect(row.checklists.percent).toBe(checklists.summary.percent);
      expect(row.checklists.gates).toEqual(checklists.gates.map((g) => ({ id: g.id, label: g.label, ready: g.ready, blockers: g.blockers.length })));
    }
  });
});
