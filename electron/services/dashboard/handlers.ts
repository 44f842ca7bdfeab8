import type { DashboardView } from '../../contract';
import { diffDays } from '../../contract/dates';
import { loadChecklistsView } from '../checklists/view';
import type { HandlerMap } from '../handlers';
import { toProduct } from '../lookups';
import { milestoneDates, productSchedule } from '../pathway/schedule';
import { loadPathwayView } from '../pathway/view';

const HORIZON_DAYS = 90;

export const dashboardHandlers: HandlerMap<'dashboard.get'> = {
  'dashboard.get': ({ today: asked }, ctx) => {
    const today = asked ?? ctx.today();
    const products: DashboardView['products'] = [];
    const upcoming: DashboardView['upcoming'] = [];
    for (const product of ctx.repos.products.list(false).map(toProduct)) {
      // One schedule per product, shared by the pathway figures and the checklists' due dates.
      const scheduled = productSchedule(ctx, product.id);
      const view = loadPathwayView(ctx, product.id, scheduled);
      const milestones = view.stages.flatMap((s) => s.milestones);
      const done = milestones.filter((m) => m.status === 'done').length;
      const open = milestones.filter((m) => m.status !== 'done').sort((a, b) => a.forecastFinish.localeCompare(b.forecastFinish));
      const next = open[0];
      const checklists = loadChecklistsView(ctx, product.id, today, milestoneDates(scheduled));
      products.push({
        product,
        checklists: {
          total: checklists.summary.total,
          percent: checklists.summary.percent,
          gates: checklists.gates.map((g) => ({ id: g.id, label: g.label, ready: g.ready, blockers: g.blockers.length })),
        },
        hasPathway: view.stages.length > 0,
        currentStage: product.stage,
        done,
        total: milestones.length,
        percent: milestones.length === 0 ? 0 : Math.floor((done / milestones.length) * 100),
        nextMilestone: next ? { id: next.id, name: next.name, forecastFinish: next.forecastFinish, critical: next.critical } : null,
        projectFinish: view.projectFinish,
        overdue: open
          .filter((m) => m.plannedFinish !== null && m.plannedFinish < today)
          .map((m) => ({ id: m.id, name: m.name, plannedFinish: m.plannedFinish!, daysLate: diffDays(m.plannedFinish!, today) })),
        slips: milestones
          .filter((m) => m.critical && m.status !== 'done' && (m.finishVarianceDays ?? 0) > 0)
          .map((m) => ({ id: m.id, name: m.name, finishVarianceDays: m.finishVarianceDays! })),
      });
      const within = (date: string) => {
        const days = diffDays(today, date);
        return days >= 0 && days <= HORIZON_DAYS ? days : null;
      };
      for (const m of open) {
        const days = within(m.forecastFinish);
        if (days !== null && (m.gate || m.durationDays === 0 || m.critical)) {
          upcoming.push({ productId: product.id, productCode: product.code, kind: 'milestone', label: m.name, date: m.forecastFinish, daysAway: days, citation: m.citation || null, unconfirmed: false });
        }
      }
      for (const trigger of view.triggers) {
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
