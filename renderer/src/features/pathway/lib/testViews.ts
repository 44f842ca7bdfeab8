/** Small pathway views for the unit tests of the timeline modules (not used by the app). */
import { EMPTY_PROFILE, type Milestone, type PathwayView, type Stage } from '../../../../../electron/contract';

export function milestone(fields: Partial<Milestone> & Pick<Milestone, 'id' | 'stageId' | 'forecastStart' | 'forecastFinish'>): Milestone {
  return {
    key: null,
    name: fields.id,
    description: '',
    durationDays: 0,
    gate: false,
    citation: '',
    clockEvent: null,
    meetingType: null,
    position: 0,
    owner: '',
    notes: '',
    plannedStart: null,
    plannedFinish: null,
    actualStart: null,
    actualFinish: null,
    status: 'not-started',
    earlyStart: fields.forecastStart,
    earlyFinish: fields.forecastFinish,
    lateStart: fields.forecastStart,
    lateFinish: fields.forecastFinish,
    totalSlack: 0,
    critical: false,
    startVarianceDays: null,
    finishVarianceDays: null,
    baselineStart: null,
    baselineFinish: null,
    baselineVarianceDays: null,
    ...fields,
  };
}

export function stage(fields: Partial<Stage> & Pick<Stage, 'id' | 'position' | 'milestones'>): Stage {
  return {
    kind: 'in-vitro',
    name: fields.id,
    forecastStart: null,
    forecastFinish: null,
    done: fields.milestones.filter((m) => m.status === 'done').length,
    total: fields.milestones.length,
    ...fields,
  };
}

export function pathwayView(fields: Partial<PathwayView> & Pick<PathwayView, 'stages'>): PathwayView {
  return {
    product: { ...EMPTY_PROFILE, id: 'p1', name: 'Test product', code: 'TEST-1', archivedAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' },
    templateId: null,
    startDate: null,
    calendar: 'calendar',
    today: '2026-03-15',
    deadlines: [],
    unit: 'calendar-days',
    dependencies: [],
    criticalPath: [],
    projectFinish: null,
    triggers: [],
    reference: null,
    ...fields,
  };
}

/**
 * Two stages given out of order. In vitro: A (done, 20 d), B (in progress, 70 d, 5 days late
 * against its plan), E (an event and a gate), all critical; In vivo: C (10 d, off the critical
 * path, 7 days after A). Dependencies A→B, B→E, A→C (lag 7) and one to a milestone that is gone.
 */
export function sampleView(overrides: Partial<PathwayView> = {}): PathwayView {
  const a = milestone({
    id: 'A', stageId: 'S1', name: 'Assay', position: 0, durationDays: 20, status: 'done', critical: true,
    forecastStart: '2026-01-05', forecastFinish: '2026-01-25', actualStart: '2026-01-05', actualFinish: '2026-01-25',
    plannedStart: '2026-01-05', plannedFinish: '2026-01-20', finishVarianceDays: 5,
  });
  const b = milestone({
    id: 'B', stageId: 'S1', name: 'Batch', position: 1, durationDays: 70, status: 'in-progress', critical: true,
    forecastStart: '2026-01-25', forecastFinish: '2026-04-05', actualStart: '2026-01-25',
    plannedStart: '2026-01-20', plannedFinish: '2026-03-31', finishVarianceDays: 5,
  });
  const e = milestone({
    id: 'E', stageId: 'S1', name: 'Exit', position: 2, durationDays: 0, gate: true, critical: true,
    forecastStart: '2026-04-05', forecastFinish: '2026-04-05',
  });
  const c = milestone({
    id: 'C', stageId: 'S2', name: 'Cohort', position: 0, durationDays: 10, totalSlack: 12,
    forecastStart: '2026-02-01', forecastFinish: '2026-02-11',
  });
  return pathwayView({
    stages: [
      stage({ id: 'S2', name: 'In vivo', kind: 'in-vivo', position: 1, milestones: [c] }),
      stage({ id: 'S1', name: 'In vitro', position: 0, milestones: [e, a, b], forecastStart: '2026-01-05', forecastFinish: '2026-04-05' }),
    ],
    dependencies: [
      { predecessorId: 'A', successorId: 'B', lagDays: 0 },
      { predecessorId: 'B', successorId: 'E', lagDays: 0 },
      { predecessorId: 'A', successorId: 'C', lagDays: 7 },
      { predecessorId: 'A', successorId: 'gone', lagDays: 0 },
    ],
    criticalPath: ['A', 'B', 'E'],
    projectFinish: '2026-04-05',
    ...overrides,
  });
}
