import { describe, expect, it } from 'vitest';
import type { Checklist, ChecklistItem, ChecklistsView, Summary } from '../../../../../electron/contract';
import {
  describeDue,
  draftOf,
  dueOf,
  ectdLabel,
  EMPTY_FILTERS,
  flatten,
  groupAt,
  isFiltering,
  matches,
  moveFocus,
  NO_OWNER,
  ownersOf,
  pageStep,
  sameDue,
  sectionLabel,
  stagesOf,
  STATUS_OPTIONS,
  type ItemFilters,
} from './items';

function item(fields: Partial<ChecklistItem> & Pick<ChecklistItem, 'id' | 'checklistId' | 'section'>): ChecklistItem {
  return {
    templateItemId: `t-${fields.id}`,
    sectionTitle: '',
    title: `Item ${fields.id}`,
    guidance: '',
    citation: '',
    required: true,
    stage: 'ind',
    milestone: null,
    ectdModule: null,
    appliesWhen: null,
    applicable: true,
    status: 'not-started',
    justification: '',
    owner: '',
    due: null,
    dueDate: null,
    overdue: false,
    documentPath: '',
    documentExists: null,
    notes: '',
    position: 0,
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  };
}

const summary: Summary = { total: 0, required: 0, done: 0, requiredDone: 0, percent: 0, flaggedInapplicable: 0, byStatus: {} };
const checklist = (id: string, items: ChecklistItem[]): Checklist => ({ id, templateId: null, templateVersion: null, kind: 'ind', name: `Checklist ${id}`, items, summary });

// IND: section 312.23(a)(1) (its title only on the second item), then (a)(7); CMC: one EV section.
const i1 = item({ id: 'i1', checklistId: 'ind', section: '312.23(a)(1)', title: 'Form FDA 1571 signed', owner: 'Regulatory lead', status: 'approved' });
const i2 = item({ id: 'i2', checklistId: 'ind', section: '312.23(a)(1)', sectionTitle: 'Cover sheet', title: 'Form FDA 3674', required: false, overdue: true });
const i3 = item({ id: 'i3', checklistId: 'ind', section: '312.23(a)(7)', sectionTitle: 'CMC information', title: 'Drug substance', guidance: 'Describe the conditioned medium', stage: 'pre-ind', owner: 'CMC lead', status: 'drafting' });
const c1 = item({ id: 'c1', checklistId: 'cmc', section: 'MISEV', sectionTitle: 'EV characterisation', title: 'Positive marker CD9', citation: 'MISEV2023 §5', stage: 'in-vitro', owner: 'Analytics' });
const c2 = item({ id: 'c2', checklistId: 'cmc', section: 'MISEV', sectionTitle: 'EV characterisation', title: 'Contaminant: calnexin', status: 'not-applicable', owner: 'Analytics' });

const view: ChecklistsView = {
  productId: 'p1',
  today: '2026-03-15',
  checklists: [checklist('ind', [i1, i2, i3]), checklist('cmc', [c1, c2]), checklist('empty', [])],
  summary,
  byStage: [],
  gates: [],
};

const filters = (f: Partial<ItemFilters>): ItemFilters => ({ ...EMPTY_FILTERS, ...f });
const shownIds = (f: Partial<ItemFilters>) => flatten(view, filters(f)).items.map((i) => i.id);

describe('filters', () => {
  it('count as filtering once any filter is set; blank search does not', () => {
    expect(isFiltering(EMPTY_FILTERS)).toBe(false);
    expect(isFiltering(filters({ search: '   ' }))).toBe(false);
    for (const f of [{ statuses: ['drafting' as const] }, { owner: NO_OWNER }, { checklistId: 'ind' }, { stage: 'ind' as const }, { overdueOnly: true }, { requiredOnly: true }, { search: 'cd9' }]) {
      expect(isFiltering(filters(f))).toBe(true);
    }
  });

  it('filter by status, owner (or nobody), checklist, stage, overdue and required', () => {
    expect(shownIds({})).toEqual(['i1', 'i2', 'i3', 'c1', 'c2']);
    expect(shownIds({ statuses: ['approved', 'drafting'] })).toEqual(['i1', 'i3']);
    expect(shownIds({ owner: 'Analytics' })).toEqual(['c1', 'c2']);
    expect(shownIds({ owner: NO_OWNER })).toEqual(['i2']);
    expect(shownIds({ checklistId: 'cmc' })).toEqual(['c1', 'c2']);
    expect(shownIds({ stage: 'pre-ind' })).toEqual(['i3']);
    expect(shownIds({ overdueOnly: true })).toEqual(['i2']);
    expect(shownIds({ requiredOnly: true })).toEqual(['i1', 'i3', 'c1', 'c2']);
    expect(shownIds({ owner: 'Analytics', statuses: ['not-started'] })).toEqual(['c1']);
  });

  it('search title, guidance, section, section title and citation, ignoring case and surrounding spaces', () => {
    expect(shownIds({ search: ' FORM fda ' })).toEqual(['i1', 'i2']);
    expect(shownIds({ search: 'conditioned medium' })).toEqual(['i3']);
    expect(shownIds({ search: '(a)(7)' })).toEqual(['i3']);
    expect(shownIds({ search: 'cover sheet' })).toEqual(['i2']);
    expect(shownIds({ search: 'misev2023' })).toEqual(['c1']);
    expect(shownIds({ search: 'nothing like this' })).toEqual([]);
  });

  it('matches takes the needle already lowered and trimmed', () => {
    expect(matches(c1, EMPTY_FILTERS, 'cd9')).toBe(true);
    expect(matches(c1, EMPTY_FILTERS, 'CD9')).toBe(false);
  });
});

describe('flatten: the rows of the virtual list', () => {
  it('groups the shown items by checklist, then section in template order, skipping empty checklists', () => {
    const list = flatten(view, EMPTY_FILTERS);
    expect(list.rows.map((r) => r.key)).toEqual(['c:ind', 's:ind:312.23(a)(1)', 'i1', 'i2', 's:ind:312.23(a)(7)', 'i3', 'c:cmc', 's:cmc:MISEV', 'c1', 'c2']);
    expect(list.total).toBe(5);
  });

  it('titles a section from the first item that has a title, and lists its items for section selection', () => {
    const section = flatten(view, EMPTY_FILTERS).rows[1]!;
    expect(section).toEqual({ kind: 'section', key: 's:ind:312.23(a)(1)', checklistId: 'ind', section: '312.23(a)(1)', sectionTitle: 'Cover sheet', itemIds: ['i1', 'i2'] });
  });

  it('counts what each checklist shows against all its items', () => {
    const list = flatten(view, filters({ search: 'form fda' }));
    expect(list.rows.map((r) => r.key)).toEqual(['c:ind', 's:ind:312.23(a)(1)', 'i1', 'i2']);
    expect(list.rows[0]).toMatchObject({ kind: 'checklist', shown: 2 });
    expect(list.total).toBe(5);
  });

  it('places rows by their fixed heights: checklist 42, section 34, item 64', () => {
    const list = flatten(view, EMPTY_FILTERS);
    expect(list.offsets).toEqual([0, 42, 76, 140, 204, 238, 302, 344, 378, 442]);
    expect([...list.rowIndexById]).toEqual([
      ['i1', 2],
      ['i2', 3],
      ['i3', 5],
      ['c1', 8],
      ['c2', 9],
    ]);
  });

  it('finds the checklist and section in force at a scroll offset (the sticky header)', () => {
    const list = flatten(view, EMPTY_FILTERS);
    expect(groupAt(list, -1)).toEqual({ checklist: null, section: null });
    expect(groupAt(list, 0)).toMatchObject({ checklist: { id: 'ind' }, section: null });
    expect(groupAt(list, 41).section).toBeNull();
    expect(groupAt(list, 42)).toMatchObject({ checklist: { id: 'ind' }, section: { section: '312.23(a)(1)' } });
    expect(groupAt(list, 203)).toMatchObject({ checklist: { id: 'ind' }, section: { section: '312.23(a)(1)' } });
    expect(groupAt(list, 250)).toMatchObject({ checklist: { id: 'ind' }, section: { section: '312.23(a)(7)' } });
    expect(groupAt(list, 302)).toMatchObject({ checklist: { id: 'cmc' }, section: null });
    expect(groupAt(list, 10_000)).toMatchObject({ checklist: { id: 'cmc' }, section: { section: 'MISEV' } });
  });
});

describe('filter choices', () => {
  it('lists each owner once, sorted, and the stages present in pathway order', () => {
    expect(ownersOf(view)).toEqual(['Analytics', 'CMC lead', 'Regulatory lead']);
    expect(stagesOf(view)).toEqual(['in-vitro', 'pre-ind', 'ind']);
  });

  it('offers the statuses in workflow order', () => {
    expect(STATUS_OPTIONS.map((o) => o.label)).toEqual(['Not started', 'Drafting', 'In review', 'Approved', 'Submitted', 'Not applicable']);
    expect(STATUS_OPTIONS[5]).toEqual({ value: 'not-applicable', label: 'Not applicable' });
  });

  it('labels sections and eCTD modules', () => {
    expect(sectionLabel('312.23(a)(7)', 'CMC information')).toBe('312.23(a)(7) · CMC information');
    expect(sectionLabel('MISEV', 'MISEV')).toBe('MISEV');
    expect(sectionLabel('MISEV', '')).toBe('MISEV');
    expect(ectdLabel('1')).toBe('M1');
    expect(ectdLabel('3.2.S.4')).toBe('3.2.S.4');
  });
});

describe('keyboard navigation', () => {
  const items = [i1, i2, i3];

  it('moves by one, stopping at either end', () => {
    expect(moveFocus(items, 'i1', 1)).toBe('i2');
    expect(moveFocus(items, 'i3', 1)).toBe('i3');
    expect(moveFocus(items, 'i1', -1)).toBe('i1');
    expect(moveFocus(items, 'i2', 10)).toBe('i3');
    expect(moveFocus(items, 'i3', -items.length)).toBe('i1');
  });

  it('starts from the first item going down and the last going up, also when the focused one is filtered away', () => {
    expect(moveFocus(items, null, 1)).toBe('i1');
    expect(moveFocus(items, null, -1)).toBe('i3');
    expect(moveFocus(items, 'c1', 1)).toBe('i1');
    expect(moveFocus([], null, 1)).toBeNull();
  });

  it('pages by a screenful of items less one', () => {
    expect(pageStep(640)).toBe(9);
    expect(pageStep(undefined)).toBe(8);
    expect(pageStep(50)).toBe(1);
  });
});

describe('due dates', () => {
  it('turn into a draft for the editor and back once complete', () => {
    expect(draftOf(null)).toEqual({ kind: 'none' });
    expect(draftOf({ kind: 'fixed', date: '2026-05-01' })).toEqual({ kind: 'fixed', date: '2026-05-01' });
    expect(draftOf({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: -14 })).toEqual({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: -14 });
    expect(dueOf({ kind: 'none' })).toBeNull();
    expect(dueOf({ kind: 'fixed', date: '2026-05-01' })).toEqual({ kind: 'fixed', date: '2026-05-01' });
    expect(dueOf({ kind: 'fixed', date: null })).toBeUndefined();
    expect(dueOf({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: '-14' })).toEqual({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: -14 });
    expect(dueOf({ kind: 'milestone', milestone: null, offsetDays: 0 })).toBeUndefined();
    expect(dueOf({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: '' })).toBeUndefined();
    expect(dueOf({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: '1.5' })).toBeUndefined();
  });

  it('compare by value', () => {
    expect(sameDue(null, null)).toBe(true);
    expect(sameDue(null, { kind: 'fixed', date: '2026-05-01' })).toBe(false);
    expect(sameDue({ kind: 'fixed', date: '2026-05-01' }, { kind: 'fixed', date: '2026-05-01' })).toBe(true);
    expect(sameDue({ kind: 'fixed', date: '2026-05-01' }, { kind: 'fixed', date: '2026-05-02' })).toBe(false);
    expect(sameDue({ kind: 'milestone', milestone: 'a', offsetDays: 3 }, { kind: 'milestone', milestone: 'a', offsetDays: 3 })).toBe(true);
    expect(sameDue({ kind: 'milestone', milestone: 'a', offsetDays: 3 }, { kind: 'milestone', milestone: 'a', offsetDays: 4 })).toBe(false);
    expect(sameDue({ kind: 'milestone', milestone: 'a', offsetDays: 0 }, { kind: 'fixed', date: '2026-05-01' })).toBe(false);
  });

  it('read as words', () => {
    const name = (key: string) => (key === 'ind-submitted' ? 'IND submitted' : key);
    expect(describeDue(null, name)).toBe('No due date');
    expect(describeDue({ kind: 'fixed', date: '2026-05-01' }, name)).toBe('Fixed: 2026-05-01');
    expect(describeDue({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: 0 }, name)).toBe('On IND submitted');
    expect(describeDue({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: -14 }, name)).toBe('14 days before IND submitted');
    expect(describeDue({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: 1 }, name)).toBe('1 day after IND submitted');
  });
});
