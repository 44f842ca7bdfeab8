import { type Document, ImageRun, Paragraph } from 'docx';
import {
  CALENDARS,
  type ChecklistItem,
  type ChecklistsView,
  CLOCK_EVENT_LABELS,
  DONOR_TYPES,
  DOSE_UNITS,
  FRACTIONS,
  type Milestone,
  OXYGEN,
  PRODUCING_CELLS,
  ROUTE_CATEGORIES,
  SOURCE_KINDS,
  TRIAL_PHASES,
  type PathwayView,
  type Product,
  type ProductDeadline,
  type SignatureView,
  STAGE_KINDS,
} from '../../contract';
import { addDays, diffDays, diffWorkingDays } from '../../contract/dates';
import { dateRange, signed } from './format';
import { signaturesSection, signOffSection } from './evidence';
import { fitImage, pngSize } from './png';
import { type ItemEntry, itemCells, itemEntries } from './itemCells';
import { type Block, cellMuted, cellNote, cellText, cellWarning, note, para, run, spacer } from './word/blocks';
import { type Paper } from './word/page';
import { createReport, part, type ReportSection, section } from './word/report';
import { fields, table } from './word/tables';
import { plannedSpan, renderTimelinePng } from './timelineFigure';

export interface PlanOptions {
  pathway: PathwayView;
  /** Null when the product has no checklists yet. */
  checklists: ChecklistsView | null;
  paper?: Paper;
  generatedAt: string | Date;
  /** The timeline figure; rendered from the pathway when left out, omitted when null. */
  timelinePng?: Buffer | null;
  /** The product's electronic signatures, checked: "Reviewed" signatures of this plan fill its sign-off block. */
  signatures?: readonly SignatureView[];
}

const CLOCK_WINDOW_DAYS = 90;
const DONE_STATUSES = new Set(['approved', 'submitted', 'not-applicable']);
const UNASSIGNED = 'Unassigned';

function profileSection(product: Product): ReportSection {
  return section({
    title: 'Product profile',
    children: [
      fields([
        ['Name', product.name],
        ['Code', product.code],
        ['Sponsor', product.sponsor],
        ['Source cell', product.sourceCell],
        ['Source tissue', product.sourceTissue],
        ['Donor type', DONOR_TYPES[product.donorType]],
        ['Secretome fraction', FRACTIONS[product.fraction]],
        ['Source kind', SOURCE_KINDS[product.sourceKind]],
        ['Producing cell type', PRODUCING_CELLS[product.producingCell]],
        ...(product.sourceKind === 'cell-culture'
          ? ([
              ['Culture oxygen', OXYGEN[product.oxygen]],
              ['Passage window', product.passageWindow || '—'],
              ['Serum-free medium', product.serumFree ? 'Yes' : 'No'],
            ] as const)
          : []),
        ['Indication', product.indication],
        ['Route', `${product.route} (${ROUTE_CATEGORIES[product.routeCategory]})`],
        ['Dose basis', `${DOSE_UNITS[product.doseUnit]}${product.doseBasis ? `: ${product.doseBasis}` : ''}`],
        ['First trial design', TRIAL_PHASES[product.trialPhase]],
        ['Subpart E / accelerated approval', product.subpartE ? 'Yes' : 'No'],
        ['IND number', product.indNumber || 'Not yet assigned'],
        ['Current stage', STAGE_KINDS[product.stage]],
      ]),
      spacer(),
    ],
  });
}

const unitLabel = (pathway: PathwayView) => (pathway.unit === 'working-days' ? 'working days' : 'days');
const byPosition = <T extends { position: number }>(items: readonly T[]) => [...items].sort((a, b) => a.position - b.position);

function stagesSection(pathway: PathwayView): ReportSection {
  const stages = byPosition(pathway.stages);
  // Same unit as the milestone variances the schedule engine reports.
  const diff = pathway.unit === 'working-days' ? diffWorkingDays : diffDays;
  const rows = stages.map((stage) => {
    const planned = plannedSpan(stage);
    return { stage, planned, variance: planned !== null && stage.forecastFinish !== null ? diff(planned.finish, stage.forecastFinish) : null };
  });
  return section({
    title: 'Pathway stages',
    intro: [
      para([
        run(`Schedule computed for the status date ${pathway.today}`),
        run(pathway.startDate === null ? '' : `, from the pathway start ${pathway.startDate}`),
        run(`; durations count ${CALENDARS[pathway.calendar].toLowerCase()}. `),
        run('Forecast project finish: '),
        run(pathway.projectFinish ?? 'not scheduled', { bold: true }),
        run('.'),
      ]),
    ],
    empty: stages.length === 0 && 'The product has no pathway stages yet.',
    children: [
      table({
        rows,
        columns: [
          { header: 'Stage', width: 22, cell: ({ stage }) => stage.name },
          {
            header: 'Milestones done',
            width: 13,
            align: 'right',
            cell: ({ stage }) => `${stage.done}/${stage.total} (${stage.total === 0 ? 0 : Math.round((stage.done / stage.total) * 100)}%)`,
          },
          { header: 'Planned', width: 23, cell: ({ planned }) => (planned === null ? '—' : dateRange(planned.start, planned.finish)) },
          { header: 'Forecast', width: 23, cell: ({ stage }) => dateRange(stage.forecastStart, stage.forecastFinish) },
          { header: `Finish variance (${unitLabel(pathway)}, + late)`, width: 19, align: 'right', cell: ({ variance }) => signed(variance) },
        ],
      }),
      note('Planned: earliest planned start to latest planned finish of the stage’s milestones. Forecast: the schedule from actual dates, durations and dependencies.'),
    ],
  });
}

function timelineFigure(pathway: PathwayView, png: Buffer, size: { width: number; height: number }): Block {
  return ({ width, height }) => [
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: fitImage(size.width, size.height, width, height * 0.6),
          altText: { name: 'Timeline', title: 'Pathway timeline', description: `Gantt chart of the ${pathway.stages.length} pathway stages, forecast against planned, status date ${pathway.today}` },
        }),
      ],
    }),
    new Paragraph({
      style: 'Caption',
      children: [run(`Figure 1. Pathway stages: forecast (dark bar, with milestones done/total) against the planned span of their milestones (thin grey bar); dashed line: status date ${pathway.today}.`)],
    }),
  ];
}

function timelineSection(pathway: PathwayView, png: Buffer | null): ReportSection {
  const size = png === null ? null : pngSize(png);
  return section({
    title: 'Timeline',
    empty: (png === null || size === null) && 'The timeline figure is not included in this export.',
    children: png === null || size === null ? [] : [timelineFigure(pathway, png, size)],
  });
}

function actualText(m: Milestone): string {
  if (m.actualStart === null && m.actualFinish === null) return '—';
  if (m.actualFinish === null) return `Started ${m.actualStart}`;
  return dateRange(m.actualStart, m.actualFinish);
}

function milestonesSection(pathway: PathwayView): ReportSection {
  const rows = byPosition(pathway.stages).flatMap((stage) => byPosition(stage.milestones).map((m) => ({ stage, m })));
  return section({
    title: 'Milestones',
    landscape: true,
    intro: [
      note(
        `Variance: forecast finish minus planned finish, in ${pathway.unit === 'working-days' ? 'working' : 'calendar'} days; positive is late. Slack: how far a milestone can slip before it moves the project finish. Critical: on the critical path (no slack).`,
      ),
    ],
    empty: rows.length === 0 && 'The pathway has no milestones yet.',
    children: [
      table({
        rows,
        columns: [
          // Date columns fit "YYYY-MM-DD – YYYY-MM-DD" on one line, so ranges never break inside a date.
          { header: 'Stage', width: 10, cell: ({ stage }) => stage.name },
          { header: 'Milestone', width: 20.5, cell: ({ m }) => (m.gate ? cellText(m.name, { suffix: '  (gate)' }) : m.name) },
          { header: 'Planned', width: 16.5, cell: ({ m }) => dateRange(m.plannedStart, m.plannedFinish) },
          { header: 'Forecast', width: 16.5, cell: ({ m }) => dateRange(m.forecastStart, m.forecastFinish) },
          { header: 'Actual', width: 16.5, cell: ({ m }) => actualText(m) },
          { header: `Variance (${unitLabel(pathway)}, + late)`, width: 7, align: 'right', cell: ({ m }) => signed(m.finishVarianceDays) },
          { header: `Slack (${unitLabel(pathway)})`, width: 6, align: 'right', cell: ({ m }) => (m.status === 'done' ? '—' : String(m.totalSlack)) },
          { header: 'Critical', width: 7, cell: ({ m }) => (m.critical ? cellText('● critical', { bold: true }) : '') },
        ],
      }),
      spacer(),
    ],
  });
}

/**
 * The clocks this plan shows: overdue ones first (whatever their age), then those due from the
 * status date through the next 90 days; a window counts by its close. One row per rule, as the
 * Clocks tab and the dashboard show them.
 */
export function upcomingDeadlines(pathway: PathwayView, days = CLOCK_WINDOW_DAYS): ProductDeadline[] {
  return pathway.deadlines.filter((d) => !d.metOn && d.daysAway !== null && (d.overdue || (d.daysAway >= 0 && d.daysAway <= days)));
}

/** Milestones past their planned finish (not done), then key ones due in the window: a group apart from the clocks. */
export function milestonesDue(pathway: PathwayView, days = CLOCK_WINDOW_DAYS) {
  const open = pathway.stages.flatMap((s) => s.milestones).filter((m) => m.status !== 'done');
  const overdue = open.filter((m) => m.plannedFinish !== null && m.plannedFinish < pathway.today).map((m) => ({ m, date: m.plannedFinish!, overdue: true }));
  const soon = open
    .filter((m) => !(m.plannedFinish !== null && m.plannedFinish < pathway.today))
    .filter((m) => (m.gate || m.durationDays === 0 || m.critical) && diffDays(pathway.today, m.forecastFinish) <= days)
    .map((m) => ({ m, date: m.forecastFinish, overdue: false }));
  return [...overdue.sort((a, b) => a.date.localeCompare(b.date)), ...soon.sort((a, b) => a.date.localeCompare(b.date))];
}

function basisText(d: ProductDeadline): string {
  return `${CLOCK_EVENT_LABELS[d.basis.event]}\n${d.basis.date}${d.estimated ? ' (forecast)' : ''}`;
}

function whenText(daysAway: number, overdue: boolean): string {
  if (overdue) return `OVERDUE ${-daysAway} d`;
  return daysAway === 0 ? 'today' : `in ${daysAway} d`;
}

/** Rules that flag a date (a receipt on a weekend, holiday or after 4:30 pm ET; a meeting on a non-business day) rather than set a deadline. */
const CALENDAR_FLAG_RULES: readonly string[] = ['receipt.next-business-day', 'calendar.meeting-not-business-day'];

/** Every calendar flag of the product, whatever its date: a receipt date the clocks may have to be recomputed from. */
function calendarFlagsPart(pathway: PathwayView): Block[] {
  const flags = pathway.deadlines.filter((d) => CALENDAR_FLAG_RULES.includes(d.rule));
  if (flags.length === 0) return [];
  return part({
    title: 'Receipt and meeting dates to check',
    children: [
      ...flags.map((d) => para([run(`${d.basis.label} (${d.basis.date}): `, { bold: true }), run(`${d.label}${d.date ? ` (${d.date})` : ''}. ${d.note ?? ''}${d.unconfirmed ? ' Unconfirmed.' : ''}`)])),
      note(`Source: ${flags[0]!.citation}`),
    ],
  });
}

function clocksSection(pathway: PathwayView): ReportSection {
  const until = addDays(pathway.today, CLOCK_WINDOW_DAYS);
  const clocks = upcomingDeadlines(pathway);
  const milestones = milestonesDue(pathway);
  const overdue = clocks.filter((d) => d.overdue).length;
  return section({
    title: `What is due: overdue, then the next ${CLOCK_WINDOW_DAYS} days`,
    landscape: true,
    intro: [
      para(
        `FDA clocks and milestones that are overdue on ${pathway.today}, then those due by ${until}, in two groups. ${overdue === 0 ? 'No FDA clock is overdue.' : `${overdue} FDA ${overdue === 1 ? 'clock is' : 'clocks are'} overdue.`} A clock is estimated while its event has not happened (it runs from a forecast), firm once it has.`,
      ),
    ],
    children: [
      ...part({
        title: 'FDA clocks',
        children: clocks.length === 0
        ? [para('No FDA clock is overdue or falls due in this period.')]
        : [
            table({
              rows: clocks,
              columns: [
                { header: 'Due', width: 10, cell: (d) => d.window?.to ?? d.date ?? '—' },
                { header: 'When', width: 8, cell: (d) => (d.overdue ? cellWarning(whenText(d.daysAway!, true)) : whenText(d.daysAway!, false)) },
                {
                  header: 'Deadline',
                  width: 32,
                  cell: (d) => [
                    cellText(d.label, { bold: true }),
                    ...(d.window === undefined ? [] : [cellMuted(`Window ${d.window.from} – ${d.window.to}`)]),
                    ...(d.note ? [cellMuted(d.note)] : []),
                  ],
                },
                { header: 'Runs from', width: 20, cell: (d) => [cellText(basisText(d)), ...(d.estimated ? [cellMuted('estimated')] : [cellMuted('firm')])] },
                {
                  header: 'Rule and citation',
                  width: 30,
                  cell: (d) => [cellText(d.citation), ...(d.unconfirmed ? [cellWarning('(unconfirmed: check the current guidance)')] : [])],
                },
              ],
            }),
            note('Rules marked unconfirmed are editable in the tracker: the reference does not settle them.'),
          ],
      }),
      ...calendarFlagsPart(pathway),
      ...part({
        title: 'Milestones',
        children: milestones.length === 0
        ? [para('No milestone is past its planned finish, and no key milestone falls due in this period.')]
        : [
            table({
              rows: milestones,
              columns: [
                { header: 'Date', width: 10, cell: ({ date }) => date },
                { header: 'When', width: 8, cell: ({ date, overdue }) => (overdue ? cellWarning(whenText(diffDays(pathway.today, date), true)) : whenText(diffDays(pathway.today, date), false)) },
                { header: 'Milestone', width: 42, cell: ({ m }) => [cellText(m.name, { bold: true }), ...(m.critical ? [cellMuted('critical path')] : [])] },
                { header: 'Basis', width: 40, cell: ({ overdue }) => (overdue ? 'Past its planned finish, not done' : 'Forecast') },
              ],
            }),
          ],
      }),
    ],
  });
}

function isOpen(item: ChecklistItem): boolean {
  return item.applicable && !DONE_STATUSES.has(item.status);
}

function ownerParts(open: readonly ItemEntry[]): Block[] {
  const owners = new Map<string, ItemEntry[]>();
  for (const entry of open) {
    const owner = entry.item.owner.trim() === '' ? UNASSIGNED : entry.item.owner.trim();
    owners.set(owner, [...(owners.get(owner) ?? []), entry]);
  }
  const names = [...owners.keys()].sort((a, b) => (a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b)));
  return names.flatMap((owner) => {
    const entries = owners.get(owner)!;
    // Soonest due first; items without a due date keep checklist order after them.
    entries.sort((a, b) => (a.item.dueDate ?? '9999').localeCompare(b.item.dueDate ?? '9999'));
    return part({
      title: `${owner} (${entries.length})`,
      children: [
        table({
          rows: entries,
          columns: [
            { header: 'Item and citation', width: 52, cell: ({ item }) => [cellText(item.title), ...(item.citation.trim() === '' ? [] : [cellNote(item.citation)])] },
            { header: 'Checklist and section', width: 21, cell: itemCells.section },
            { header: 'Status', width: 13, cell: itemCells.status },
            { header: 'Due', width: 14, cell: itemCells.due },
          ],
        }),
        spacer(),
      ],
    });
  });
}

function openItemsSection(checklists: ChecklistsView | null): ReportSection {
  const open = checklists === null ? [] : itemEntries(checklists.checklists, isOpen);
  return section({
    title: 'Open checklist items by owner',
    empty: checklists === null && 'The product has no checklists yet.',
    children: [para(`${open.length} items that apply to the profile are not yet approved, submitted or justified as not applicable.`), ...ownerParts(open)],
  });
}

/**
 * The development plan a regulatory lead takes to a portfolio review: the product, where each
 * stage stands against plan, a timeline figure, every milestone with variance and slack,
 * the FDA clocks running in the next 90 days, and who owes which open checklist item.
 */
export function buildPlan({ pathway, checklists, paper = 'letter', generatedAt, timelinePng, signatures = [] }: PlanOptions): Document {
  const reviews = signatures.filter((s) => s.kind === 'export' && s.recordId === `${pathway.product.id}:plan`);
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
      profileSection(pathway.product),
      stagesSection(pathway),
      timelineSection(pathway, png),
      milestonesSection(pathway),
      clocksSection(pathway),
      openItemsSection(checklists),
      ...(reviews.length > 0 ? [signaturesSection(reviews)] : []),
      signOffSection('reviewed this development plan', reviews.filter((s) => s.state === 'valid')),
    ],
  });
}
