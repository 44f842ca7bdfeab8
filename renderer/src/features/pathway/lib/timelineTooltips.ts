/** The plain-text tooltips of timeline rows (a native tooltip in the app, a caption in an export). */
import type { Milestone, MilestoneStatus, PathwayView, Stage } from '../../../../../electron/contract';
import { formatDay } from './timelineAxis';

function plural(n: number, unit: string): string {
  return `${n} ${unit}${Math.abs(n) === 1 ? '' : 's'}`;
}

function span(start: string | null, finish: string | null): string {
  if (!start && !finish) return 'not set';
  if (start && finish && start === finish) return formatDay(start);
  return `${start ? formatDay(start) : '?'} – ${finish ? formatDay(finish) : '?'}`;
}

function slipText(variance: number | null, dayUnit: string): string {
  if (variance === null || variance === 0) return variance === 0 ? ' (on plan)' : '';
  return variance > 0 ? ` (finish ${plural(variance, dayUnit)} late)` : ` (finish ${plural(-variance, dayUnit)} early)`;
}

const STATUS_TEXT: Readonly<Record<MilestoneStatus, string>> = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' };

export function milestoneTooltip(m: Milestone, unit: PathwayView['unit']): string {
  const dayUnit = unit === 'working-days' ? 'working day' : 'day';
  const lines = [
    `${m.name}${m.gate ? ' (gate)' : ''}`,
    `${STATUS_TEXT[m.status]}${m.durationDays === 0 ? ' · event' : ` · ${plural(m.durationDays, dayUnit)}`}`,
    `Forecast: ${span(m.forecastStart, m.forecastFinish)}`,
    `Planned: ${m.plannedStart || m.plannedFinish ? span(m.plannedStart, m.plannedFinish) : 'not set'}${slipText(m.finishVarianceDays, dayUnit)}`,
  ];
  if (m.actualStart || m.actualFinish) lines.push(`Actual: ${span(m.actualStart, m.actualFinish)}`);
  lines.push(`Slack: ${plural(m.totalSlack, dayUnit)}`);
  lines.push(m.critical ? 'On the critical path' : 'Not on the critical path');
  return lines.join('\n');
}

export function stageTooltip(stage: Stage, planned: { start: string | null; finish: string | null }, critical: boolean): string {
  return [
    stage.name,
    `${stage.done} of ${stage.total} milestones done`,
    `Forecast: ${span(stage.forecastStart, stage.forecastFinish)}`,
    `Planned: ${span(planned.start, planned.finish)}`,
    critical ? 'Contains critical milestones' : 'No critical milestones',
  ].join('\n');
}
