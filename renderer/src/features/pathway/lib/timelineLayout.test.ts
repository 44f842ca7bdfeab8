import { describe, expect, it } from 'vitest';
import { againstBaseline, defaultZoom, layoutTimeline } from './timelineLayout';
import { milestone, pathwayView, sampleView, stage } from './testViews';

const DAY = 86_400_000;
/** Independent of the code under test: Date.UTC day numbers. */
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

describe('layoutTimeline at the months zoom', () => {
  const layout = layoutTimeline(sampleView(), 'months');

  it('starts on the month boundary before the first bar and pads past the last date', () => {
    expect(layout.pixelsPerDay).toBe(4);
    // First date 2026-01-05, minus 6 days of padding (24 px / 4 px), rounded down to 1 Dec 2025.
    expect(layout.startDay).toBe(day('2025-12-01'));
    // Last date 2026-04-05 plus 6 days falls in April, so the axis ends on 1 May.
    expect(layout.endDay).toBe(day('2026-05-01'));
    expect(layout.width).toBe(151 * 4);
  });

  it('puts one tick per month, as wide as the month, marking the first of a year', () => {
    expect(layout.ticks).toEqual([
      { x: 0, width: 124, label: 'Dec 2025', yearStart: false },
      { x: 124, width: 124, label: 'Jan 2026', yearStart: true },
      { x: 248, width: 112, label: 'Feb 2026', yearStart: false },
      { x: 360, width: 124, label: 'Mar 2026', yearStart: false },
      { x: 484, width: 120, label: 'Apr 2026', yearStart: false },
    ]);
  });

  it('draws the today line at the status date', () => {
    expect(layout.today).toBe('2026-03-15');
    expect(layout.todayX).toBe((31 + 31 + 28 + 14) * 4);
  });

  it('orders rows by stage then milestone position, one row height apart', () => {
    expect(layout.rows.map((r) => [r.kind, r.id, r.index, r.y])).toEqual([
      ['stage', 'S1', 0, 0],
      ['milestone', 'A', 1, 28],
      ['milestone', 'B', 2, 56],
      ['milestone', 'E', 3, 84],
      ['stage', 'S2', 4, 112],
      ['milestone', 'C', 5, 140],
    ]);
    expect(layout.height).toBe(6 * 28);
    expect([...layout.rowByMilestone.keys()].sort()).toEqual(['A', 'B', 'C', 'E']);
    expect(layout.rowByMilestone.get('C')?.y).toBe(140);
  });

  it('places forecast and planned bars on their dates, [start, finish)', () => {
    const row = (id: string) => layout.rows.find((r) => r.id === id)!;
    expect(row('A').forecast).toEqual({ x: 35 * 4, width: 20 * 4 });
    expect(row('A').planned).toEqual({ x: 35 * 4, width: 15 * 4 });
    expect(row('B').forecast).toEqual({ x: 55 * 4, width: 70 * 4 });
    expect(row('B').planned).toEqual({ x: 50 * 4, width: 70 * 4 });
    expect(row('C').forecast).toEqual({ x: 62 * 4, width: 10 * 4 });
    expect(row('C').planned).toBeNull();
  });

  it('draws an event as a point with the minimum width, and keeps its flags', () => {
    const e = layout.rows.find((r) => r.id === 'E')!;
    expect(e.event).toBe(true);
    expect(e.gate).toBe(true);
    expect(e.forecast).toEqual({ x: 125 * 4, width: 2 });
    expect(e.planned).toBeNull();
  });

  it('summarises a stage: its forecast span, its milestones’ planned span, progress and criticality', () => {
    const [s1, , , , s2] = layout.rows;
    expect(s1).toMatchObject({ kind: 'stage', name: 'In vitro', progress: '1/3', status: 'stage', critical: true, forecast: { x: 140, width: 90 * 4 }, planned: { x: 140, width: 85 * 4 } });
    // No forecast dates on the stage itself: no bar, rather than one at 1970.
    expect(s2).toMatchObject({ kind: 'stage', name: 'In vivo', progress: '0/1', critical: false, forecast: null, planned: null });
  });

  it('fills an in-progress bar up to today, and only that one', () => {
    const rows = Object.fromEntries(layout.rows.map((r) => [r.id, r]));
    expect(rows.B!.status).toBe('in-progress');
    expect(rows.B!.elapsedX).toBe(layout.todayX);
    expect(rows.A!.elapsedX).toBeNull();
    expect(rows.C!.elapsedX).toBeNull();
  });

  it('routes dependency arrows, plain first so critical ones are drawn on top, skipping unknown milestones', () => {
    expect(layout.arrows).toEqual([
      // Room to turn: out 8 px, down to the successor's bar middle, in to the arrowhead.
      { key: 'A>C', predecessorId: 'A', successorId: 'C', path: 'M220,40H228V152H242', head: 'M248,152L242,148.5L242,155.5Z', critical: false },
      // Successor starts where the predecessor ends: along the row boundary and back in from the left.
      { key: 'A>B', predecessorId: 'A', successorId: 'B', path: 'M220,40H228V56H206V68H214', head: 'M220,68L214,64.5L214,71.5Z', critical: true },
      // Into an event: to the diamond's left tip (6 px before its centre).
      { key: 'B>E', predecessorId: 'B', successorId: 'E', path: 'M500,68H508V84H480V96H488', head: 'M494,96L488,92.5L488,99.5Z', critical: true },
    ]);
  });
});

describe('critical links', () => {
  const withLag = (lagDays: number, calendar: 'calendar' | 'working') =>
    layoutTimeline(sampleView({ calendar, dependencies: [{ predecessorId: 'B', successorId: 'E', lagDays }] }), 'months').arrows[0]!.critical;

  it('needs both ends critical and, in calendar days, the successor to start exactly lag days after', () => {
    expect(withLag(0, 'calendar')).toBe(true);
    expect(withLag(3, 'calendar')).toBe(false);
  });

  it('on the working-day calendar takes two critical ends as enough', () => {
    expect(withLag(3, 'working')).toBe(true);
  });

  it('is never critical into a milestone with slack', () => {
    const layout = layoutTimeline(sampleView({ dependencies: [{ predecessorId: 'A', successorId: 'C', lagDays: 7 }] }), 'months');
    expect(layout.arrows[0]!.critical).toBe(false);
  });
});

describe('zoom', () => {
  it('quarters: 1.5 px a day, quarter ticks', () => {
    const layout = layoutTimeline(sampleView(), 'quarters');
    expect(layout.pixelsPerDay).toBe(1.5);
    expect(layout.startDay).toBe(day('2025-10-01'));
    expect(layout.endDay).toBe(day('2026-07-01'));
    expect(layout.ticks.map((t) => [t.label, t.yearStart])).toEqual([
      ['Q4 2025', false],
      ['Q1 2026', true],
      ['Q2 2026', false],
    ]);
    expect(layout.ticks[1]).toMatchObject({ x: 92 * 1.5, width: 90 * 1.5 });
    expect(layout.width).toBe(273 * 1.5);
    expect(layout.todayX).toBe((day('2026-03-15') - day('2025-10-01')) * 1.5);
  });

  it('years: 0.5 px a day, one tick a year', () => {
    const layout = layoutTimeline(sampleView(), 'years');
    expect(layout.startDay).toBe(day('2025-01-01'));
    expect(layout.ticks).toEqual([
      { x: 0, width: 365 * 0.5, label: '2025', yearStart: true },
      { x: 365 * 0.5, width: 365 * 0.5, label: '2026', yearStart: true },
    ]);
    expect(layout.rows.find((r) => r.id === 'B')!.forecast).toEqual({ x: (day('2026-01-25') - day('2025-01-01')) * 0.5, width: 35 });
  });

  it('keeps a one-day bar visible at the widest zoom', () => {
    const view = pathwayView({
      stages: [stage({ id: 'S', position: 0, milestones: [milestone({ id: 'M', stageId: 'S', durationDays: 1, forecastStart: '2026-01-05', forecastFinish: '2026-01-06' })] })],
    });
    expect(layoutTimeline(view, 'years').rows[1]!.forecast!.width).toBe(2);
    expect(layoutTimeline(view, 'months').rows[1]!.forecast!.width).toBe(4);
  });

  it('widens the axis to show today when it lies after every date', () => {
    const layout = layoutTimeline(sampleView({ today: '2026-08-20' }), 'months');
    expect(layout.ticks.at(-1)!.label).toBe('Aug 2026');
    expect(layout.endDay).toBe(day('2026-09-01'));
    expect(layout.todayX).toBe((day('2026-08-20') - day('2025-12-01')) * 4);
  });

  it('chooses the default zoom from the span of the pathway', () => {
    const spanning = (days: number) => {
      const finish = new Date((day('2026-01-01') + days) * DAY).toISOString().slice(0, 10);
      return pathwayView({ stages: [stage({ id: 'S', position: 0, milestones: [milestone({ id: 'M', stageId: 'S', forecastStart: '2026-01-01', forecastFinish: finish })] })] });
    };
    expect(defaultZoom(sampleView())).toBe('months');
    expect(defaultZoom(spanning(550))).toBe('months');
    expect(defaultZoom(spanning(551))).toBe('quarters');
    expect(defaultZoom(spanning(7 * 365))).toBe('quarters');
    expect(defaultZoom(spanning(7 * 365 + 1))).toBe('years');
    expect(defaultZoom(pathwayView({ stages: [] }))).toBe('quarters');
  });

  it('lays out an empty pathway around today', () => {
    const layout = layoutTimeline(pathwayView({ stages: [] }), 'months');
    expect(layout.rows).toEqual([]);
    expect(layout.ticks.map((t) => t.label)).toEqual(['Mar 2026']);
    expect(layout.todayX).toBe(14 * 4);
  });
});

describe('against the reference baseline', () => {
  it('draws the baseline dates where the planned ones were, with the baseline variance', () => {
    const view = sampleView();
    const b = view.stages[1]!.milestones.find((m) => m.id === 'B')!;
    Object.assign(b, { baselineStart: '2026-01-10', baselineFinish: '2026-03-21', baselineVarianceDays: 15 });
    const compared = againstBaseline(view);
    const moved = compared.stages[1]!.milestones.find((m) => m.id === 'B')!;
    expect(moved).toMatchObject({ plannedStart: '2026-01-10', plannedFinish: '2026-03-21', finishVarianceDays: 15 });
    // Milestones without a baseline lose their planned bar rather than keep the live plan's.
    expect(compared.stages[1]!.milestones.find((m) => m.id === 'A')).toMatchObject({ plannedStart: null, plannedFinish: null, finishVarianceDays: null });
    // The view itself is left as it was.
    expect(b.plannedStart).toBe('2026-01-20');
    const row = layoutTimeline(compared, 'months').rows.find((r) => r.id === 'B')!;
    expect(row.planned).toEqual({ x: (day('2026-01-10') - day('2025-12-01')) * 4, width: 70 * 4 });
    expect(row.tooltip).toContain('Planned: 10 Jan 2026 – 21 Mar 2026 (finish 15 days late)');
  });
});
