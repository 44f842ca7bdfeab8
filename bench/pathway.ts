import { randomUUID } from 'node:crypto';
import { sampleProfile, tempBackend } from '../electron/test-support/backend';
import { randomNetwork } from './schedule';
import { timeMs, type BenchResult } from './harness';

/**
 * pathway.get through the real dispatcher (SQLite reads, schedule, clocks, output parse) for a
 * product with 500 milestones in 6 stages and ~2 dependencies each.
 */
export async function benchPathway(): Promise<BenchResult[]> {
  const backend = tempBackend();
  try {
    const { productId, first } = await productWithMilestones(backend, 500);
    const getMs = await timeMs(async () => {
      const r = await backend.dispatch('pathway.get', { productId });
      if (!r.ok) throw new Error(r.error.message);
    });
    let duration = 5;
    const editMs = await timeMs(async () => {
      const r = await backend.dispatch('milestones.update', { id: first, changes: { durationDays: (duration = duration === 5 ? 6 : 5) } });
      if (!r.ok) throw new Error(r.error.message);
    });
    return [
      { name: 'dispatch.pathway.get.500', value: getMs, unit: 'ms' },
      { name: 'dispatch.milestones.update.500', value: editMs, unit: 'ms' },
    ];
  } finally {
    backend.cleanup();
  }
}

/** A product whose pathway has `count` milestones in 6 stages with ~2 dependencies each, written straight to the tables. */
export async function productWithMilestones(backend: ReturnType<typeof tempBackend>, count: number, code = `BENCH-${count}`): Promise<{ productId: string; first: string }> {
    const created = await backend.dispatch('products.create', sampleProfile({ code }));
    if (!created.ok) throw new Error(created.error.message);
    const productId = (created.value as { id: string }).id;
    const { pathway } = backend.ctx.repos;
    // Ids carry the product code: every product of a portfolio gets the same network shape.
    const network = randomNetwork(count, 7);
    const own = (id: string) => `${code}:${id}`;
    const milestones = network.milestones.map((m) => ({ ...m, id: own(m.id) }));
    const dependencies = network.dependencies.map((d) => ({ ...d, predecessorId: own(d.predecessorId), successorId: own(d.successorId) }));
    const now = backend.ctx.now();
    backend.ctx.write(() => {
      const stageIds = ['in-vitro', 'in-vivo', 'pre-ind', 'ind', 'phase-1', 'phase-2'].map((kind, position) => {
        const id = randomUUID();
        pathway.insertStage({ id, product_id: productId, kind, name: kind, position });
        return id;
      });
      milestones.forEach((m, i) =>
        pathway.insertMilestone(
          {
            id: m.id,
            product_id: productId,
            stage_id: stageIds[i % stageIds.length]!,
            key: null,
            name: `Milestone ${m.id}`,
            description: '',
            duration_days: m.durationDays,
            gate: 0,
            citation: '',
            clock_event: null,
            meeting_type: null,
            position: i,
            owner: '',
            notes: '',
            planned_start: m.plannedStart ?? null,
            planned_finish: null,
            actual_start: m.actualStart ?? null,
            actual_finish: null,
          },
          now,
        ),
      );
      for (const d of dependencies) {
        if (!pathway.dependency(d.predecessorId, d.successorId)) pathway.insertDependency(d.predecessorId, d.successorId, d.lagDays);
      }
      pathway.setSettings(productId, { templateId: null, startDate: '2026-01-05', calendar: 'calendar' }, now);
    });
    return { productId, first: milestones[0]!.id };
}

