import { type Document, type FileChild, ImageRun, Paragraph } from 'docx';
import {
  CALENDARS,
  type ChecklistItem,
  type ChecklistsView,
  type ClockDeadline,
  type ClockTrigger,
  DONOR_TYPES,
  FRACTIONS,
  ITEM_STATUS_LABELS,
  MEETING_TYPE_LABELS,
  type Milestone,
  OXYGEN,
  type PathwayView,
  type Product,
  STAGE_KINDS,
} from '../../contract';
import { addDays, diffDays, diffWorkingDays } from '../../contract/dates';
import { dateRange, signed } from './format';
import { fitImage, pngSize } from './png';
import { cellNote, cellPara, heading, note, para, run, spacer } from './word/blocks';
import { contentWidth, pageHeight, type Paper } from './word/page';
import { createReport } from './word/report';
import { COLOR, SIZE } from './word/styles';
import { type Cell, dataTable, keyValueTable } from './word/tables';
import { plannedSpan, renderTimelinePng } from './timelineFigure';

export interface PlanOptions {
  pathway: PathwayView;
  /** Null when the product has no checklists yet. */
  checklists: ChecklistsView | null;
  paper?: Paper;
  generatedAt: string | Date;
  /** The timeline figure; rendered from the pathway when left out, omitted when null. */
  timelinePng?: Buffer | null;
}

const CLOCK_WINDOW_DAYS = 90;
const DONE_STATUSES = new Set(['approved', 'submitted', 'not-applicable']);
const UNASSIGNED = 'Unassigned';

function profileTable(product: Product, width: number): FileChild {
  const rows: (readonly [string, string])[] = [
    ['Name', product.name],
    ['Code', product.code],
    ['Sponsor', product.sponsor],
    ['Source cell', product.sourceCell],
    ['Source tissue', product.sourceTissue],
    ['Donor type', DONOR_TYPES[product.donorType]],
    ['Secretome fraction', FRACTIONS[product.fraction]],
    ['Culture oxygen', OXYGEN[product.oxygen]],
    ['Passage window', product.passageWindow || '—'],
    ['Serum-free medium', product.serumFree ? 'Yes' : 'No'],
    ['Indication', product.indication],
    ['Route', product.route],
    ['Dose basis', product.doseBasis || '—'],
    ['IND number', product.indNumber || 'Not yet assigned'],
    ['Current stage', STAGE_KINDS[product.stage]],
  ];
  return keyValueTable(rows, width);
}

const unitLabel = (pathway: PathwayView) => (pathway.unit === 'working-days' ? 'working days' : 'days');

function stagesSection(pathway: PathwayView, width: number): FileChild[] {
  const stages = [...pathway.stages].sort((a, b) => a.position - b.position);
  const out: FileChild[] = [
    heading('Pathway stages', 1),
    para([
      run(`Schedule computed for the status date ${pathway.today}`),
      run(pathway.startDate === null ? '' : `, from the pathway start ${pathway.startDate}`),
      run(`; durations count ${CALENDARS[pathway.calendar].toLowerCase()}. `),
      run('Forecast project finish: '),
      run(pathway.projectFinish ?? 'not scheduled', { bold: true }),
      run('.'),
    ]),
  ];
  if (stages.length === 0) {
    out.push(para('The product has no pathway stages yet.'));
    return out;
  }
  out.push(
    dataTable({
      width,
      columns: [
        { header: 'Stage', weight: 22 },
        { header: 'Milestones done', weight: 13, align: 'right' },
        { header: 'Planned', weight: 23 },
        { header: 'Forecast', weight: 23 },
        { header: `Finish variance (${unitLabel(pathway)}, + late)`, weight: 19, align: 'right' },
      ],
      rows: stages.map((stage) => {
        const planned = plannedSpan(stage);
        const pct = stage.total === 0 ? 0 : Math.round((stage.done / stage.total) * 100);
        // Same unit as the milestone variances the schedule engine reports.
        const diff = pathway.unit === 'working-days' ? diffWorkingDays : diffDays;
        const variance = planned !== null && stage.forecastFinish !== null ? diff(planned.finish, stage.forecastFinish) : null;
        return [
          stage.name,
          `${stage.done}/${stage.total} (${pct}%)`,
          planned === null ? '—' : dateRange(planned.start, planned.finish),
          dateRange(stage.forecastStart, stage.forecastFinish),
          signed(variance),
        ];
      }),
    }),
    note('Planned: earliest planned start to latest planned finish of the stage’s milestones. Forecast: the schedule from actual dates, durations and dependencies.'),
  );
  return out;
}

function timelineSection(pathway: PathwayView, png: Buffer | null, width: number, maxHeight: number): FileChild[] {
  const out: FileChild[] = [heading('Timeline', 1)];
  const size = png === null ? null : pngSize(png);
  if (png === null || size === null) {
    out.push(para('The timeline figure is not included in this export.'));
    return out;
  }
  const fitted = fitImage(size.width, size.height, width, maxHeight);
  out.push(
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: fitted,
          altText: { name: 'Timeline', title: 'Pathway timeline', description: `Gantt chart of the ${pathway.stages.length} pathway stages, forecast against planned, status date ${pathway.today}` },
        }),
      ],
    }),
    new Paragraph({
      style: 'Caption',
      children: [run(`Figure 1. Pathway stages: forecast (dark bar, with milestones done/total) against the planned span of their milestones (thin grey bar); dashed line: status date ${pathway.today}.`)],
    }),
  );
  return out;
}

function actualText(m: Milestone): string {
  if (m.actualStart === null && m.actualFinish === null) return '—';
  if (m.actualFinish === null) return `Started ${m.actualStart}`;
  return dateRange(m.actualStart, m.actualFinish);
}

function milestonesSection(pathway: PathwayView, width: number): FileChild[] {
  const stages = [...pathway.stages].sort((a, b) => a.position - b.position);
  const rows: Cell[][] = [];
  for (const stage of stages) {
    for (const m of [...stage.milestones].sort((a, b) => a.position - b.position)) {
      rows.push([
        stage.name,
        m.gate ? [cellPara([run(m.name, { size: SIZE.table }), run('  (gate)', { size: SIZE.small, color: COLOR.muted })])] : m.name,
        dateRange(m.plannedStart, m.plannedFinish),
        dateRange(m.forecastStart, m.forecastFinish),
        actualText(m),
        signed(m.finishVarianceDays),
        m.status === 'done' ? '—' : String(m.totalSlack),
        m.critical ? [cellPara([run('● critical', { size: SIZE.table, bold: true })])] : '',
      ]);
    }
  }
  const out: FileChild[] = [
    heading('Milestones', 1),
    note(
      `Variance: forecast finish minus planned finish, in ${pathway.unit === 'working-days' ? 'working' : 'calendar'} days; positive is late. Slack: how far a milestone can slip before it moves the project finish. Critical: on the critical path (no slack).`,
    ),
  ];
  if (rows.length === 0) {
    out.push(para('The pathway has no milestones yet.'));
    return out;
  }
  out.push(
    dataTable({
      width,
      columns: [
        // Date columns fit "YYYY-MM-DD – YYYY-MM-DD" on one line, so ranges never break inside a date.
        { header: 'Stage', weight: 10 },
        { header: 'Milestone', weight: 20.5 },
        { header: 'Planned', weight: 16.5 },
        { header: 'Forecast', weight: 16.5 },
        { header: 'Actual', weight: 16.5 },
        { header: `Variance (${unitLabel(pathway)}, + late)`, weight: 7, align: 'right' },
        { header: `Slack (${unitLabel(pathway)})`, weight: 6, align: 'right' },
        { header: 'Critical', weight: 7 },
      ],
      rows,
    }),
    spacer(),
  );
  return out;
}

interface UpcomingDeadline {
  due: string;
  deadline: ClockDeadline;
  trigger: ClockTrigger;
}

/** Deadlines due from the status date through the next 90 days; a window counts by its close. */
export function upcomingDeadlines(pathway: PathwayView, days = CLOCK_WINDOW_DAYS): UpcomingDeadline[] {
  const until = addDays(pathway.today, days);
  const out: UpcomingDeadline[] = [];
  for (const trigger of pathway.triggers) {
    for (const deadline of trigger.deadlines) {
      const due = deadline.window?.to ?? deadline.date;
      if (due === undefined || due < pathway.today || due > until) continue;
      out.push({ due, deadline, trigger });
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.deadline.label.localeCompare(b.deadline.label));
}

function clocksSection(pathway: PathwayView, width: number): FileChild[] {
  const until = addDays(pathway.today, CLOCK_WINDOW_DAYS);
  const upcoming = upcomingDeadlines(pathway);
  const out: FileChild[] = [
    heading(`Regulatory clocks and deadlines: next ${CLOCK_WINDOW_DAYS} days`, 1),
    para(`Deadlines from the recorded trigger events that fall between ${pathway.today} and ${until}. ${pathway.triggers.length} trigger events are recorded.`),
  ];
  if (upcoming.length === 0) {
    out.push(para('No clock deadline falls in this period.'));
    return out;
  }
  out.push(
    dataTable({
      width,
      columns: [
        { header: 'Due', weight: 10 },
        { header: 'Days away', weight: 6, align: 'right' },
        { header: 'Deadline', weight: 34 },
        { header: 'Trigger', weight: 22 },
        { header: 'Rule and citation', weight: 28 },
      ],
      rows: upcoming.map(({ due, deadline, trigger }) => {
        const window = deadline.window === undefined ? null : `Window ${deadline.window.from} – ${deadline.window.to}`;
        const meeting = trigger.meetingType === null ? '' : ` (${MEETING_TYPE_LABELS[trigger.meetingType]})`;
        const overridden = trigger.originalDate !== null ? `; date overridden from ${trigger.originalDate}${trigger.reason ? `: ${trigger.reason}` : ''}` : '';
        return [
          due,
          String(diffDays(pathway.today, due)),
          [
            cellPara([run(deadline.label, { size: SIZE.table, bold: true })]),
            ...(window === null ? [] : [cellPara([run(window, { size: SIZE.small, color: COLOR.muted })])]),
            ...(deadline.note ? [cellPara([run(deadline.note, { size: SIZE.small, color: COLOR.muted })])] : []),
          ],
          `${trigger.eventLabel}${meeting}\n${trigger.date}${overridden}`,
          [
            cellPara([run(deadline.citation, { size: SIZE.table })]),
            ...(deadline.unconfirmed ? [cellPara([run('(unconfirmed: check the current guidance)', { size: SIZE.small, bold: true, color: COLOR.warn })])] : []),
          ],
        ];
      }),
    }),
    note('Rules marked unconfirmed are editable in the tracker: the reference does not settle them.'),
  );
  return out;
}

function isOpen(item: ChecklistItem): boolean {
  return item.applicable && !DONE_STATUSES.has(item.status);
}

function openItemsSection(checklists: ChecklistsView | null, width: number): FileChild[] {
  const out: FileChild[] = [heading('Open checklist items by owner', 1)];
  if (checklists === null) {
    out.push(para('The product has no checklists yet.'));
    return out;
  }
  const open = checklists.checklists.flatMap((c) => c.items.filter(isOpen).sort((a, b) => a.position - b.position).map((item) => ({ item, checklist: c })));
  out.push(para(`${open.length} items that apply to the profile are not yet approved, submitted or justified as not applicable.`));
  const owners = new Map<string, typeof open>();
  for (const entry of open) {
    const owner = entry.item.owner.trim() === '' ? UNASSIGNED : entry.item.owner.trim();
    owners.set(owner, [...(owners.get(owner) ?? []), entry]);
  }
  const names = [...owners.keys()].sort((a, b) => (a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b)));
  for (const owner of names) {
    const entries = owners.get(owner)!;
    // Soonest due first; items without a due date keep checklist order after them.
    entries.sort((a, b) => (a.item.dueDate ?? '9999').localeCompare(b.item.dueDate ?? '9999'));
    out.push(
      heading(`${owner} (${entries.length})`, 2),
      dataTable({
        width,
        columns: [
          { header: 'Item and citation', weight: 52 },
          { header: 'Checklist and section', weight: 21 },
          { header: 'Status', weight: 13 },
          { header: 'Due', weight: 14 },
        ],
        rows: entries.map(({ item, checklist }) => [
          [cellPara(item.title), ...(item.citation.trim() === '' ? [] : [cellNote(item.citation)])],
          [cellPara(item.section), cellNote(checklist.name)],
          ITEM_STATUS_LABELS[item.status],
          item.dueDate === null
            ? '—'
            : [
                cellPara([run(item.dueDate, { size: SIZE.table })]),
                ...(item.overdue ? [cellPara([run('Overdue', { size: SIZE.small, bold: true, color: COLOR.warn })])] : []),
              ],
        ]),
      }),
      spacer(),
    );
  }
  return out;
}

/**
 * The development plan a regulatory lead takes to a portfolio review: the product, where each
 * stage stands against plan, a timeline figure, every milestone with variance and slack,
 * the FDA clocks running in the next 90 days, and who owes which open checklist item.
 */
export function buildPlan({ pathway, checklists, paper = 'letter', generatedAt, timelinePng }: PlanOptions): Document {
  const portrait = contentWidth(paper, 'portrait');
  const landscape = contentWidth(paper, 'landscape');
  const png = timelinePng === undefined ? renderTimelinePng(pathway, { width: 624 }) : timelinePng;
  return createReport({
    title: 'Regulatory development plan',
    subtitle: 'Pathway, timeline, FDA clocks and open items',
    product: pathway.product,
    paper,
    generatedAt,
    coverRows: [
      ['Status date', pathway.today],
      ['Forecast finish', pathway.projectFinish ?? 'Not scheduled'],
    ],
    sections: [
      {
        orientation: 'portrait',
        children: [
          heading('Product profile', 1),
          profileTable(pathway.product, portrait),
          spacer(),
          ...stagesSection(pathway, portrait),
          ...timelineSection(pathway, png, portrait, pageHeight(paper, 'portrait') * 0.6),
        ],
      },
      { orientation: 'landscape', children: [...milestonesSection(pathway, landscape), ...clocksSection(pathway, landscape)] },
      { orientation: 'portrait', children: openItemsSection(checklists, portrait) },
    ],
  });
}
