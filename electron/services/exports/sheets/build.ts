import { ITEM_STATUS_LABELS, type AuditEntry, type ChecklistsView, type PathwayView } from '../../../contract';
import type { Sheet } from './sheet';

/** Every checklist item of a product, one row each, in the checklists' order. */
export function checklistSheet(view: ChecklistsView): Sheet {
  return {
    name: 'Checklists',
    columns: [
      { header: 'Checklist', kind: 'text', width: 28 },
      { header: 'Section', kind: 'text', width: 10 },
      { header: 'Item', kind: 'text', width: 60 },
      { header: 'Required', kind: 'boolean', width: 10 },
      { header: 'Status', kind: 'text', width: 16 },
      { header: 'Owner', kind: 'text', width: 18 },
      { header: 'Due', kind: 'date', width: 12 },
      { header: 'Overdue', kind: 'boolean', width: 10 },
      { header: 'Citation', kind: 'text', width: 28 },
      { header: 'Justification (not applicable)', kind: 'text', width: 36 },
      { header: 'Document', kind: 'text', width: 36 },
    ],
    rows: view.checklists.flatMap((c) =>
      c.items.map((i) => [c.name, i.section, i.title, i.required, ITEM_STATUS_LABELS[i.status], i.owner, i.dueDate, i.overdue, i.citation, i.justification, i.documentPath]),
    ),
  };
}

/** The plan: every milestone with its planned, forecast and actual dates, slack and criticality. */
export function planSheet(view: PathwayView): Sheet {
  return {
    name: 'Plan',
    columns: [
      { header: 'Stage', kind: 'text', width: 22 },
      { header: 'Milestone', kind: 'text', width: 48 },
      { header: 'Duration (days)', kind: 'number', width: 10 },
      { header: 'Planned start', kind: 'date', width: 12 },
      { header: 'Planned finish', kind: 'date', width: 12 },
      { header: 'Forecast start', kind: 'date', width: 12 },
      { header: 'Forecast finish', kind: 'date', width: 12 },
      { header: 'Actual start', kind: 'date', width: 12 },
      { header: 'Actual finish', kind: 'date', width: 12 },
      { header: 'Slack (days)', kind: 'number', width: 10 },
      { header: 'Critical', kind: 'boolean', width: 9 },
      { header: 'Status', kind: 'text', width: 12 },
      { header: 'Owner', kind: 'text', width: 18 },
      { header: 'Citation', kind: 'text', width: 28 },
    ],
    rows: view.stages.flatMap((s) =>
      s.milestones.map((m) => [s.name, m.name, m.durationDays, m.plannedStart, m.plannedFinish, m.forecastStart, m.forecastFinish, m.actualStart, m.actualFinish, m.totalSlack, m.critical, m.status, m.owner, m.citation]),
    ),
  };
}

/** The audit extract: one row per change, oldest first, in words as the trail shows it. */
export function auditSheet(entries: readonly AuditEntry[]): Sheet {
  return {
    name: 'Audit trail',
    columns: [
      { header: 'When (UTC)', kind: 'datetime', width: 18 },
      { header: 'Who', kind: 'text', width: 24 },
      { header: 'Record', kind: 'text', width: 40 },
      { header: 'Change', kind: 'text', width: 48 },
      { header: 'Action', kind: 'text', width: 9 },
      { header: 'Field', kind: 'text', width: 16 },
      { header: 'Old value', kind: 'text', width: 24 },
      { header: 'New value', kind: 'text', width: 24 },
      { header: 'Reason', kind: 'text', width: 30 },
      { header: 'Change set', kind: 'number', width: 10 },
    ],
    rows: entries.map((e) => [e.at, e.actor, e.record, e.change, e.action, e.field, e.oldValue, e.newValue, e.reason, e.changeSetId]),
  };
}
