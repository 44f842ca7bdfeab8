import type { Database } from 'better-sqlite3';

export interface StageRow {
  id: string;
  product_id: string;
  kind: string;
  name: string;
  position: number;
}

export interface MilestoneRow {
  id: string;
  product_id: string;
  stage_id: string;
  key: string | null;
  name: string;
  description: string;
  duration_days: number;
  gate: number;
  citation: string;
  clock_event: string | null;
  meeting_type: string | null;
  position: number;
  owner: string;
  notes: string;
  planned_start: string | null;
  planned_finish: string | null;
  actual_start: string | null;
  actual_finish: string | null;
  created_at: string;
  updated_at: string;
}

/** What a milestone's schedule, deadlines and dashboard figures need of it: a read of many products takes only these. */
export type ScheduleRow = Pick<MilestoneRow, 'id' | 'key' | 'name' | 'duration_days' | 'gate' | 'citation' | 'clock_event' | 'meeting_type' | 'planned_start' | 'planned_finish' | 'actual_start' | 'actual_finish'>;

export interface DependencyRow {
  predecessor_id: string;
  successor_id: string;
  lag_days: number;
}

export interface TriggerRow {
  id: string;
  product_id: string;
  event: string;
  date: string;
  original_date: string | null;
  meeting_type: string | null;
  meeting_date: string | null;
  label: string;
  reason: string | null;
  milestone_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PathwaySettingsRow {
  pathway_template_id: string | null;
  start_date: string | null;
  calendar: 'calendar' | 'working';
}

/** Milestone columns a user may edit, in the order audit rows are written. */
export const MILESTONE_EDITABLE = {
  name: 'name',
  description: 'description',
  durationDays: 'duration_days',
  gate: 'gate',
  citation: 'citation',
  owner: 'owner',
  notes: 'notes',
  plannedStart: 'planned_start',
  plannedFinish: 'planned_finish',
  actualStart: 'actual_start',
  actualFinish: 'actual_finish',
} as const;
export type MilestoneEditable = keyof typeof MILESTONE_EDITABLE;

export type NewMilestone = Omit<MilestoneRow, 'created_at' | 'updated_at'>;

const MILESTONE_COLUMNS = ['id', 'product_id', 'stage_id', 'key', 'name', 'description', 'duration_days', 'gate', 'citation', 'clock_event', 'meeting_type', 'position', 'owner', 'notes', 'planned_start', 'planned_finish', 'actual_start', 'actual_finish', 'created_at', 'updated_at'] as const;

// Whole pathways are read on every view (a dashboard reads 50 of them): rows come back as raw
// arrays and are mapped by hand, about twice as fast as letting the driver build the objects.
function toMilestoneRow(r: unknown[]): MilestoneRow {
  return {
    id: r[0] as string,
    product_id: r[1] as string,
    stage_id: r[2] as string,
    key: r[3] as string | null,
    name: r[4] as string,
    description: r[5] as string,
    duration_days: r[6] as number,
    gate: r[7] as number,
    citation: r[8] as string,
    clock_event: r[9] as string | null,
    meeting_type: r[10] as string | null,
    position: r[11] as number,
    owner: r[12] as string,
    notes: r[13] as string,
    planned_start: r[14] as string | null,
    planned_finish: r[15] as string | null,
    actual_start: r[16] as string | null,
    actual_finish: r[17] as string | null,
    created_at: r[18] as string,
    updated_at: r[19] as string,
  };
}

// Mapped by hand like toMilestoneRow: a generic mapper over the column list (tried) made the
// 50 x 500 dashboard ~10 ms slower.
const SCHEDULE_COLUMNS = ['id', 'key', 'name', 'duration_days', 'gate', 'citation', 'clock_event', 'meeting_type', 'planned_start', 'planned_finish', 'actual_start', 'actual_finish'] as const;

function toScheduleRow(r: unknown[]): ScheduleRow {
  return {
    id: r[0] as string,
    key: r[1] as string | null,
    name: r[2] as string,
    duration_days: r[3] as number,
    gate: r[4] as number,
    citation: r[5] as string,
    clock_event: r[6] as string | null,
    meeting_type: r[7] as string | null,
    planned_start: r[8] as string | null,
    planned_finish: r[9] as string | null,
    actual_start: r[10] as string | null,
    actual_finish: r[11] as string | null,
  };
}

const toDependencyRow = (r: unknown[]): DependencyRow => ({ predecessor_id: r[0] as string, successor_id: r[1] as string, lag_days: r[2] as number });

export function pathwayRepository(db: Database) {
  const q = {
    settings: db.prepare<[string], PathwaySettingsRow>('SELECT pathway_template_id, start_date, calendar FROM product WHERE id = ?'),
    setSettings: db.prepare('UPDATE product SET pathway_template_id = @templateId, start_date = @startDate, calendar = @calendar, updated_at = @now WHERE id = @id'),
    setStage: db.prepare('UPDATE product SET stage = ?, updated_at = ? WHERE id = ?'),
    stages: db.prepare<[string], StageRow>('SELECT * FROM stage WHERE product_id = ? ORDER BY position'),
    stage: db.prepare<[string], StageRow>('SELECT * FROM stage WHERE id = ?'),
    insertStage: db.prepare('INSERT INTO stage (id, product_id, kind, name, position) VALUES (@id, @product_id, @kind, @name, @position)'),
    milestones: db
      .prepare<[string], unknown[]>(
        `SELECT ${MILESTONE_COLUMNS.map((c) => 'm.' + c).join(', ')} FROM milestone m JOIN stage s ON s.id = m.stage_id WHERE m.product_id = ? ORDER BY s.position, m.position`,
      )
      .raw(true),
    scheduleRows: db
      .prepare<[string], unknown[]>(
        `SELECT ${SCHEDULE_COLUMNS.map((c) => 'm.' + c).join(', ')} FROM milestone m JOIN stage s ON s.id = m.stage_id WHERE m.product_id = ? ORDER BY s.position, m.position`,
      )
      .raw(true),
    milestone: db.prepare<[string], MilestoneRow>('SELECT * FROM milestone WHERE id = ?'),
    insertMilestone: db.prepare(
      `INSERT INTO milestone (id, product_id, stage_id, key, name, description, duration_days, gate, citation, clock_event, meeting_type,
         position, owner, notes, planned_start, planned_finish, actual_start, actual_finish, created_at, updated_at)
       VALUES (@id, @product_id, @stage_id, @key, @name, @description, @duration_days, @gate, @citation, @clock_event, @meeting_type,
         @position, @owner, @notes, @planned_start, @planned_finish, @actual_start, @actual_finish, @now, @now)`,
    ),
    stageMilestones: db.prepare<[string], { id: string }>('SELECT id FROM milestone WHERE stage_id = ? ORDER BY position'),
    setPosition: db.prepare('UPDATE milestone SET stage_id = ?, position = ? WHERE id = ?'),
    deleteMilestone: db.prepare('DELETE FROM milestone WHERE id = ?'),
    dependencies: db
      .prepare<[string], unknown[]>(
        'SELECT d.predecessor_id, d.successor_id, d.lag_days FROM milestone_dependency d JOIN milestone m ON m.id = d.successor_id WHERE m.product_id = ?',
      )
      .raw(true),
    dependency: db.prepare<[string, string], DependencyRow>('SELECT * FROM milestone_dependency WHERE predecessor_id = ? AND successor_id = ?'),
    dependenciesOf: db.prepare<[string, string], DependencyRow>('SELECT * FROM milestone_dependency WHERE predecessor_id = ? OR successor_id = ?'),
    insertDependency: db.prepare('INSERT INTO milestone_dependency (predecessor_id, successor_id, lag_days) VALUES (?, ?, ?)'),
    updateDependency: db.prepare('UPDATE milestone_dependency SET lag_days = ? WHERE predecessor_id = ? AND successor_id = ?'),
    deleteDependency: db.prepare('DELETE FROM milestone_dependency WHERE predecessor_id = ? AND successor_id = ?'),
    triggers: db.prepare<[string], TriggerRow>('SELECT * FROM clock_trigger WHERE product_id = ? ORDER BY date, created_at'),
    trigger: db.prepare<[string], TriggerRow>('SELECT * FROM clock_trigger WHERE id = ?'),
    triggerOfMilestone: db.prepare<[string], TriggerRow>('SELECT * FROM clock_trigger WHERE milestone_id = ?'),
    insertTrigger: db.prepare(
      `INSERT INTO clock_trigger (id, product_id, event, date, original_date, meeting_type, meeting_date, label, reason, milestone_id, created_at, updated_at)
       VALUES (@id, @product_id, @event, @date, @original_date, @meeting_type, @meeting_date, @label, @reason, @milestone_id, @now, @now)`,
    ),
    updateTrigger: db.prepare(
      'UPDATE clock_trigger SET date = @date, original_date = @original_date, meeting_date = @meeting_date, reason = @reason, updated_at = @now WHERE id = @id',
    ),
    deleteTrigger: db.prepare('DELETE FROM clock_trigger WHERE id = ?'),
    setMeetingType: db.prepare('UPDATE milestone SET meeting_type = ?, updated_at = ? WHERE id = ?'),
  };

  return {
    settings: (productId: string) => q.settings.get(productId),
    setSettings(productId: string, s: { templateId: string | null; startDate: string | null; calendar: string }, now: string) {
      q.setSettings.run({ id: productId, ...s, now });
    },
    setProductStage: (productId: string, stage: string, now: string) => q.setStage.run(stage, now, productId),
    stages: (productId: string) => q.stages.all(productId),
    stage: (id: string) => q.stage.get(id),
    insertStage: (row: StageRow) => q.insertStage.run(row),
    milestones: (productId: string) => q.milestones.all(productId).map(toMilestoneRow),
    /** The product's milestones in pathway order, with their scheduling fields only (a dashboard reads 50 pathways). */
    scheduleRows: (productId: string) => q.scheduleRows.all(productId).map(toScheduleRow),
    milestone: (id: string) => q.milestone.get(id),
    insertMilestone: (row: NewMilestone, now: string) => q.insertMilestone.run({ ...row, now }),
    updateMilestone(id: string, changes: Partial<Record<MilestoneEditable, string | number | null>>, now: string) {
      const fields = Object.keys(changes) as MilestoneEditable[];
      if (fields.length === 0) return;
      const sql = `UPDATE milestone SET ${fields.map((f) => `${MILESTONE_EDITABLE[f]} = @${f}`).join(', ')}, updated_at = @now WHERE id = @id`;
      db.prepare(sql).run({ ...changes, id, now });
    },
    /** Ids of a stage's milestones in order. */
    stageOrder: (stageId: string) => q.stageMilestones.all(stageId).map((r) => r.id),
    setPosition: (id: string, stageId: string, position: number) => q.setPosition.run(stageId, position, id),
    deleteMilestone: (id: string) => q.deleteMilestone.run(id),
    dependencies: (productId: string) => q.dependencies.all(productId).map(toDependencyRow),
    dependency: (pred: string, succ: string) => q.dependency.get(pred, succ),
    dependenciesOf: (milestoneId: string) => q.dependenciesOf.all(milestoneId, milestoneId),
    insertDependency: (pred: string, succ: string, lag: number) => q.insertDependency.run(pred, succ, lag),
    updateDependency: (pred: string, succ: string, lag: number) => q.updateDependency.run(lag, pred, succ),
    deleteDependency: (pred: string, succ: string) => q.deleteDependency.run(pred, succ),
    triggers: (productId: string) => q.triggers.all(productId),
    trigger: (id: string) => q.trigger.get(id),
    triggerOfMilestone: (milestoneId: string) => q.triggerOfMilestone.get(milestoneId),
    insertTrigger: (row: Omit<TriggerRow, 'created_at' | 'updated_at'>, now: string) => q.insertTrigger.run({ ...row, now }),
    updateTrigger: (row: Pick<TriggerRow, 'id' | 'date' | 'original_date' | 'meeting_date' | 'reason'>, now: string) =>
      q.updateTrigger.run({ ...row, now }),
    deleteTrigger: (id: string) => q.deleteTrigger.run(id),
    setMeetingType: (milestoneId: string, meetingType: string | null, now: string) => q.setMeetingType.run(meetingType, now, milestoneId),
  };
}
export type PathwayRepository = ReturnType<typeof pathwayRepository>;
