import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeClocks, MEETING_TIMELINES } from './clocks';
import { addDays } from '../contract/dates';
import { parsePathwayTemplate, TemplateError, templateNetwork, type PathwayTemplate } from './pathwayTemplate';
import { computeSchedule, findCycle } from './schedule';

const FILES = ['fda-ind-secretome.json', 'fda-ind-secretome-phase1-2.json'] as const;

function readTemplate(fileName: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../templates/pathways/${fileName}`, import.meta.url), 'utf8')) as unknown;
}

function load(fileName: string): PathwayTemplate {
  return parsePathwayTemplate(readTemplate(fileName), fileName);
}

function templateError(json: unknown, fileName = 'fda-ind-secretome.json'): TemplateError {
  try {
    parsePathwayTemplate(json, fileName);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

/** A deep copy of the shipped template to break in one place. */
function shippedCopy(): { stages: Array<{ kind: string; milestones: Array<Record<string, unknown>> }> } & Record<string, unknown> {
  return structuredClone(readTemplate('fda-ind-secretome.json')) as ReturnType<typeof shippedCopy>;
}

function milestone(template: PathwayTemplate, key: string) {
  const found = template.stages.flatMap((stage) => stage.milestones).find((candidate) => candidate.key === key);
  if (found === undefined) throw new Error(`no milestone ${key}`);
  return found;
}

describe('shipped pathway templates', () => {
  for (const fileName of FILES) {
    it(`${fileName} parses, has no cycles and schedules`, () => {
      const template = load(fileName);
      expect(`${template.id}.json`).toBe(fileName);
      expect(template.preIndMeetingType).toBe('B');
      const { milestones, dependencies } = templateNetwork(template);
      expect(findCycle(milestones.map((m) => m.id), dependencies)).toBeNull();
      const schedule = computeSchedule(milestones, dependencies, { anchor: '2026-01-05', calendar: 'calendar' });
      expect(schedule.criticalPath[0]).toBe('secretome-characterisation');
      expect(schedule.criticalPath).toContain('ind-in-effect');
      for (const stage of template.stages) {
        expect(stage.milestones.length, stage.kind).toBeGreaterThan(0);
        for (const m of stage.milestones) {
          expect(m.citation.length, m.key).toBeGreaterThan(0);
          expect(m.description.length, m.key).toBeGreaterThan(0);
        }
      }
    });
  }

  it('runs the stages in pathway order, with the combined variant in place of phase I and II', () => {
    expect(load('fda-ind-secretome.json').stages.map((stage) => stage.kind)).toEqual([
      'in-vitro',
      'in-vivo',
      'pre-ind',
      'ind',
      'phase-1',
      'phase-2',
    ]);
    expect(load('fda-ind-secretome-phase1-2.json').stages.map((stage) => stage.kind)).toEqual([
      'in-vitro',
      'in-vivo',
      'pre-ind',
      'ind',
      'phase-1-2',
    ]);
  });

  it('models the 30-day IND review as a 30-day lag and agrees with the clock', () => {
    for (const fileName of FILES) {
      const template = load(fileName);
      expect(milestone(template, 'fda-receives-ind').clockEvent).toBe('ind-received');
      const inEffect = milestone(template, 'ind-in-effect');
      expect(inEffect).toMatchObject({ gate: true, clockEvent: 'ind-in-effect', citation: '21 CFR 312.40(b)' });
      expect(inEffect.dependsOn).toEqual([{ key: 'fda-receives-ind', lagDays: 30 }]);
      expect(milestone(template, 'ind-submitted').gate).toBe(true);
      expect(milestone(template, 'first-patient-dosed').gate).toBe(true);

      const { milestones, dependencies } = templateNetwork(template);
      const schedule = computeSchedule(milestones, dependencies, { anchor: '2026-01-05', calendar: 'calendar' });
      const rows = new Map(schedule.milestones.map((row) => [row.id, row]));
      const received = rows.get('fda-receives-ind')!.forecastFinish;
      const clock = computeClocks('ind-received', received).find((row) => row.rule === 'ind.in-effect');
      expect(rows.get('ind-in-effect')!.forecastStart).toBe(clock!.date);
    }
  });

  it('models the pre-IND meeting on the Type B timeline', () => {
    const template = load('fda-ind-secretome.json');
    const b = MEETING_TIMELINES.B;
    expect(milestone(template, 'fda-receives-meeting-request')).toMatchObject({
      clockEvent: 'meeting-request-received',
      meetingType: 'B',
    });
    expect(milestone(template, 'pre-ind-meeting-held').clockEvent).toBe('meeting-held');
    expect(milestone(template, 'pre-ind-meeting-held').dependsOn).toContainEqual({
      key: 'fda-receives-meeting-request',
      lagDays: b.meetingHeldByDays,
    });
    expect(milestone(template, 'pre-ind-meeting-minutes-received').dependsOn).toEqual([
      { key: 'pre-ind-meeting-held', lagDays: 30 },
    ]);
    const { milestones, dependencies } = templateNetwork(template);
    const schedule = computeSchedule(milestones, dependencies, { anchor: '2026-01-05', calendar: 'calendar' });
    const rows = new Map(schedule.milestones.map((row) => [row.id, row]));
    const received = rows.get('fda-receives-meeting-request')!.forecastStart;
    const held = rows.get('pre-ind-meeting-held')!.forecastStart;
    expect(held).toBe(addDays(received, 60));
    expect(rows.get('briefing-package-submitted')!.forecastStart).toBe(addDays(held, -30));
    expect(rows.get('preliminary-responses-received')!.forecastStart).toBe(addDays(held, -2));
    expect(milestone(template, 'fda-receives-eop1-meeting-request').meetingType).toBe('B-EOP');
  });

  it('accepts the template as JSON text too', () => {
    const text = readFileSync(new URL('../../templates/pathways/fda-ind-secretome.json', import.meta.url), 'utf8');
    expect(parsePathwayTemplate(text, 'fda-ind-secretome.json').id).toBe('fda-ind-secretome');
  });
});

describe('broken templates name the file and the field', () => {
  it('reports a bad duration with its path', () => {
    const broken = shippedCopy();
    broken.stages[2]!.milestones[1]!.durationDays = -3;
    const error = templateError(broken);
    expect(error.message).toBe('fda-ind-secretome.json: stages[2].milestones[1].durationDays: expected a number >= 0');
    expect(error.issues).toEqual([{ path: 'stages[2].milestones[1].durationDays', message: 'expected a number >= 0' }]);
  });

  it('reports missing, mistyped and unknown fields', () => {
    const broken = shippedCopy();
    delete broken.stages[0]!.milestones[0]!.citation;
    broken.stages[1]!.milestones[0]!.gate = 'yes';
    broken.stages[1]!.milestones[1]!.dependOn = [];
    broken.stages[3]!.milestones[0]!.clockEvent = 'ind-approved';
    const lines = templateError(broken).message.split('\n');
    expect(lines).toContain('fda-ind-secretome.json: stages[0].milestones[0].citation: required (expected a string)');
    expect(lines).toContain('fda-ind-secretome.json: stages[1].milestones[0].gate: expected true or false');
    expect(lines).toContain('fda-ind-secretome.json: stages[1].milestones[1]: unknown field "dependOn"');
    expect(lines.find((line) => line.includes('stages[3].milestones[0].clockEvent'))).toMatch(/expected one of: .*ind-received/);
  });

  it('reports duplicate keys and unknown dependencies', () => {
    const broken = shippedCopy();
    broken.stages[1]!.milestones[0]!.key = 'secretome-characterisation';
    broken.stages[2]!.milestones[0]!.dependsOn = [{ key: 'no-such-step', lagDays: 0 }];
    const lines = templateError(broken).message.split('\n');
    expect(lines).toContain(
      'fda-ind-secretome.json: stages[1].milestones[0].key: duplicate key "secretome-characterisation" (first used at stages[0].milestones[0].key)',
    );
    expect(lines).toContain('fda-ind-secretome.json: stages[2].milestones[0].dependsOn[0].key: unknown milestone key "no-such-step"');
  });

  it('reports a dependency cycle with the ids along it', () => {
    const broken = shippedCopy();
    // secretome-characterisation is first in the pathway; making it wait for the IND closes a loop.
    broken.stages[0]!.milestones[0]!.dependsOn = [{ key: 'ind-in-effect', lagDays: 0 }];
    const error = templateError(broken);
    expect(error.issues).toHaveLength(1);
    expect(error.message).toMatch(/^fda-ind-secretome\.json: stages\[\d+\]\.milestones\[\d+\]\.dependsOn\[\d+\]: dependency cycle: /);
    expect(error.message).toContain('ind-in-effect -> secretome-characterisation');
    const cycle = error.message.split('dependency cycle: ')[1]!.split(' -> ');
    expect(cycle[0]).toBe(cycle[cycle.length - 1]);
  });

  it('reports stages out of order and a mixed phase design', () => {
    const broken = shippedCopy();
    [broken.stages[0], broken.stages[1]] = [broken.stages[1]!, broken.stages[0]!];
    expect(templateError(broken).message).toContain('stages[1].kind: "in-vitro" cannot follow "in-vivo"');
    const mixed = shippedCopy();
    mixed.stages[5]!.kind = 'phase-1-2';
    expect(templateError(mixed).message).toMatch(/stages\[5\]\.kind: .*phase-1-2/);
  });

  it('reports invalid JSON text and a non-object document', () => {
    expect(templateError('{ "id": ', 'x.json').message).toMatch(/^x\.json: not valid JSON/);
    expect(templateError([], 'x.json').message).toMatch(/^x\.json: /);
  });
});
