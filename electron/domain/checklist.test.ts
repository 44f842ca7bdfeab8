import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { Due as DueDateSchema, type Due as DueDate, type ItemStatusId as ItemStatus } from '../contract/checklist';
import {
  appliesTo,
  defaultDueFor,
  describeCondition,
  generateChecklist,
  isOverdue,
  planRegeneration,
  resolveDueDate,
  validateStatusChange,
  type ExistingItemRef,
} from './checklist';
import {
  STANDARD_GATES,
  evaluateGate,
  gate,
  inGateScope,
  summarise,
  type ReadinessItem,
  type ScopedReadinessItem,
} from './checklistReadiness';
import {
  parseChecklistTemplate,
  type ChecklistTemplate,
  type Condition,
  type ProfileFacts,
  type StageKind,
  type TemplateKind,
} from './checklistTemplate';

const CULTURED_MSC = {
  sourceKind: 'cell-culture',
  producingCell: 'msc',
  doseUnit: 'per-kg',
  routeCategory: 'intravenous',
  subpartE: false,
  trialPhase: 'phase-1',
} as const;
const EV_PROFILE: ProfileFacts = { donorType: 'allogeneic', fraction: 'ev', oxygen: 'hypoxia', serumFree: false, ...CULTURED_MSC };
const CM_PROFILE: ProfileFacts = {
  donorType: 'autologous',
  fraction: 'conditioned-medium',
  oxygen: 'normoxia',
  serumFree: true,
  ...CULTURED_MSC,
};

function loadTemplate(fileName: string): ChecklistTemplate {
  const url = new URL(`../../templates/checklists/${fileName}`, import.meta.url);
  return parseChecklistTemplate(JSON.parse(readFileSync(url, 'utf8')), fileName);
}

const SHIPPED = ['ind-initial.json', 'cmc-secretome.json', 'preclinical.json', 'pre-ind-meeting.json', 'clinical.json'].map(
  loadTemplate,
);

describe('appliesTo', () => {
  it('applies an absent condition to every product', () => {
    expect(appliesTo(undefined, EV_PROFILE)).toBe(true);
    expect(appliesTo(null, CM_PROFILE)).toBe(true);
  });

  it('matches equals and in on enum and boolean fields', () => {
    expect(appliesTo({ field: 'fraction', in: ['ev', 'exosome'] }, EV_PROFILE)).toBe(true);
    expect(appliesTo({ field: 'fraction', in: ['ev', 'exosome'] }, CM_PROFILE)).toBe(false);
    expect(appliesTo({ field: 'serumFree', equals: false }, EV_PROFILE)).toBe(true);
    expect(appliesTo({ field: 'serumFree', equals: false }, CM_PROFILE)).toBe(false);
    expect(appliesTo({ field: 'donorType', equals: 'autologous' }, CM_PROFILE)).toBe(true);
  });

  it('combines with all, any and not', () => {
    const evWithSerum: Condition = { all: [{ field: 'fraction', in: ['ev', 'exosome'] }, { field: 'serumFree', equals: false }] };
    expect(appliesTo(evWithSerum, EV_PROFILE)).toBe(true);
    expect(appliesTo(evWithSerum, { ...EV_PROFILE, serumFree: true })).toBe(false);
    const hypoxicOrAllogeneic: Condition = { any: [{ field: 'oxygen', equals: 'hypoxia' }, { field: 'donorType', equals: 'allogeneic' }] };
    expect(appliesTo(hypoxicOrAllogeneic, CM_PROFILE)).toBe(false);
    expect(appliesTo(hypoxicOrAllogeneic, { ...CM_PROFILE, oxygen: 'hypoxia' })).toBe(true);
    expect(appliesTo({ not: { field: 'fraction', equals: 'lyophilised-secretome' } }, EV_PROFILE)).toBe(true);
  });

  it('reads only the condition fields, so a full product profile works as input', () => {
    const profile = {
      ...EV_PROFILE,
      name: 'AF-EV',
      code: 'AFEV-01',
      sponsor: 'Example Bio',
      sourceCell: 'AFSC',
      sourceTissue: 'amniotic fluid',
      passageWindow: 'P3-P5',
      indication: 'severe COVID-19',
      route: 'IV',
      doseBasis: 'particles/kg',
      indNumber: null,
    };
    expect(appliesTo({ field: 'fraction', equals: 'ev' }, profile)).toBe(true);
  });
});

describe('describeCondition', () => {
  it('reads as plain English', () => {
    expect(describeCondition({ field: 'fraction', in: ['ev', 'exosome'] })).toBe('only for EV or exosome fractions');
    expect(describeCondition({ field: 'fraction', equals: 'lyophilised-secretome' })).toBe('only for lyophilised secretome fraction');
    expect(describeCondition({ field: 'donorType', equals: 'allogeneic' })).toBe('only for allogeneic donors');
    expect(describeCondition({ field: 'oxygen', equals: 'hypoxia' })).toBe('only for hypoxic culture');
    expect(describeCondition({ field: 'serumFree', equals: false })).toBe('only for culture in serum-containing medium');
    expect(describeCondition(undefined)).toBe('applies to every product');
    expect(describeCondition({ field: 'sourceKind', equals: 'cell-culture' })).toBe('only for cell-culture sources');
    expect(describeCondition({ field: 'producingCell', equals: 'msc' })).toBe('only for MSC-derived products');
    expect(describeCondition({ field: 'doseUnit', equals: 'per-cm2' })).toBe('only for doses per cm²');
    expect(describeCondition({ field: 'trialPhase', equals: 'phase-1-2' })).toBe('only for a first trial that is phase I/II');
    expect(describeCondition({ field: 'subpartE', equals: true })).toBe('only for subpart E / accelerated-approval products');
  });

  it('describes combinators with brackets where nesting needs them', () => {
    expect(
      describeCondition({ all: [{ field: 'fraction', in: ['ev', 'exosome'] }, { field: 'serumFree', equals: false }] }),
    ).toBe('only for EV or exosome fractions and culture in serum-containing medium');
    expect(describeCondition({ not: { field: 'oxygen', equals: 'hypoxia' } })).toBe('except for hypoxic culture');
    expect(
      describeCondition({
        any: [
          { field: 'donorType', equals: 'allogeneic' },
          { all: [{ field: 'fraction', equals: 'exosome' }, { not: { field: 'serumFree', equals: true } }] },
        ],
      }),
    ).toBe('only for allogeneic donors, or (exosome fraction and not culture in serum-free medium)');
  });
});

describe('validateStatusChange', () => {
  it('allows any move between working statuses, backwards included', () => {
    expect(validateStatusChange('not-started', 'approved', null)).toBeNull();
    expect(validateStatusChange('submitted', 'drafting', undefined)).toBeNull();
    expect(validateStatusChange('not-applicable', 'in-review', '')).toBeNull();
  });

  it('requires a written justification for not applicable', () => {
    expect(validateStatusChange('drafting', 'not-applicable', '')).toMatch(/justification/);
    expect(validateStatusChange('drafting', 'not-applicable', '   ')).toMatch(/justification/);
    expect(validateStatusChange('drafting', 'not-applicable', null)).toMatch(/justification/);
    expect(validateStatusChange('drafting', 'not-applicable', 'Product is not radiolabelled.')).toBeNull();
  });

  it('refuses an unknown status arriving from outside the type system', () => {
    expect(validateStatusChange('drafting', 'done' as ItemStatus, null)).toMatch(/Unknown status "done"/);
  });
});

// --- regeneration ----------------------------------------------------------------------

type StoredItem = ExistingItemRef & { id: number; owner: string | null; notes: string; naJustification: string | null };

const MINI: ChecklistTemplate = parseChecklistTemplate(
  {
    id: 'mini',
    name: 'Mini',
    description: 'Fixture',
    version: 1,
    kind: 'cmc',
    items: [
      { id: 'mini-always', section: 'S', sectionTitle: 'S', title: 'Always', guidance: 'g', citation: 'c', required: true, stage: 'ind' },
      {
        id: 'mini-ev',
        section: 'S',
        sectionTitle: 'S',
        title: 'EV only',
        guidance: 'g',
        citation: 'c',
        required: true,
        stage: 'in-vitro',
        appliesWhen: { field: 'fraction', in: ['ev', 'exosome'] },
      },
      {
        id: 'mini-allo',
        section: 'S',
        sectionTitle: 'S',
        title: 'Allogeneic only',
        guidance: 'g',
        citation: 'c',
        required: true,
        stage: 'in-vitro',
        appliesWhen: { field: 'donorType', equals: 'allogeneic' },
      },
      { id: 'mini-p12', section: 'S', sectionTitle: 'S', title: 'Merged phase', guidance: 'g', citation: 'c', required: true, stage: 'phase-1-2' },
    ],
  },
  'mini.json',
);

function stored(id: number, templateItemId: string | null, extra: Partial<StoredItem> = {}): StoredItem {
  return Object.freeze({
    id,
    templateItemId,
    status: 'drafting',
    applicable: true,
    owner: 'R. Affairs',
    notes: `notes for ${id}`,
    naJustification: null,
    ...extra,
  });
}

describe('planRegeneration', () => {
  it('generates every applicable item for a new product', () => {
    expect(generateChecklist([MINI], EV_PROFILE).map((p) => p.item.id)).toEqual(['mini-always', 'mini-ev', 'mini-allo', 'mini-p12']);
    expect(generateChecklist([MINI], CM_PROFILE).map((p) => p.item.id)).toEqual(['mini-always', 'mini-p12']);
    expect(generateChecklist([MINI], CM_PROFILE)[0]).toMatchObject({ templateId: 'mini', templateKind: 'cmc' });
  });

  it('flags items whose condition no longer holds and never deletes or edits them', () => {
    const existing = [
      stored(1, 'mini-always'),
      stored(2, 'mini-ev', { status: 'approved', notes: 'signed off by QA' }),
      stored(3, 'mini-allo'),
      stored(4, null, { notes: 'custom item' }),
      stored(5, 'mini-p12'),
    ];
    const plan = planRegeneration([MINI], { ...EV_PROFILE, fraction: 'conditioned-medium' }, existing);
    expect(plan.toAdd).toEqual([]);
    expect(plan.toMarkInapplicable).toEqual([existing[1]]);
    // The very same objects come back, unmodified (they are frozen), so user fields survive.
    expect(plan.toMarkInapplicable[0]).toBe(existing[1]);
    expect(plan.toMarkInapplicable[0]?.notes).toBe('signed off by QA');
    expect(plan.toMarkApplicable).toEqual([]);
    expect(plan.orphaned).toEqual([]);
  });

  it('re-activates flagged items when their condition holds again, and adds newly applicable ones', () => {
    const existing = [stored(1, 'mini-always'), stored(2, 'mini-ev', { applicable: false }), stored(4, null)];
    const plan = planRegeneration([MINI], EV_PROFILE, existing);
    expect(plan.toMarkApplicable).toEqual([existing[1]]);
    expect(plan.toAdd.map((p) => p.item.id)).toEqual(['mini-allo', 'mini-p12']);
    expect(plan.toMarkInapplicable).toEqual([]);
  });

  it('leaves already-flagged inapplicable items alone and never re-adds a flagged item', () => {
    const existing = [stored(1, 'mini-always'), stored(2, 'mini-ev', { applicable: false }), stored(3, 'mini-p12')];
    const plan = planRegeneration([MINI], CM_PROFILE, existing);
    expect(plan).toEqual({ toAdd: [], toMarkInapplicable: [], toMarkApplicable: [], orphaned: [] });
  });

  it('never puts custom items in any part of the plan', () => {
    const custom = [stored(10, null), stored(11, null, { applicable: false })];
    const plan = planRegeneration([MINI], CM_PROFILE, custom);
    const touched = [...plan.toMarkApplicable, ...plan.toMarkInapplicable, ...plan.orphaned];
    expect(touched).toEqual([]);
  });

  it('reports items whose template item has disappeared as orphaned, not inapplicable', () => {
    const gone = stored(7, 'mini-removed-in-v2');
    const plan = planRegeneration([MINI], EV_PROFILE, [gone]);
    expect(plan.orphaned).toEqual([gone]);
    expect(plan.toMarkInapplicable).toEqual([]);
  });

  it('with stage kinds given, skips items for stages absent from the pathway', () => {
    const separatePhases: StageKind[] = ['in-vitro', 'in-vivo', 'pre-ind', 'ind', 'phase-1', 'phase-2'];
    expect(generateChecklist([MINI], EV_PROFILE, { stageKinds: separatePhases }).map((p) => p.item.id)).not.toContain('mini-p12');
    const existing = [stored(1, 'mini-p12')];
    expect(planRegeneration([MINI], EV_PROFILE, existing, { stageKinds: separatePhases }).toMarkInapplicable).toEqual(existing);
  });

  it('gives the shipped templates the right items for two contrasting profiles', () => {
    const ev = new Set(generateChecklist(SHIPPED, EV_PROFILE).map((p) => p.item.id));
    const cm = new Set(generateChecklist(SHIPPED, CM_PROFILE).map((p) => p.item.id));
    for (const id of ['cmc-secretome-donor-eligibility', 'cmc-secretome-hypoxia', 'cmc-secretome-serum-components', 'cmc-secretome-ev-lipoproteins', 'cmc-secretome-msc-ev-integrity']) {
      expect(ev.has(id), id).toBe(true);
      expect(cm.has(id), id).toBe(false);
    }
    for (const id of ['cmc-secretome-autologous-source', 'cmc-secretome-serum-free-medium']) {
      expect(cm.has(id), id).toBe(true);
      expect(ev.has(id), id).toBe(false);
    }
    expect([...ev].some((id) => id.includes('-lyo-'))).toBe(false);
    const lyo = generateChecklist(SHIPPED, { ...CM_PROFILE, fraction: 'lyophilised-secretome' }).map((p) => p.item.id);
    expect(lyo.filter((id) => id.includes('-lyo-'))).toHaveLength(5);
    // Profile-independent items are shared.
    expect(ev.has('ind-initial-a1-form-1571') && cm.has('ind-initial-a1-form-1571')).toBe(true);
  });

  it('gives a merged phase I/II pathway one clinical set, not three', () => {
    const merged = generateChecklist(SHIPPED, EV_PROFILE, { stageKinds: ['in-vitro', 'in-vivo', 'pre-ind', 'ind', 'phase-1-2'] });
    const clinical = merged.filter((p) => p.templateKind === 'clinical');
    expect(new Set(clinical.map((p) => p.item.stage))).toEqual(new Set(['phase-1-2']));
    expect(clinical.filter((p) => p.item.title.includes('Form FDA 1572'))).toHaveLength(1);
  });
});

// --- readiness -------------------------------------------------------------------------

function item(id: string, status: ItemStatus, extra: Partial<ReadinessItem> = {}): ReadinessItem {
  return { id, title: `Item ${id}`, status, required: true, applicable: true, naJustification: null, ...extra };
}

describe('summarise', () => {
  it('counts by status and treats only approved, submitted and justified N/A as done', () => {
    const s = summarise([
      item('a', 'approved'),
      item('b', 'submitted'),
      item('c', 'not-applicable', { naJustification: 'Not radiolabelled.' }),
      item('d', 'not-applicable'),
      item('e', 'in-review', { required: false }),
      item('f', 'drafting'),
      item('g', 'approved', { applicable: false }),
    ]);
    expect(s.byStatus).toEqual({ 'not-started': 0, drafting: 1, 'in-review': 1, approved: 1, submitted: 1, 'not-applicable': 2 });
    expect(s.total).toBe(6);
    expect(s.required).toBe(5);
    expect(s.done).toBe(3);
    expect(s.requiredDone).toBe(3);
    expect(s.percent).toBe(50);
    expect(s.flaggedInapplicable).toBe(1);
  });

  it('rounds down so 100 percent means everything is done, and reports 0 for an empty list', () => {
    const items = [...Array.from({ length: 199 }, (_, i) => item(`ok${i}`, 'approved')), item('last', 'drafting')];
    expect(summarise(items).percent).toBe(99);
    expect(summarise([]).percent).toBe(0);
  });
});

describe('gate', () => {
  it('is ready when every required applicable item is approved, submitted or justified N/A', () => {
    const result = gate([
      item('a', 'approved'),
      item('b', 'submitted'),
      item('c', 'not-applicable', { naJustification: 'Sponsor keeps all obligations.' }),
      item('d', 'not-started', { required: false }),
      item('e', 'drafting', { applicable: false }),
    ]);
    expect(result).toEqual({ ready: true, blockers: [], considered: 3 });
  });

  it('lists each blocker with its status and a reason', () => {
    const result = gate([item('a', 'approved'), item('b', 'in-review'), item('c', 'not-applicable', { naJustification: ' ' })]);
    expect(result.ready).toBe(false);
    expect(result.blockers).toEqual([
      { id: 'b', title: 'Item b', status: 'in-review', reason: 'In review; needs to be Approved or Submitted (or not applicable with a justification).' },
      { id: 'c', title: 'Item c', status: 'not-applicable', reason: 'Marked not applicable without a written justification.' },
    ]);
  });

  it('honours requiredOnly and accept options', () => {
    const items = [item('a', 'approved'), item('b', 'approved', { required: false }), item('c', 'not-started', { required: false })];
    expect(gate(items).ready).toBe(true);
    expect(gate(items, { requiredOnly: false }).blockers.map((b) => b.id)).toEqual(['c']);
    expect(gate([item('a', 'approved')], { accept: ['submitted'] }).blockers.map((b) => b.id)).toEqual(['a']);
  });

  it('is not ready when nothing is in scope: an empty checklist is no evidence of readiness', () => {
    expect(gate([])).toEqual({ ready: false, blockers: [], considered: 0 });
    expect(gate([item('a', 'approved', { applicable: false })]).ready).toBe(false);
  });
});

function scoped(
  id: string,
  checklistKind: TemplateKind,
  stage: StageKind,
  status: ItemStatus,
  milestone: string | null = null,
): ScopedReadinessItem {
  return { ...item(id, status), checklistKind, stage, milestone };
}

describe('standard gates', () => {
  it('defines the three gates with labels and guarded milestones', () => {
    expect(STANDARD_GATES['ind-ready']).toMatchObject({ label: 'IND ready to submit', milestone: 'ind-submitted' });
    expect(STANDARD_GATES['pre-ind-ready'].milestone).toBe('briefing-package-submitted');
    expect(STANDARD_GATES['phase-1-ready'].milestone).toBe('first-patient-dosed');
  });

  it('ind-ready covers the IND, CMC and preclinical checklists only', () => {
    const items = [
      scoped('ind', 'ind', 'ind', 'approved', 'ind-submitted'),
      scoped('cmc', 'cmc', 'in-vitro', 'drafting', 'potency-assay-qualified'),
      scoped('tox', 'preclinical', 'in-vivo', 'in-review', 'glp-tox-final-report-signed'),
      scoped('meeting', 'pre-ind-meeting', 'pre-ind', 'not-started'),
      scoped('trial', 'clinical', 'phase-1', 'not-started'),
    ];
    const result = evaluateGate('ind-ready', items);
    expect(result.ready).toBe(false);
    expect(result.blockers.map((b) => b.id)).toEqual(['cmc', 'tox']);
    expect(result.gate.id).toBe('ind-ready');
  });

  it('pre-ind-ready ignores items tied to later milestones (preliminary responses, minutes)', () => {
    const items = [
      scoped('request', 'pre-ind-meeting', 'pre-ind', 'submitted', 'pre-ind-meeting-request-sent'),
      scoped('package', 'pre-ind-meeting', 'pre-ind', 'approved', 'briefing-package-submitted'),
      scoped('prelim', 'pre-ind-meeting', 'pre-ind', 'not-started', 'pre-ind-meeting-held'),
      scoped('minutes', 'pre-ind-meeting', 'pre-ind', 'not-started', 'pre-ind-meeting-minutes-received'),
    ];
    expect(evaluateGate('pre-ind-ready', items)).toMatchObject({ ready: true, considered: 2 });
  });

  it('phase-1-ready takes phase 1 and phase I/II clinical items, not phase 2 or the annual report', () => {
    const items = [
      scoped('p1', 'clinical', 'phase-1', 'approved', 'first-patient-dosed'),
      scoped('p12', 'clinical', 'phase-1-2', 'drafting', 'first-patient-dosed'),
      scoped('p2', 'clinical', 'phase-2', 'not-started'),
      scoped('annual', 'clinical', 'phase-1', 'not-started', 'annual-report-year-1'),
      scoped('custom', 'clinical', 'phase-1', 'approved', 'a-milestone-this-module-does-not-know'),
    ];
    const result = evaluateGate('phase-1-ready', items);
    expect(result.blockers.map((b) => b.id)).toEqual(['p12']);
    expect(result.considered).toBe(3);
    expect(inGateScope(STANDARD_GATES['phase-1-ready'], items[3] as ScopedReadinessItem)).toBe(false);
  });

  it('a fresh product generated from the shipped templates blocks every gate until work is done', () => {
    const planned = generateChecklist(SHIPPED, EV_PROFILE, { stageKinds: ['in-vitro', 'in-vivo', 'pre-ind', 'ind', 'phase-1', 'phase-2'] });
    const fresh: ScopedReadinessItem[] = planned.map((p) => ({
      id: p.item.id,
      title: p.item.title,
      status: 'not-started',
      required: p.item.required,
      applicable: true,
      checklistKind: p.templateKind,
      stage: p.item.stage,
      milestone: p.item.milestone ?? null,
    }));
    for (const id of ['ind-ready', 'pre-ind-ready', 'phase-1-ready'] as const) {
      const result = evaluateGate(id, fresh);
      expect(result.ready).toBe(false);
      expect(result.blockers.length).toBe(result.considered);
    }
    const done = fresh.map((f) => ({ ...f, status: 'approved' as const }));
    for (const id of ['ind-ready', 'pre-ind-ready', 'phase-1-ready'] as const) expect(evaluateGate(id, done).ready).toBe(true);
    // Phase 1 documents: protocol, IB, consent, IRB, 1572, 3674, safety monitoring, sentinel dosing, safety reporting, annual report.
    expect(evaluateGate('phase-1-ready', done).considered).toBe(10);
  });
});

// --- due dates -------------------------------------------------------------------------

describe('due dates', () => {
  const milestones = new Map([
    ['pre-ind-meeting-held', '2026-03-10'],
    ['ind-submitted', '2026-12-20'],
  ]);

  it('resolves fixed dates and milestone offsets in calendar days', () => {
    expect(resolveDueDate({ due: { kind: 'fixed', date: '2026-05-01' } }, milestones)).toBe('2026-05-01');
    expect(resolveDueDate({ due: { kind: 'milestone', milestone: 'pre-ind-meeting-held', offsetDays: -30 } }, milestones)).toBe('2026-02-08');
    expect(resolveDueDate({ due: { kind: 'milestone', milestone: 'ind-submitted', offsetDays: 30 } }, milestones)).toBe('2027-01-19');
    expect(resolveDueDate({ due: { kind: 'milestone', milestone: 'ind-submitted', offsetDays: 0 } }, milestones)).toBe('2026-12-20');
  });

  it('returns null without a due date or without a date for the milestone', () => {
    expect(resolveDueDate({}, milestones)).toBeNull();
    expect(resolveDueDate({ due: null }, milestones)).toBeNull();
    expect(resolveDueDate({ due: { kind: 'milestone', milestone: 'ind-in-effect', offsetDays: 5 } }, milestones)).toBeNull();
  });

  it('handles leap days and refuses dates that do not exist', () => {
    const after = (date: string, offsetDays: number): string | null =>
      resolveDueDate({ due: { kind: 'milestone', milestone: 'm', offsetDays } }, new Map([['m', date]]));
    expect(after('2028-02-28', 1)).toBe('2028-02-29');
    expect(after('2027-02-28', 1)).toBe('2027-03-01');
    expect(after('2028-03-01', -1)).toBe('2028-02-29');
    expect(() => after('2027-02-29', 1)).toThrow(RangeError);
    expect(() => after('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => resolveDueDate({ due: { kind: 'fixed', date: '2026-13-01' } }, milestones)).toThrow(/not a calendar date/);
    expect(() => isOverdue({ status: 'drafting' }, '1 May 2026')).toThrow(RangeError);
  });

  it('is overdue only after the due day, and only while the item is open and applicable', () => {
    const due: DueDate = { kind: 'fixed', date: '2026-05-01' };
    expect(isOverdue({ status: 'drafting', due }, '2026-05-01')).toBe(false);
    expect(isOverdue({ status: 'drafting', due }, '2026-05-02')).toBe(true);
    expect(isOverdue({ status: 'approved', due }, '2026-06-01')).toBe(false);
    expect(isOverdue({ status: 'not-applicable', due }, '2026-06-01')).toBe(false);
    expect(isOverdue({ status: 'drafting', due, applicable: false }, '2026-06-01')).toBe(false);
    expect(isOverdue({ status: 'drafting' }, '2026-06-01')).toBe(false);
  });

  it('resolves milestone-relative due dates when checking overdue', () => {
    const due: DueDate = { kind: 'milestone', milestone: 'pre-ind-meeting-held', offsetDays: -30 };
    expect(isOverdue({ status: 'in-review', due }, '2026-02-09', milestones)).toBe(true);
    expect(isOverdue({ status: 'in-review', due }, '2026-02-09')).toBe(false);
  });

  it('validates stored due dates with the contract\'s Due schema', () => {
    expect(DueDateSchema.safeParse({ kind: 'fixed', date: '2026-02-30' }).success).toBe(false);
    expect(DueDateSchema.safeParse({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: -7 }).success).toBe(true);
    expect(DueDateSchema.safeParse({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: 0.5 }).success).toBe(false);
  });

  it('seeds a generated item due date from its template default', () => {
    const meeting = SHIPPED.find((t) => t.id === 'pre-ind-meeting');
    const minutes = meeting?.items.find((i) => i.id === 'pre-ind-meeting-minutes-received');
    if (minutes === undefined) throw new Error('minutes item missing');
    const due = defaultDueFor(minutes);
    expect(due).toEqual({ kind: 'milestone', milestone: 'pre-ind-meeting-held', offsetDays: 30 });
    expect(resolveDueDate({ due }, milestones)).toBe('2026-04-09');
    const first = SHIPPED[0]?.items[0];
    if (first === undefined) throw new Error('no items');
    expect(defaultDueFor(first)).toBeNull();
  });
});
