import type { DashboardDeadline, DashboardView } from '../../contract';
import { diffDays } from '../../contract/dates';
import { productReadiness } from '../checklists/readiness';
import type { HandlerMap } from '../handlers';
import { toProduct } from '../lookups';
import { leanProductSchedule } from '../pathway/schedule';
import { deadlinesOf, productTriggers } from '../pathway/view';

const HORIZON_DAYS = 90;

/** Overdue first (the oldest first), then the soonest. */
const byUrgency = (a: DashboardDeadline, b: DashboardDeadline) => Number(b.overdue) - Number(a.overdue) || a.date.localeCompare(b.date) || a.productCode.localeCompare(b.productCode);

/**
 * Each product's figures straight from its schedule and a lean read of its checklist items:
 * the dashboard shows 50 products at once, so it builds no full pathway or checklist view.
 */
export const dashboardHandlers: HandlerMap<'dashboard.get'> = {
  'dashboard.get': ({ today: asked }, ctx) => {
    const today = asked ?? ctx.today();
    const products: DashboardView['products'] = [];
    const clocks: DashboardDeadline[] = [];
    const due: DashboardDeadline[] = [];
    for (const product of ctx.repos.products.list(false).map(toProduct)) {
      const scheduled = leanProductSchedule(ctx, product.id);
      const { rows, schedule } = scheduled;
      const computed = new Map(schedule.milestones.map((m) => [m.id, m]));
      const milestones = rows.map((row) => {
        const c = computed.get(row.id)!;
        return { id: row.id, name: row.name, gate: row.gate === 1, durationDays: row.duration_days, citation: row.citation, plannedFinish: row.planned_finish, done: row.actual_finish !== null, forecastFinish: c.forecastFinish, critical: c.critical, finishVarianceDays: c.finishVarianceDays };
      });
      const done = milestones.filter((m) => m.done).length;
      const open = milestones.filter((m) => !m.done).sort((a, b) => a.forecastFinish.localeCompare(b.forecastFinish));
      const next = open[0];
      const readiness = productReadiness(ctx, product.id, new Set(rows.flatMap((r) => (r.key ? [r.key] : []))));
      products.push({
        product,
        checklists: {
          total: readiness.summary.total,
          percent: readiness.summary.percent,
          gates: readiness.gates.map((g) => ({ id: g.id, label: g.label, ready: g.ready, blockers: g.blockers.length })),
        },
        hasPathway: rows.length > 0,
        currentStage: product.stage,
        done,
        total: milestones.length,
        percent: milestones.length === 0 ? 0 : Math.floor((done / milestones.length) * 100),
        nextMilestone: next ? { id: next.id, name: next.name, forecastFinish: next.forecastFinish, critical: next.critical } : null,
        projectFinish: schedule.projectFinish,
        overdue: open
          .filter((m) => m.plannedFinish !== null && m.plannedFinish < today)
          .map((m) => ({ id: m.id, name: m.name, plannedFinish: m.plannedFinish!, daysLate: diffDays(m.plannedFinish!, today) })),
        slips: milestones
          .filter((m) => m.critical && !m.done && (m.finishVarianceDays ?? 0) > 0)
          .map((m) => ({ id: m.id, name: m.name, finishVarianceDays: m.finishVarianceDays! })),
      });
      const base = { productId: product.id, productCode: product.code };
      for (const m of open) {
        // A milestone past its planned finish is overdue by that date (its forecast only says "today").
        const late = m.plannedFinish !== null && m.plannedFinish < today;
        const date = late ? m.plannedFinish! : m.forecastFinish;
        const daysAway = diffDays(today, date);
        if (!late && (daysAway > HORIZON_DAYS || !(m.gate || m.durationDays === 0 || m.critical))) continue;
        due.push({ ...base, kind: 'milestone', label: m.name, date, daysAway, overdue: late, estimated: !late, citation: m.citation || null, unconfirmed: false });
      }
      for (const d of deadlinesOf(ctx, scheduled, productTriggers(ctx, product.id), today)) {
        const date = d.window ? d.window.to : d.date;
        if (!date || d.metOn || d.daysAway === null || (!d.overdue && (d.daysAway < 0 || d.daysAway > HORIZON_DAYS))) continue;
        const label = d.window ? `${d.label} (window opens ${d.window.from})` : d.label;
        clocks.push({ ...base, kind: 'clock', label, date, daysAway: d.daysAway, overdue: d.overdue, estimated: d.estimated, citation: d.citation, unconfirmed: d.unconfirmed });
      }
    }
    return { today, products, deadlines: { clocks: clocks.sort(byUrgency), milestones: due.sort(byUrgency) } };
  },
};
