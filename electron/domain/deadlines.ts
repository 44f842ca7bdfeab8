/**
 * One truth for FDA clocks: every deadline a product has, one row per rule and thread, firm
 * when it runs from an event that happened and estimated when it runs from a milestone's
 * forecast, met when the milestone that answers it is done, overdue when its date has passed
 * unmet. Pure: the service hands in the pathway's milestones (with their forecasts), its
 * dependencies and the recorded events.
 *
 * Threads: the IND events (submitted, received, in effect) are one thread, so the year-1 annual
 * report is one row whose date firms up as facts arrive, not three rows from three triggers.
 * A meeting's request and its meeting-held milestone are one thread per meeting (pre-IND, end
 * of phase 1...). Every other event is a thread of its own.
 */
import type { ClockEventId, MeetingTypeId } from '../contract/clocks';
import { diffDays, type IsoDate } from '../contract/dates';
import { computeClocks, type ClockResult } from './clocks';

export interface DeadlineMilestone {
  id: string;
  key: string | null;
  name: string;
  clockEvent: ClockEventId | null;
  meetingType: MeetingTypeId | null;
  actualFinish: IsoDate | null;
  forecastFinish: IsoDate;
}

/** A recorded event: from a milestone's actual date, or recorded on its own. */
export interface RecordedEvent {
  id: string;
  event: ClockEventId;
  date: IsoDate;
  meetingType: MeetingTypeId | null;
  meetingDate: IsoDate | null;
  milestoneId: string | null;
  label: string;
}

export interface DeadlineRow extends ClockResult {
  /** Rule and thread: rows with the same key are the same deadline. */
  key: string;
  /** True when computed from a forecast (the event has not happened yet). */
  estimated: boolean;
  /** The event the row runs from, and its date. */
  basis: { event: ClockEventId; date: IsoDate; milestoneId: string | null; triggerId: string | null; label: string };
  /** The date the milestone answering this deadline was done, if it is. */
  metOn: IsoDate | null;
  /** Past its date and not met. Deadlines no milestone answers stay overdue for OPEN_DAYS after. */
  overdue: boolean;
  /** Days from today to the date (negative once passed); null for a row without a date. */
  daysAway: number | null;
}

/** A deadline nothing in the pathway answers (a safety report...) is shown as overdue this long after it passed. */
export const OPEN_DAYS = 30;

const IND_EVENTS: readonly ClockEventId[] = ['ind-submitted', 'ind-received', 'ind-in-effect'];
/** Later events in a thread know more: their rows replace the same rows from earlier events. */
const EVENT_RANK: Partial<Record<ClockEventId, number>> = { 'ind-submitted': 1, 'ind-received': 2, 'ind-in-effect': 3, 'meeting-request-received': 1, 'meeting-held': 2 };
/** Rules that are one deadline under two ids (the in-effect date estimated from the submission or counted from receipt). */
const SAME_RULE: Readonly<Record<string, string>> = { 'ind.in-effect-estimate': 'ind.in-effect' };

/** How many annual reports are listed. */
const YEARS = 3;

interface Source extends RecordedEvent {
  firm: boolean;
  thread: string;
}

function dateOf(row: ClockResult): IsoDate | undefined {
  return row.window ? row.window.to : row.date;
}

/**
 * The thread of each clock milestone: IND events share one; a meeting-held milestone joins the
 * request it (directly or through others) waits for.
 */
function threads(milestones: readonly DeadlineMilestone[], predecessors: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const thread = new Map<string, string>();
  const requestBefore = (id: string): string | null => {
    const seen = new Set<string>();
    const queue = [...(predecessors.get(id) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      if (byId.get(next)?.clockEvent === 'meeting-request-received') return next;
      queue.push(...(predecessors.get(next) ?? []));
    }
    return null;
  };
  for (const m of milestones) {
    if (!m.clockEvent) continue;
    if (IND_EVENTS.includes(m.clockEvent)) thread.set(m.id, 'ind');
    else if (m.clockEvent === 'meeting-request-received') thread.set(m.id, `meeting:${m.id}`);
    else if (m.clockEvent === 'meeting-held') {
      const request = requestBefore(m.id);
      thread.set(m.id, `meeting:${request ?? m.id}`);
    } else thread.set(m.id, `milestone:${m.id}`);
  }
  return thread;
}

/** The milestone whose actual finish shows a deadline was met, by rule, within a thread. */
function answeringMilestone(
  rule: string,
  source: Source,
  milestones: readonly DeadlineMilestone[],
  byId: ReadonlyMap<string, DeadlineMilestone>,
  successors: ReadonlyMap<string, readonly string[]>,
  threadOf: ReadonlyMap<string, string>,
): DeadlineMilestone | null {
  const after = (id: string | null, pattern: RegExp) => (id ? (successors.get(id) ?? []).map((s) => byId.get(s)!).find((m) => m && pattern.test(m.key ?? '')) ?? null : null);
  if (rule === 'ind.in-effect' || rule === 'ind.in-effect-estimate') return milestones.find((m) => m.clockEvent === 'ind-in-effect') ?? null;
  if (rule === 'ind.annual-report') return null; // by year, below
  const inThread = (event: ClockEventId) => milestones.find((m) => m.clockEvent === event && threadOf.get(m.id) === source.thread) ?? null;
  const request = source.event === 'meeting-request-received' ? (source.milestoneId ? byId.get(source.milestoneId)! : null) : inThread('meeting-request-received');
  const held = source.event === 'meeting-held' ? (source.milestoneId ? byId.get(source.milestoneId)! : null) : inThread('meeting-held');
  if (/\.reply$/.test(rule)) return after(request?.id ?? null, /replies/);
  if (/\.held-by$/.test(rule)) return held;
  if (/\.briefing-package$/.test(rule)) return after(request?.id ?? null, /briefing-package-submitted$/);
  if (/\.preliminary-responses$/.test(rule)) return after(after(request?.id ?? null, /briefing-package-submitted$/)?.id ?? null, /preliminary-responses-received$/);
  if (rule === 'meeting.minutes') return after(held?.id ?? null, /minutes-received$/);
  return null;
}

/**
 * Every deadline of a product, one row per rule and thread, overdue first (oldest first), then
 * by date. `today` decides overdue and daysAway.
 */
export function productDeadlines(input: {
  milestones: readonly DeadlineMilestone[];
  dependencies: ReadonlyArray<{ predecessorId: string; successorId: string }>;
  events: readonly RecordedEvent[];
  today: IsoDate;
}): DeadlineRow[] {
  const { milestones, dependencies, events, today } = input;
  const predecessors = new Map<string, string[]>();
  const successors = new Map<string, string[]>();
  for (const d of dependencies) {
    predecessors.set(d.successorId, [...(predecessors.get(d.successorId) ?? []), d.predecessorId]);
    successors.set(d.predecessorId, [...(successors.get(d.predecessorId) ?? []), d.successorId]);
  }
  const threadOf = threads(milestones, predecessors);
  const recordedFor = new Map(events.filter((e) => e.milestoneId).map((e) => [e.milestoneId!, e]));
  const sources: Source[] = [];
  for (const m of milestones) {
    if (!m.clockEvent) continue;
    const recorded = recordedFor.get(m.id);
    const thread = threadOf.get(m.id)!;
    if (recorded) sources.push({ ...recorded, firm: true, thread });
    else if (!m.actualFinish) {
      sources.push({ id: m.id, event: m.clockEvent, date: m.forecastFinish, meetingType: m.meetingType, meetingDate: null, milestoneId: m.id, label: m.name, firm: false, thread });
    }
  }
  for (const e of events) {
    if (e.milestoneId && threadOf.has(e.milestoneId)) continue;
    sources.push({ ...e, firm: true, thread: IND_EVENTS.includes(e.event) ? 'ind' : `event:${e.id}` });
  }

  const byId = new Map(milestones.map((m) => [m.id, m]));
  const best = new Map<string, { row: DeadlineRow; rank: number }>();
  const annualReportKeys = milestones.filter((m) => /^annual-report-year-\d+$/.test(m.key ?? ''));
  for (const source of sources) {
    let results: ClockResult[];
    try {
      results = computeClocks(source.event, source.date, { meetingType: source.meetingType ?? (source.event === 'meeting-request-received' ? 'B' : null), meetingDate: source.meetingDate, years: YEARS });
    } catch {
      continue; // a stored event the rules cannot compute from is shown by the trigger list, not here
    }
    let year = 0;
    for (const result of results) {
      const rule = SAME_RULE[result.rule] ?? result.rule;
      const occurrence = rule === 'ind.annual-report' ? ++year : 0;
      const key = `${rule}${occurrence ? `#${occurrence}` : ''}@${source.thread}`;
      const answering =
        rule === 'ind.annual-report'
          ? (annualReportKeys.find((m) => m.key === `annual-report-year-${occurrence}`) ?? null)
          : answeringMilestone(result.rule, source, milestones, byId, successors, threadOf);
      const date = dateOf(result);
      const metOn = answering?.actualFinish ?? null;
      const row: DeadlineRow = {
        ...result,
        key,
        estimated: !source.firm,
        basis: { event: source.event, date: source.date, milestoneId: source.milestoneId, triggerId: source.firm ? source.id : null, label: source.label },
        metOn,
        overdue: false,
        daysAway: date ? diffDays(today, date) : null,
      };
      // A calendar flag (receipt dated the next business day, a meeting on a weekend) is a date to check, never overdue.
      const flag = result.rule.startsWith('receipt.') || result.rule.startsWith('calendar.');
      row.overdue = !flag && row.daysAway !== null && row.daysAway < 0 && metOn === null && (answering !== null || row.daysAway >= -OPEN_DAYS);
      // Firm beats estimated; then the later event of the thread.
      const rank = (source.firm ? 10 : 0) + (EVENT_RANK[source.event] ?? 0);
      const current = best.get(key);
      if (!current || rank > current.rank) best.set(key, { row, rank });
    }
  }
  const rows = [...best.values()].map((b) => b.row);
  const dated = (r: DeadlineRow) => dateOf(r) ?? '9999-12-31';
  return rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || dated(a).localeCompare(dated(b)) || a.label.localeCompare(b.label));
}
