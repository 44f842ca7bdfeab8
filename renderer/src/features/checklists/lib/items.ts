import {
  ITEM_STATUS_IDS,
  ITEM_STATUS_LABELS,
  STAGE_KINDS,
  type Checklist,
  type ChecklistItem,
  type ChecklistsView,
  type Due,
  type ItemStatusId,
} from '../../../../../electron/contract';

export type StageKindId = keyof typeof STAGE_KINDS;

/** Filters of the item list; the empty filter shows every item. */
export interface ItemFilters {
  statuses: ItemStatusId[];
  /** An owner's name, NO_OWNER for items nobody owns, or null for any. */
  owner: string | null;
  checklistId: string | null;
  stage: StageKindId | null;
  overdueOnly: boolean;
  requiredOnly: boolean;
  search: string;
}

/** Filter value for items nobody owns (not a name anyone would type). */
export const NO_OWNER = '__unassigned__';

export const EMPTY_FILTERS: ItemFilters = {
  statuses: [],
  owner: null,
  checklistId: null,
  stage: null,
  overdueOnly: false,
  requiredOnly: false,
  search: '',
};

export function isFiltering(f: ItemFilters): boolean {
  return f.statuses.length > 0 || f.owner !== null || f.checklistId !== null || f.stage !== null || f.overdueOnly || f.requiredOnly || f.search.trim() !== '';
}

export function matches(item: ChecklistItem, f: ItemFilters, needle: string): boolean {
  if (f.statuses.length > 0 && !f.statuses.includes(item.status)) return false;
  if (f.owner !== null && (f.owner === NO_OWNER ? item.owner !== '' : item.owner !== f.owner)) return false;
  if (f.checklistId !== null && item.checklistId !== f.checklistId) return false;
  if (f.stage !== null && item.stage !== f.stage) return false;
  if (f.overdueOnly && !item.overdue) return false;
  if (f.requiredOnly && !item.required) return false;
  if (needle !== '') {
    const haystack = `${item.title}\n${item.guidance}\n${item.section}\n${item.sectionTitle}\n${item.citation}`.toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

export type Row =
  | { kind: 'checklist'; key: string; checklist: Checklist; shown: number }
  | { kind: 'section'; key: string; checklistId: string; section: string; sectionTitle: string; itemIds: string[] }
  | { kind: 'item'; key: string; item: ChecklistItem; checklist: Checklist };

export const ROW_HEIGHT: Record<Row['kind'], number> = { checklist: 42, section: 34, item: 64 };

export interface FlatList {
  rows: Row[];
  /** The items shown, in list order (keyboard navigation walks these). */
  items: ChecklistItem[];
  total: number;
  /** Row index of each shown item. */
  rowIndexById: Map<string, number>;
  /** Top offset of each row (rows have a fixed height per kind). */
  offsets: number[];
}

/** Groups the matching items by checklist, then by section (in template order), as one flat list of rows for the virtualiser. */
export function flatten(view: ChecklistsView, f: ItemFilters): FlatList {
  const needle = f.search.trim().toLowerCase();
  const rows: Row[] = [];
  const items: ChecklistItem[] = [];
  let total = 0;
  for (const checklist of view.checklists) {
    total += checklist.items.length;
    const sections = new Map<string, { title: string; items: ChecklistItem[] }>();
    for (const item of checklist.items) {
      if (!matches(item, f, needle)) continue;
      let group = sections.get(item.section);
      if (!group) {
        group = { title: item.sectionTitle, items: [] };
        sections.set(item.section, group);
      }
      if (!group.title && item.sectionTitle) group.title = item.sectionTitle;
      group.items.push(item);
    }
    const shown = [...sections.values()].reduce((n, s) => n + s.items.length, 0);
    if (shown === 0) continue;
    rows.push({ kind: 'checklist', key: `c:${checklist.id}`, checklist, shown });
    for (const [section, group] of sections) {
      rows.push({ kind: 'section', key: `s:${checklist.id}:${section}`, checklistId: checklist.id, section, sectionTitle: group.title, itemIds: group.items.map((i) => i.id) });
      for (const item of group.items) {
        rows.push({ kind: 'item', key: item.id, item, checklist });
        items.push(item);
      }
    }
  }
  const rowIndexById = new Map<string, number>();
  const offsets: number[] = [];
  let y = 0;
  rows.forEach((row, index) => {
    offsets.push(y);
    y += ROW_HEIGHT[row.kind];
    if (row.kind === 'item') rowIndexById.set(row.item.id, index);
  });
  return { rows, items, total, rowIndexById, offsets };
}

/**
 * The item the keyboard focus moves to: `delta` items on from the focused one, stopping at
 * either end; with nothing focused (or the focused item filtered away), the first item going
 * down, the last going up. Null when no item is shown.
 */
export function moveFocus(items: readonly ChecklistItem[], focusedId: string | null, delta: number): string | null {
  if (items.length === 0) return null;
  const current = focusedId === null ? -1 : items.findIndex((i) => i.id === focusedId);
  const next = current === -1 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, current + delta));
  return items[next]?.id ?? null;
}

/** Items Page Up/Down move by: a screenful of item rows less one, so the last one stays in view. */
export function pageStep(viewportHeight: number | undefined): number {
  return Math.max(1, Math.floor((viewportHeight ?? 600) / ROW_HEIGHT.item) - 1);
}

/** The checklist and section headers in force at a scroll offset (for the sticky header). */
export function groupAt(list: FlatList, offset: number): { checklist: Checklist | null; section: Extract<Row, { kind: 'section' }> | null } {
  let checklist: Checklist | null = null;
  let section: Extract<Row, { kind: 'section' }> | null = null;
  // Binary search for the last row starting at or before the offset, then walk back to its headers.
  let lo = 0;
  let hi = list.offsets.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((list.offsets[mid] ?? 0) <= offset) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = at; i >= 0; i--) {
    const row = list.rows[i];
    if (!row) continue;
    if (row.kind === 'section' && section === null) section = row;
    if (row.kind === 'checklist') {
      checklist = row.checklist;
      break;
    }
  }
  return { checklist, section };
}

export function sectionLabel(section: string, sectionTitle: string): string {
  return sectionTitle && sectionTitle !== section ? `${section} · ${sectionTitle}` : section;
}

/** Owners named on any item, sorted. */
export function ownersOf(view: ChecklistsView): string[] {
  const owners = new Set<string>();
  for (const c of view.checklists) for (const i of c.items) if (i.owner) owners.add(i.owner);
  return [...owners].sort((a, b) => a.localeCompare(b));
}

export function stagesOf(view: ChecklistsView): StageKindId[] {
  const present = new Set<string>();
  for (const c of view.checklists) for (const i of c.items) present.add(i.stage);
  return (Object.keys(STAGE_KINDS) as StageKindId[]).filter((s) => present.has(s));
}

export const STATUS_OPTIONS = ITEM_STATUS_IDS.map((id) => ({ value: id, label: ITEM_STATUS_LABELS[id] }));

// --- due dates ------------------------------------------------------------------------------

/** What the due editor holds while the user is still choosing (a milestone without a pick is not a Due yet). */
export type DueDraft =
  | { kind: 'none' }
  | { kind: 'fixed'; date: string | null }
  | { kind: 'milestone'; milestone: string | null; offsetDays: number | string };

export function draftOf(due: Due | null): DueDraft {
  if (due === null) return { kind: 'none' };
  if (due.kind === 'fixed') return { kind: 'fixed', date: due.date };
  return { kind: 'milestone', milestone: due.milestone, offsetDays: due.offsetDays };
}

/** The Due a draft stands for; undefined while it is incomplete. */
export function dueOf(draft: DueDraft): Due | null | undefined {
  if (draft.kind === 'none') return null;
  if (draft.kind === 'fixed') return draft.date ? { kind: 'fixed', date: draft.date } : undefined;
  const offset = typeof draft.offsetDays === 'number' ? draft.offsetDays : Number(draft.offsetDays);
  if (!draft.milestone || draft.offsetDays === '' || !Number.isInteger(offset)) return undefined;
  return { kind: 'milestone', milestone: draft.milestone, offsetDays: offset };
}

export function sameDue(a: Due | null, b: Due | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'fixed' && b.kind === 'fixed') return a.date === b.date;
  if (a.kind === 'milestone' && b.kind === 'milestone') return a.milestone === b.milestone && a.offsetDays === b.offsetDays;
  return false;
}

export function describeDue(due: Due | null, milestoneName: (key: string) => string): string {
  if (due === null) return 'No due date';
  if (due.kind === 'fixed') return `Fixed: ${due.date}`;
  const name = milestoneName(due.milestone);
  if (due.offsetDays === 0) return `On ${name}`;
  const n = Math.abs(due.offsetDays);
  return `${n} day${n === 1 ? '' : 's'} ${due.offsetDays < 0 ? 'before' : 'after'} ${name}`;
}

/** "1" reads as "M1" (a module); a node such as "3.2.S.4" is shown as it is. */
export function ectdLabel(module: string): string {
  return /^\d$/.test(module) ? `M${module}` : module;
}
