import { describe, expect, it } from 'vitest';
import { formatDay } from './timelineAxis';
import { layoutTimeline } from './timelineLayout';
import { milestoneTooltip } from './timelineTooltips';
import { sampleView } from './testViews';

describe('labels', () => {
  it('formats dates as D MMM YYYY, leaving what is not a date as it is', () => {
    expect(formatDay('2026-01-05')).toBe('5 Jan 2026');
    expect(formatDay('2024-02-29')).toBe('29 Feb 2024');
    expect(formatDay('soon')).toBe('soon');
  });

  it('explains a milestone in its tooltip', () => {
    const view = sampleView();
    const b = view.stages[1]!.milestones.find((m) => m.id === 'B')!;
    expect(milestoneTooltip(b, 'calendar-days')).toBe(
      [
        'Batch',
        'In progress · 70 days',
        'Forecast: 25 Jan 2026 – 5 Apr 2026',
        'Planned: 20 Jan 2026 – 31 Mar 2026 (finish 5 days late)',
        'Actual: 25 Jan 2026 – ?',
        'Slack: 0 days',
        'On the critical path',
      ].join('\n'),
    );
    const e = view.stages[1]!.milestones.find((m) => m.id === 'E')!;
    expect(milestoneTooltip(e, 'working-days')).toBe(
      ['Exit (gate)', 'Not started · event', 'Forecast: 5 Apr 2026', 'Planned: not set', 'Slack: 0 working days', 'On the critical path'].join('\n'),
    );
    const c = view.stages[0]!.milestones[0]!;
    expect(milestoneTooltip({ ...c, durationDays: 1, totalSlack: 1, plannedStart: '2026-02-01', plannedFinish: '2026-02-10', finishVarianceDays: -1 }, 'working-days')).toBe(
      ['Cohort', 'Not started · 1 working day', 'Forecast: 1 Feb 2026 – 11 Feb 2026', 'Planned: 1 Feb 2026 – 10 Feb 2026 (finish 1 working day early)', 'Slack: 1 working day', 'Not on the critical path'].join('\n'),
    );
  });

  it('counts negative slack (a milestone behind its late dates) in the same words', () => {
    const c = sampleView().stages[0]!.milestones[0]!;
    expect(milestoneTooltip({ ...c, totalSlack: -1 }, 'calendar-days')).toContain('\nSlack: -1 day\n');
    expect(milestoneTooltip({ ...c, totalSlack: -3 }, 'calendar-days')).toContain('\nSlack: -3 days\n');
  });

  it('explains a stage in its tooltip', () => {
    const layout = layoutTimeline(sampleView(), 'months');
    expect(layout.rows[0]!.tooltip).toBe(
      ['In vitro', '1 of 3 milestones done', 'Forecast: 5 Jan 2026 – 5 Apr 2026', 'Planned: 5 Jan 2026 – 31 Mar 2026', 'Contains critical milestones'].join('\n'),
    );
    expect(layout.rows[4]!.tooltip).toBe(['In vivo', '0 of 1 milestones done', 'Forecast: not set', 'Planned: not set', 'No critical milestones'].join('\n'));
  });
});
