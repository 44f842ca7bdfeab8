/**
 * Plans as values, for planning sessions: a scenario is a copy of the live plan's facts that is
 * edited without touching the live plan, scheduled with the same engine, and compared with other
 * plans. Pure: no I/O.
 */
import type { ScenarioEdit } from '../contract/scenario';
import { MEETING_TIMELINES, type MeetingType } from './clocks';
import { diffDays, type IsoDate } from '../contract/dates';
import { computeSchedule, findCycle, type Schedule, type ScheduleDependency } from './schedule';

export interface PlanMilestone {
  id: string;
  stageId: string;
  key: string | null;
  name: string;
  durationDays: number;
  plannedStart: IsoDate | null;
  plannedFinish: IsoDate | null;
  actualStart: IsoDate | null;
  actualFinish: IsoDate | null;
  meetingType: string | null;
  /** The clock event this milestone marks (FDA receives the IND...); scenarios project its clocks. */
  clockEvent?: string | null;
}

export interface Plan {
  startDate: IsoDate;
  calendar: 'calendar' | 'working';
  stages: Array<{ id: string; name: string }>;
  milestones: PlanMilestone[];
  dependencies: ScheduleDependency[];
}

/** One edit of a scenario: the contract's vocabulary (durations, lags, dependencies, planned dates, milestones, meeting type). */
export type PlanEdit = ScenarioEdit;

export class PlanEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanEditError';
  }
}

function milestone(plan: Plan, id: string): PlanMilestone {
  const m = plan.milestones.find((x) => x.id === id);
  if (!m) throw new PlanEditError(`The scenario has no milestone with id "${id}".`);
  return m;
}

const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n)} d`;

/**
 * Applies one edit to a copy of the plan and says, in words, what it did (that sentence is what
 * "why it moved" cites later). The input plan is not modified.
 */
export function applyEdit(plan: Plan, edit: PlanEdit, newId: () => string): { plan: Plan; description: string; touched: string[] } {
  const next: Plan = { ...plan, milestones: plan.milestones.map((m) => ({ ...m })), dependencies: plan.dependencies.map((d) => ({ ...d })) };
  const dep = (p: string, s: string) => next.dependencies.find((d) => d.predecessorId === p && d.successorId === s);
  const checkAcyclic = () => {
    const cycle = findCycle(next.milestones.map((m) => m.id), next.dependencies);
    if (cycle) {
      const names = cycle.map((id) => `"${next.milestones.find((m) => m.id === id)?.name ?? id}"`).join(' → ');
      throw new PlanEditError(`That would make a cycle: ${names}.`);
    }
  };
  switch (edit.type) {
    case 'duration': {
      const m = milestone(next, edit.milestoneId);
      const before = m.durationDays;
      m.durationDays = edit.durationDays;
      return { plan: next, description: `${m.name}: duration ${before} → ${edit.durationDays} d (${signed(edit.durationDays - before)})`, touched: [m.id] };
    }
    case 'lag': {
      const d = dep(edit.predecessorId, edit.successorId);
      if (!d) throw new PlanEditError('The scenario has no such dependency.');
      const before = d.lagDays;
      d.lagDays = edit.lagDays;
      const succ = milestone(next, edit.successorId);
      return { plan: next, description: `${succ.name}: lag after ${milestone(next, edit.predecessorId).name} ${before} → ${edit.lagDays} d`, touched: [succ.id] };
    }
    case 'addDependency': {
      const pred = milestone(next, edit.predecessorId);
      const succ = milestone(next, edit.successorId);
      if (pred.id === succ.id) throw new PlanEditError('A milestone cannot wait for itself.');
      if (dep(pred.id, succ.id)) throw new PlanEditError(`"${succ.name}" already waits for "${pred.name}".`);
      next.dependencies.push({ predecessorId: pred.id, successorId: succ.id, lagDays: edit.lagDays });
      checkAcyclic();
      return { plan: next, description: `${succ.name} now waits for ${pred.name} (lag ${edit.lagDays} d)`, touched: [succ.id] };
    }
    case 'removeDependency': {
      if (!dep(edit.predecessorId, edit.successorId)) throw new PlanEditError('The scenario has no such dependency.');
      next.dependencies = next.dependencies.filter((d) => !(d.predecessorId === edit.predecessorId && d.successorId === edit.successorId));
      const succ = milestone(next, edit.successorId);
      return { plan: next, description: `${succ.name} no longer waits for ${milestone(next, edit.predecessorId).name}`, touched: [succ.id] };
    }
    case 'plannedStart': {
      const m = milestone(next, edit.milestoneId);
      m.plannedStart = edit.date;
      return { plan: next, description: `${m.name}: planned start ${edit.date ?? 'cleared'}`, touched: [m.id] };
    }
    case 'addMilestone': {
      if (!next.stages.some((s) => s.id === edit.stageId)) throw new PlanEditError(`The scenario has no stage with id "${edit.stageId}".`);
      const id = newId();
      next.milestones.push({ id, stageId: edit.stageId, key: null, name: edit.name, durationDays: edit.durationDays, plannedStart: null, plannedFinish: null, actualStart: null, actualFinish: null, meetingType: null });
      for (const a of edit.after) {
        milestone(next, a.id);
        next.dependencies.push({ predecessorId: a.id, successorId: id, lagDays: a.lagDays });
      }
      return { plan: next, description: `Added ${edit.name} (${edit.durationDays} d)`, touched: [id] };
    }
    case 'removeMilestone': {
      const m = milestone(next, edit.milestoneId);
      next.milestones = next.milestones.filter((x) => x.id !== m.id);
      const successors = next.dependencies.filter((d) => d.predecessorId === m.id).map((d) => d.successorId);
      next.dependencies = next.dependencies.filter((d) => d.predecessorId !== m.id && d.successorId !== m.id);
      return { plan: next, description: `Dropped ${m.name}`, touched: successors };
    }
    case 'meetingType': {
      const m = milestone(next, edit.milestoneId);
      const before = m.meetingType;
      m.meetingType = edit.meetingType;
      const touched = [m.id, ...applyMeetingTimeline(next, m, edit.meetingType)];
      return { plan: next, description: `${m.name}: meeting type ${before ?? 'none'} → ${edit.meetingType}`, touched };
    }
  }
}

/**
 * A meeting's type sets its timeline (REGULATORY.md section 4): from FDA's receipt of the request,
 * the reply, the latest meeting date and when the briefing package is due. When the type of the
 * "FDA receives meeting request" milestone changes, the lags to its reply, briefing-package and
 * meeting-held successors follow, so the dates move as they would. Returns the successors changed.
 */
function applyMeetingTimeline(plan: Plan, request: PlanMilestone, type: MeetingType): string[] {
  const timeline = MEETING_TIMELINES[type];
  const heldBy = timeline.meetingHeldByDays;
  const briefing = timeline.briefingPackage.kind === 'with-request' ? 0 : heldBy - timeline.briefingPackage.daysBefore;
  const changed: string[] = [];
  for (const d of plan.dependencies) {
    if (d.predecessorId !== request.id) continue;
    const succ = plan.milestones.find((x) => x.id === d.successorId);
    const key = succ?.key ?? '';
    const lag = /replies/.test(key) ? timeline.fdaReplyDays : /meeting-held$/.test(key) ? heldBy : /briefing-package-submitted$/.test(key) ? briefing : null;
    if (lag === null || !succ) continue;
    if (/meeting-held$/.test(key)) succ.meetingType = type;
    if (d.lagDays !== lag) {
      d.lagDays = lag;
      changed.push(succ.id);
    }
  }
  return changed;
}

export function schedulePlan(plan: Plan, today: IsoDate): Schedule {
  return computeSchedule(
    plan.milestones.map((m) => ({ id: m.id, durationDays: m.durationDays, plannedStart: m.plannedStart, plannedFinish: m.plannedFinish, actualStart: m.actualStart, actualFinish: m.actualFinish })),
    plan.dependencies,
    { anchor: plan.startDate, calendar: plan.calendar, today },
  );
}

/**
 * The chain of predecessors that set a milestone's start in a schedule, nearest first: at each
 * step the predecessor whose finish plus lag equals the start (calendar days).
 */
export function drivingChain(plan: Plan, schedule: Schedule, milestoneId: string): string[] {
  const at = new Map(schedule.milestones.map((m) => [m.id, m]));
  const incoming = new Map<string, ScheduleDependency[]>();
  for (const d of plan.dependencies) incoming.set(d.successorId, [...(incoming.get(d.successorId) ?? []), d]);
  const chain: string[] = [];
  const seen = new Set<string>();
  let current = milestoneId;
  while (!seen.has(current)) {
    seen.add(current);
    const start = at.get(current)?.forecastStart;
    if (!start) break;
    const driver = (incoming.get(current) ?? []).find((d) => {
      const pred = at.get(d.predecessorId);
      return pred && diffDays(pred.forecastFinish, start) === d.lagDays;
    });
    if (!driver) break;
    chain.push(driver.predecessorId);
    current = driver.predecessorId;
  }
  return chain;
}

/** Why a milestone moved in a scenario: the nearest edited milestone on its driving chain (or itself). */
export function explainMove(plan: Plan, schedule: Schedule, milestoneId: string, changes: ReadonlyArray<{ description: string; touched: readonly string[] }>): string | null {
  const causes = new Map<string, string>();
  for (const c of changes) for (const id of c.touched) causes.set(id, c.description);
  for (const id of [milestoneId, ...drivingChain(plan, schedule, milestoneId)]) {
    const cause = causes.get(id);
    if (cause) return id === milestoneId ? cause : `pushed by: ${cause}`;
  }
  return null;
}
