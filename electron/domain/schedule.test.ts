import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addWorkingDays, nextWorkingDay, toDayNumber } from '../contract/dates';
import {
  computeSchedule,
  findCycle,
  ScheduleCycleError,
  ScheduleInputError,
  type ScheduleDependency,
  type ScheduleMilestone,
  type ScheduledMilestone,
  type Schedule,
} from './schedule';

function byId(schedule: Schedule): Record<string, ScheduledMilestone> {
  return Object.fromEntries(schedule.milestones.map((milestone) => [milestone.id, milestone]));
}

/*
 * Textbook network, calendar days, anchor 2026-02-23 (day 0; February 2026 has 28 days, so the
 * network runs across the month end):
 *
 *   A(3) -> B(4) -> D(5) -> F(2)
 *   A(3) -> C(2) -lag 2-> E(1) -> F
 *
 * Forward pass (ES, EF = ES + duration):
 *   A 0-3;  B 3-7;  C 3-5;  D 7-12;  E = C.EF + 2 = 7, 7-8;  F = max(D 12, E 8) = 12, 12-14.
 * Backward pass from the project finish 14 (LF = min successor LS - lag, LS = LF - duration):
 *   F 12-14;  D 7-12;  E LF 12 LS 11;  C LF = E.LS - 2 = 9, LS 7;  B LF 7 LS 3;
 *   A LF = min(B.LS 3, C.LS 7) = 3, LS 0.
 * Slack = LS - ES: A 0, B 0, C 4, D 0, E 4, F 0. Critical path A, B, D, F.
 * Day offsets as dates: 0 = 02-23, 3 = 02-26, 5 = 02-28, 7 = 03-02, 8 = 03-03, 9 = 03-04,
 * 11 = 03-06, 12 = 03-07, 14 = 03-09.
 */
const textbookMilestones: ScheduleMilestone[] = [
  { id: 'A', durationDays: 3 },
  { id: 'B', durationDays: 4 },
  { id: 'C', durationDays: 2 },
  { id: 'D', durationDays: 5 },
  { id: 'E', durationDays: 1 },
  { id: 'F', durationDays: 2 },
];
const textbookDependencies: ScheduleDependency[] = [
  { predecessorId: 'A', successorId: 'B', lagDays: 0 },
  { predecessorId: 'A', successorId: 'C', lagDays: 0 },
  { predecessorId: 'B', successorId: 'D', lagDays: 0 },
  { predecessorId: 'C', successorId: 'E', lagDays: 2 },
  { predecessorId: 'D', successorId: 'F', lagDays: 0 },
  { predecessorId: 'E', successorId: 'F', lagDays: 0 },
];
const ANCHOR = '2026-02-23';

describe('critical path on a textbook network', () => {
  const schedule = computeSchedule(textbookMilestones, textbookDependencies, { anchor: ANCHOR, calendar: 'calendar' });
  const m = byId(schedule);

  it('computes early and late dates as worked by hand', () => {
    const expected: Record<string, [string, string, string, string, number]> = {
      A: ['2026-02-23', '2026-02-26', '2026-02-23', '2026-02-26', 0],
      B: ['2026-02-26', '2026-03-02', '2026-02-26', '2026-03-02', 0],
      C: ['2026-02-26', '2026-02-28', '2026-03-02', '2026-03-04', 4],
      D: ['2026-03-02', '2026-03-07', '2026-03-02', '2026-03-07', 0],
      E: ['2026-03-02', '2026-03-03', '2026-03-06', '2026-03-07', 4],
      F: ['2026-03-07', '2026-03-09', '2026-03-07', '2026-03-09', 0],
    };
    for (const [id, [es, ef, ls, lf, slack]] of Object.entries(expected)) {
      const row = m[id]!;
      expect([row.earlyStart, row.earlyFinish, row.lateStart, row.lateFinish, row.totalSlack], id).toEqual([es, ef, ls, lf, slack]);
      expect(row.forecastStart).toBe(es);
      expect(row.forecastFinish).toBe(ef);
      expect(row.critical).toBe(slack === 0);
      expect(row.progress).toBe('not-started');
      expect(row.startVarianceDays).toBeNull();
    }
  });

  it('reports the project finish, the critical path and a topological order', () => {
    expect(schedule.projectFinish).toBe('2026-03-09');
    expect(schedule.criticalPath).toEqual(['A', 'B', 'D', 'F']);
    expect(schedule.order).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(schedule.unit).toBe('calendar-days');
  });

  it('orders topologically whatever the input order', () => {
    const shuffled = [...textbookMilestones].reverse();
    const reordered = computeSchedule(shuffled, textbookDependencies, { anchor: ANCHOR, calendar: 'calendar' });
    const position = new Map(reordered.order.map((id, index) => [id, index]));
    for (const dependency of textbookDependencies) {
      expect(position.get(dependency.predecessorId)!).toBeLessThan(position.get(dependency.successorId)!);
    }
    expect(reordered.milestones.map((row) => row.id)).toEqual(['F', 'E', 'D', 'C', 'B', 'A']);
    expect(reordered.criticalPath).toEqual(['A', 'B', 'D', 'F']);
  });

  it('treats duration 0 as an event and a negative lag as a lead', () => {
    const result = byId(
      computeSchedule(
        [
          { id: 'work', durationDays: 10 },
          { id: 'event', durationDays: 0 },
          { id: 'lead', durationDays: 3 },
        ],
        [
          { predecessorId: 'work', successorId: 'event', lagDays: 0 },
          { predecessorId: 'work', successorId: 'lead', lagDays: -4 },
        ],
        { anchor: '2026-01-01', calendar: 'calendar' },
      ),
    );
    expect(result.event!.forecastStart).toBe('2026-01-11');
    expect(result.event!.forecastFinish).toBe('2026-01-11');
    expect(result.lead!.forecastStart).toBe('2026-01-07');
    expect(result.lead!.totalSlack).toBe(1);
    expect(result.work!.critical).toBe(true);
  });
});

describe('planned dates', () => {
  it('hold back a milestone without predecessors and give variances', () => {
    const milestones: ScheduleMilestone[] = textbookMilestones.map((milestone) =>
      milestone.id === 'A'
        ? { ...milestone, plannedStart: '2026-02-25', plannedFinish: '2026-02-28' }
        : milestone.id === 'F'
          ? { ...milestone, plannedStart: '2026-03-01', plannedFinish: '2026-03-03' }
          : milestone,
    );
    const m = byId(computeSchedule(milestones, textbookDependencies, { anchor: ANCHOR, calendar: 'calendar' }));
    // A starts on its planned start (2 days after the anchor), so everything moves 2 days.
    expect(m.A!.forecastStart).toBe('2026-02-25');
    expect(m.A!.startVarianceDays).toBe(0);
    expect(m.A!.finishVarianceDays).toBe(0);
    // F's planned start is earlier than the network allows; the network wins.
    expect(m.F!.forecastStart).toBe('2026-03-09');
    expect(m.F!.startVarianceDays).toBe(8);
    expect(m.F!.finishVarianceDays).toBe(8);
  });

  it("act as start-no-earlier-than constraints everywhere with 'all', and not at all with 'none'", () => {
    const milestones = textbookMilestones.map((milestone) =>
      milestone.id === 'A' || milestone.id === 'E' ? { ...milestone, plannedStart: '2026-03-05' } : milestone,
    );
    const all = byId(
      computeSchedule(milestones, textbookDependencies, { anchor: ANCHOR, calendar: 'calendar', plannedStartConstraint: 'all' }),
    );
    expect(all.A!.forecastStart).toBe('2026-03-05');
    expect(all.E!.forecastStart).toBe('2026-03-12'); // A moved to 03-05, so the network start 03-12 is later
    const none = byId(
      computeSchedule(milestones, textbookDependencies, { anchor: ANCHOR, calendar: 'calendar', plannedStartConstraint: 'none' }),
    );
    expect(none.A!.forecastStart).toBe(ANCHOR);
    expect(none.A!.startVarianceDays).toBe(-10);
  });
});

describe('actual dates', () => {
  it('override the forecast and move successors', () => {
    // A started a day late and took 4 days instead of 3: finishes 02-28 (day 5) instead of day 3.
    const milestones = textbookMilestones.map((milestone) =>
      milestone.id === 'A'
        ? { ...milestone, actualStart: '2026-02-24', actualFinish: '2026-02-28' }
        : milestone.id === 'F'
          ? { ...milestone, plannedStart: '2026-03-07', plannedFinish: '2026-03-09' }
          : milestone,
    );
    const schedule = computeSchedule(milestones, textbookDependencies, { anchor: ANCHOR, calendar: 'calendar' });
    const m = byId(schedule);
    expect(m.A!.progress).toBe('complete');
    expect([m.A!.forecastStart, m.A!.forecastFinish]).toEqual(['2026-02-24', '2026-02-28']);
    expect(m.B!.forecastStart).toBe('2026-02-28');
    expect(m.F!.forecastFinish).toBe('2026-03-11');
    expect(m.F!.finishVarianceDays).toBe(2);
    expect(schedule.projectFinish).toBe('2026-03-11');
    expect(schedule.criticalPath).toEqual(['A', 'B', 'D', 'F']);
  });

  it('derives the start of a milestone that only has an actual finish', () => {
    const milestones = textbookMilestones.map((milestone) =>
      milestone.id === 'B' ? { ...milestone, actualFinish: '2026-03-10' } : milestone,
    );
    const m = byId(computeSchedule(milestones, textbookDependencies, { anchor: ANCHOR, calendar: 'calendar' }));
    expect(m.B!.forecastStart).toBe('2026-03-06');
    expect(m.B!.forecastFinish).toBe('2026-03-10');
    expect(m.D!.forecastStart).toBe('2026-03-10');
  });

  it('keep slack non-negative when a successor started before its predecessor finished', () => {
    const milestones = textbookMilestones.map((milestone) =>
      milestone.id === 'D' ? { ...milestone, actualStart: '2026-02-27' } : milestone,
    );
    const schedule = computeSchedule(milestones, textbookDependencies, { anchor: ANCHOR, calendar: 'calendar' });
    for (const row of schedule.milestones) expect(row.totalSlack, row.id).toBeGreaterThanOrEqual(0);
    expect(byId(schedule).D!.forecastStart).toBe('2026-02-27');
  });

  it('refuse an actual finish before the actual start', () => {
    expect(() =>
      computeSchedule([{ id: 'x', durationDays: 1, actualStart: '2026-02-02', actualFinish: '2026-02-01' }], [], {
        anchor: ANCHOR,
        calendar: 'calendar',
      }),
    ).toThrow(/x.*actualFinish.*before the actual start/);
  });
});

describe('today', () => {
  it('pushes a late, unfinished predecessor to today and its successors after it', () => {
    // A started on time but is still running on 03-04 (day 9), 6 days after its forecast finish.
    const milestones = textbookMilestones.map((milestone) =>
      milestone.id === 'A' ? { ...milestone, actualStart: ANCHOR } : milestone,
    );
    const schedule = computeSchedule(milestones, textbookDependencies, {
      anchor: ANCHOR,
      calendar: 'calendar',
      today: '2026-03-04',
    });
    const m = byId(schedule);
    expect(m.A!.progress).toBe('in-progress');
    expect(m.A!.forecastFinish).toBe('2026-03-04');
    expect(m.B!.forecastStart).toBe('2026-03-04');
    expect(m.C!.forecastStart).toBe('2026-03-04');
    // 9 + B 4 + D 5 + F 2 = day 20 = 03-15
    expect(schedule.projectFinish).toBe('2026-03-15');
    expect(schedule.criticalPath).toEqual(['A', 'B', 'D', 'F']);
  });

  it('does not move an unfinished milestone whose forecast finish is still ahead', () => {
    const milestones = textbookMilestones.map((milestone) =>
      milestone.id === 'A' ? { ...milestone, actualStart: ANCHOR } : milestone,
    );
    const m = byId(computeSchedule(milestones, textbookDependencies, { anchor: ANCHOR, calendar: 'calendar', today: '2026-02-24' }));
    expect(m.A!.forecastFinish).toBe('2026-02-26');
  });

  it('starts work that has not started no earlier than today', () => {
    const schedule = computeSchedule(textbookMilestones, textbookDependencies, {
      anchor: ANCHOR,
      calendar: 'calendar',
      today: '2026-02-25',
    });
    expect(byId(schedule).A!.forecastStart).toBe('2026-02-25');
    expect(schedule.projectFinish).toBe('2026-03-11');
  });

  it('leaves completed work alone and starts the critical path where today holds the network', () => {
    const milestones = textbookMilestones.map((milestone) =>
      milestone.id === 'A' ? { ...milestone, actualStart: ANCHOR, actualFinish: '2026-02-26' } : milestone,
    );
    const schedule = computeSchedule(milestones, textbookDependencies, {
      anchor: ANCHOR,
      calendar: 'calendar',
      today: '2026-03-01',
    });
    const m = byId(schedule);
    expect(m.A!.forecastFinish).toBe('2026-02-26');
    expect(m.B!.forecastStart).toBe('2026-03-01');
    expect(schedule.criticalPath).toEqual(['B', 'D', 'F']);
  });
});

describe('working-day calendar', () => {
  // Anchor Saturday 2026-02-28 rolls to Monday 03-02. A(3): Mon 03-02 -> Thu 03-05.
  // B(2) after A with lag 1: starts Fri 03-06, finishes Tue 03-10 (skipping the weekend).
  // C(5) from the anchor: Mon 03-02 -> Mon 03-09. The event D waits for B and C:
  // max(Tue 03-10, Mon 03-09) = Tue 03-10, so C has 1 working day of slack (late start Tue 03-03).
  const milestones: ScheduleMilestone[] = [
    { id: 'A', durationDays: 3 },
    { id: 'B', durationDays: 2, plannedFinish: '2026-03-06' },
    { id: 'C', durationDays: 5 },
    { id: 'D', durationDays: 0 },
  ];
  const dependencies: ScheduleDependency[] = [
    { predecessorId: 'A', successorId: 'B', lagDays: 1 },
    { predecessorId: 'B', successorId: 'D', lagDays: 0 },
    { predecessorId: 'C', successorId: 'D', lagDays: 0 },
  ];

  it('counts durations and lags in working days and starts on working days', () => {
    const schedule = computeSchedule(milestones, dependencies, { anchor: '2026-02-28', calendar: 'working' });
    const m = byId(schedule);
    expect(schedule.unit).toBe('working-days');
    expect([m.A!.forecastStart, m.A!.forecastFinish]).toEqual(['2026-03-02', '2026-03-05']);
    expect([m.B!.forecastStart, m.B!.forecastFinish]).toEqual(['2026-03-06', '2026-03-10']);
    expect([m.C!.forecastStart, m.C!.forecastFinish]).toEqual(['2026-03-02', '2026-03-09']);
    expect(m.D!.forecastStart).toBe('2026-03-10');
    expect(m.C!.totalSlack).toBe(1);
    expect(m.C!.lateStart).toBe('2026-03-03');
    expect(m.B!.finishVarianceDays).toBe(2); // Fri 03-06 -> Tue 03-10 is 2 working days
    expect(schedule.criticalPath).toEqual(['A', 'B', 'D']);
    for (const row of schedule.milestones) {
      const weekday = ((toDayNumber(row.forecastStart) + 3) % 7) + 1;
      expect(weekday, row.id).toBeLessThanOrEqual(5);
    }
  });

  it('agrees with addWorkingDays for a long chain', () => {
    const chain: ScheduleMilestone[] = Array.from({ length: 20 }, (_, i) => ({ id: `m${i}`, durationDays: 7 }));
    const links = chain.slice(1).map((milestone, i) => ({ predecessorId: `m${i}`, successorId: milestone.id, lagDays: 2 }));
    const schedule = computeSchedule(chain, links, { anchor: '2027-12-22', calendar: 'working' });
    expect(schedule.projectFinish).toBe(addWorkingDays('2027-12-22', 20 * 7 + 19 * 2));
  });

  it('lets a weekend actual finish release successors on the Monday', () => {
    const m = byId(
      computeSchedule(
        [
          { id: 'A', durationDays: 3, actualStart: '2026-03-02', actualFinish: '2026-03-07' },
          { id: 'B', durationDays: 1 },
        ],
        [{ predecessorId: 'A', successorId: 'B', lagDays: 0 }],
        { anchor: '2026-03-02', calendar: 'working' },
      ),
    );
    expect(m.A!.forecastFinish).toBe('2026-03-07');
    expect(m.B!.forecastStart).toBe('2026-03-09');
  });
});

describe('cycles and bad input', () => {
  it('finds a named cycle', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const deps = [
      { predecessorId: 'd', successorId: 'a' },
      { predecessorId: 'a', successorId: 'b' },
      { predecessorId: 'b', successorId: 'c' },
      { predecessorId: 'c', successorId: 'a' },
    ];
    expect(findCycle(ids, deps)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(ids, deps.slice(0, 3))).toBeNull();
    expect(findCycle(['a'], [{ predecessorId: 'a', successorId: 'a' }])).toEqual(['a', 'a']);
    expect(findCycle([], [])).toBeNull();
  });

  it('throws ScheduleCycleError carrying the cycle', () => {
    const milestones = ['a', 'b', 'c'].map((id) => ({ id, durationDays: 1 }));
    const deps = [
      { predecessorId: 'a', successorId: 'b', lagDays: 0 },
      { predecessorId: 'b', successorId: 'c', lagDays: 0 },
      { predecessorId: 'c', successorId: 'a', lagDays: 0 },
    ];
    let caught: unknown;
    try {
      computeSchedule(milestones, deps, { anchor: ANCHOR, calendar: 'calendar' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScheduleCycleError);
    expect((caught as ScheduleCycleError).cycle).toEqual(['a', 'b', 'c', 'a']);
    expect((caught as ScheduleCycleError).message).toContain('a -> b -> c -> a');
  });

  it('names unknown ids, duplicate ids, bad durations, lags and dates', () => {
    const options = { anchor: ANCHOR, calendar: 'calendar' as const };
    expect(() =>
      computeSchedule([{ id: 'a', durationDays: 1 }], [{ predecessorId: 'a', successorId: 'zz', lagDays: 0 }], options),
    ).toThrow(/dependencies\[0\] \(a -> zz\): unknown successor id "zz"/);
    expect(() =>
      computeSchedule([{ id: 'a', durationDays: 1 }], [{ predecessorId: 'q', successorId: 'a', lagDays: 0 }], options),
    ).toThrow(ScheduleInputError);
    expect(() => computeSchedule([{ id: 'a', durationDays: 1 }, { id: 'a', durationDays: 2 }], [], options)).toThrow(
      /duplicate milestone id "a"/,
    );
    expect(() => computeSchedule([{ id: 'a', durationDays: -1 }], [], options)).toThrow(/durationDays/);
    expect(() => computeSchedule([{ id: 'a', durationDays: 1.5 }], [], options)).toThrow(/durationDays/);
    expect(() =>
      computeSchedule(
        [{ id: 'a', durationDays: 1 }, { id: 'b', durationDays: 1 }],
        [{ predecessorId: 'a', successorId: 'b', lagDays: 0.5 }],
        options,
      ),
    ).toThrow(/lagDays/);
    expect(() => computeSchedule([{ id: 'a', durationDays: 1, plannedStart: '2026-02-30' }], [], options)).toThrow(
      /plannedStart: Invalid date "2026-02-30"/,
    );
    expect(() => computeSchedule([], [], { anchor: 'tomorrow', calendar: 'calendar' })).toThrow(/options.anchor/);
  });

  it('returns an empty schedule for an empty pathway', () => {
    expect(computeSchedule([], [], { anchor: ANCHOR, calendar: 'working' })).toEqual({
      calendar: 'working',
      unit: 'working-days',
      milestones: [],
      order: [],
      criticalPath: [],
      projectFinish: null,
    });
  });
});

describe('large random network', () => {
  // Deterministic PRNG so a failure reproduces.
  function mulberry32(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('schedules 10,000 milestones with ~2 dependencies each consistently', () => {
    const random = mulberry32(20260223);
    const count = 10_000;
    const milestones: ScheduleMilestone[] = [];
    const dependencies: ScheduleDependency[] = [];
    for (let i = 0; i < count; i++) {
      milestones.push({ id: `m${i}`, durationDays: random() < 0.2 ? 0 : Math.floor(random() * 30) + 1 });
      if (i === 0) continue;
      for (let k = 0; k < 2; k++) {
        const predecessor = Math.floor(random() * i);
        dependencies.push({ predecessorId: `m${predecessor}`, successorId: `m${i}`, lagDays: Math.floor(random() * 10) - 2 });
      }
    }
    // Shuffle the input so the engine must sort it.
    for (let i = milestones.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [milestones[i], milestones[j]] = [milestones[j]!, milestones[i]!];
    }
    const schedule = computeSchedule(milestones, dependencies, { anchor: '2026-01-01', calendar: 'calendar' });
    const m = byId(schedule);
    expect(schedule.milestones).toHaveLength(count);
    expect(schedule.order).toHaveLength(count);
    // Collect violations and assert once: 60,000 separate expect calls would dominate the run.
    const violations: string[] = [];
    for (const dependency of dependencies) {
      const predecessor = m[dependency.predecessorId]!;
      const successor = m[dependency.successorId]!;
      if (toDayNumber(successor.forecastStart) < toDayNumber(predecessor.forecastFinish) + dependency.lagDays) {
        violations.push(`forecast ${predecessor.id} -> ${successor.id}`);
      }
      if (toDayNumber(successor.lateStart) < toDayNumber(predecessor.lateFinish) + dependency.lagDays) {
        violations.push(`late ${predecessor.id} -> ${successor.id}`);
      }
    }
    let latest = '0000-01-01';
    schedule.milestones.forEach((row, index) => {
      const input = milestones[index]!;
      if (row.id !== input.id) violations.push(`order ${row.id}`);
      if (row.totalSlack < 0) violations.push(`slack ${row.id}`);
      if (row.forecastStart < '2026-01-01') violations.push(`before anchor ${row.id}`);
      if (row.forecastFinish !== addDays(row.forecastStart, input.durationDays)) violations.push(`duration ${row.id}`);
      if (row.lateFinish !== addDays(row.lateStart, input.durationDays)) violations.push(`late duration ${row.id}`);
      if (row.forecastFinish > latest) latest = row.forecastFinish;
    });
    expect(violations).toEqual([]);
    expect(schedule.projectFinish).toBe(latest);
    // The critical path is a chain of zero-slack milestones linked by driving dependencies.
    const path = schedule.criticalPath;
    expect(path.length).toBeGreaterThan(1);
    expect(m[path[path.length - 1]!]!.forecastFinish).toBe(schedule.projectFinish);
    const lags = new Map<string, number>();
    for (const d of dependencies) {
      const key = `${d.predecessorId}>${d.successorId}`;
      lags.set(key, Math.max(lags.get(key) ?? -Infinity, d.lagDays));
    }
    for (let i = 1; i < path.length; i++) {
      const predecessor = m[path[i - 1]!]!;
      const successor = m[path[i]!]!;
      expect(predecessor.critical && successor.critical).toBe(true);
      const lag = lags.get(`${predecessor.id}>${successor.id}`);
      expect(lag).toBeDefined();
      expect(toDayNumber(successor.forecastStart)).toBe(toDayNumber(predecessor.forecastFinish) + lag!);
    }
  });
});

describe('invariants with actuals and today (property test)', () => {
  const networkArb = fc
    .integer({ min: 1, max: 25 })
    .chain((count) =>
      fc.record({
        milestones: fc.array(
          fc.record({
            duration: fc.integer({ min: 0, max: 20 }),
            actual: fc.constantFrom('none', 'none', 'started', 'finished', 'both'),
            actualOffset: fc.integer({ min: 0, max: 60 }),
            actualLength: fc.integer({ min: 0, max: 30 }),
          }),
          { minLength: count, maxLength: count },
        ),
        links: fc.array(
          fc.record({ from: fc.nat(), to: fc.nat(), lag: fc.integer({ min: -5, max: 10 }) }),
          { maxLength: count * 3 },
        ),
        todayOffset: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
        calendar: fc.constantFrom('calendar' as const, 'working' as const),
      }),
    );

  it('keeps slack >= 0, respects unstarted dependencies and today, and returns a valid critical chain', () => {
    fc.assert(
      fc.property(networkArb, ({ milestones: specs, links, todayOffset, calendar }) => {
        const anchor = '2026-02-23';
        const milestones: ScheduleMilestone[] = specs.map((spec, i) => {
          const start = addDays(anchor, spec.actualOffset);
          const finish = addDays(start, spec.actualLength);
          return {
            id: `m${i}`,
            durationDays: spec.duration,
            actualStart: spec.actual === 'started' || spec.actual === 'both' ? start : null,
            actualFinish: spec.actual === 'finished' || spec.actual === 'both' ? finish : null,
          };
        });
        // Edges only from lower to higher index keep the network acyclic.
        const dependencies: ScheduleDependency[] = links
          .map((link) => ({ a: link.from % specs.length, b: link.to % specs.length, lag: link.lag }))
          .filter((link) => link.a < link.b)
          .map((link) => ({ predecessorId: `m${link.a}`, successorId: `m${link.b}`, lagDays: link.lag }));
        const today = todayOffset === null ? null : addDays(anchor, todayOffset);
        const schedule = computeSchedule(milestones, dependencies, { anchor, calendar, today });
        const m = byId(schedule);
        const step = (date: string, days: number) => (calendar === 'working' ? addWorkingDays(date, days) : addDays(date, days));
        for (const row of schedule.milestones) {
          expect(row.totalSlack).toBeGreaterThanOrEqual(0);
          if (today !== null && row.progress === 'not-started') expect(row.forecastStart >= today).toBe(true);
          if (today !== null && row.progress === 'in-progress') expect(row.forecastFinish >= today).toBe(true);
        }
        for (const dependency of dependencies) {
          const successor = m[dependency.successorId]!;
          if (successor.progress !== 'not-started') continue;
          const predecessor = m[dependency.predecessorId]!;
          // A weekend finish releases successors from the following Monday in the working calendar.
          const released = calendar === 'working' ? nextWorkingDay(predecessor.forecastFinish) : predecessor.forecastFinish;
          expect(successor.forecastStart >= step(released, dependency.lagDays)).toBe(true);
        }
        expect(schedule.criticalPath.length).toBeGreaterThan(0);
        const last = m[schedule.criticalPath[schedule.criticalPath.length - 1]!]!;
        expect(last.forecastFinish).toBe(schedule.projectFinish);
        for (const id of schedule.criticalPath) expect(m[id]!.critical).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('regressions found by the property test', () => {
  it('ends the critical path on the reported project finish when a weekend actual ties a Monday forecast', () => {
    // Working calendar, today Saturday 2026-04-25: 'done' finished that Saturday (axis = Monday),
    // 'waiting' is pushed to Monday 04-27. The project finishes 04-27, so the chain ends at 'waiting'.
    const schedule = computeSchedule(
      [
        { id: 'waiting', durationDays: 0 },
        { id: 'done', durationDays: 0, actualFinish: '2026-04-25' },
      ],
      [],
      { anchor: '2026-02-23', calendar: 'working', today: '2026-04-25' },
    );
    expect(schedule.projectFinish).toBe('2026-04-27');
    expect(schedule.criticalPath).toEqual(['waiting']);
  });
});
