import type { DashboardView } from '../../contract';
import { diffDays } from '../../contract/dates';
import { productReadiness } from '../checklists/readiness';
import type { HandlerMap } from '../handlers';
import { toProduct } from '../lookups';
import { productSchedule } from '../pathway/schedule';
import { productTriggers } from '../pathway/view';

const HORIZON_DAYS = 90;

/**
 * Each product's figures straight from its schedule and a lean read of its checklist items:
 * the dashboard shows 50 products at once, so it builds no full pathway or checklist view.
 */
export const dashboardHandlers: HandlerMap<'dashboard.get'> = {
  'dashboard.get': ({ today: asked }, ctx) => {
    const today = asked ?? ctx.today();
    const products: DashboardView['products'] = [];
    const upcoming: DashboardView['upcoming'] = [];
    const within = (date: string) => {
      const days = diffDays(today, date);
      return days >= 0 && days <= HORIZON_DAYS ? days : null;
    };
    for (const product of ctx.repos.products.list(false).map(toProduct)) {
      const { rows, schedule } = productSchedule(ctx, product.id);
      const computed = new Map(schedule.milestones.map((m) => [m.id, m]));
      const milestones = rows.map((row) => {
        const c = computed.get(row.id)!;
        return { id: row.id, name: row.name, gate: row.gate === 1, durationDays: row.duration_days, citation: row.citation, plannedFinish: row.planned_finish, done: row.actual_finish !== null, forecastFinish: c.forecastFinish, critical: c.critical, finishVarianceDays: c.finishVarianceDays };
      });
      const done = milestones.filter((m) => m.done).length;
      const open = milestones.filter((m) => !m.done).sort((a, b) => a.forecastFinish.localeCompare(b.forecastFinish));
      const next = open[0];
      const readiness = productReadiness(ctx, product.id);
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
      for (const m of open) {
        const days = within(m.forecastFinish);
        if (days !== null && (m.gate || m.durationDays === 0 || m.critical)) {
          upcoming.push({ productId: product.id, productCode: product.code, kind: 'milestone', label: m.name, date: m.forecastFinish, daysAway: days, citation: m.citation || null, unconfirmed: false });
        }
      }
      for (const trigger of productTriggers(ctx, product.id)) {
        for (const d of trigger.deadlines) {
          const date = d.window ? d.window.to : d.date;
          if (!date) continue;
          const days = within(date);
          if (days === null) continue;
          upcoming.push({ productId: product.id, productCode: product.code, kind: 'clock', label: d.window ? `${d.label} (window opens ${d.window.from})` : d.label, date, daysAway: days, citation: d.citation, unconfirmed: d.unconfirmed });
        }
      }
    }
    upcoming.sort((a, b) => a.date.localeCompare(b.date) || a.productCode.localeCompare(b.productCode));
    return { today, products, upcoming };
  },
};
