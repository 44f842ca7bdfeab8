import { type Checklist, type ChecklistItem, ITEM_STATUS_LABELS } from '../../contract';
import { cellNote, cellText, cellWarning } from './word/blocks';
import type { Cell } from './word/tables';

/* Checklist items as the IND checklist and the plan both show them in their tables. */

/** An item with the checklist it belongs to: the row of every item table. */
export interface ItemEntry {
  item: ChecklistItem;
  checklist: Checklist;
}

/** The items the filter keeps, checklist by checklist, each in template order. */
export function itemEntries(checklists: readonly Checklist[], keep: (item: ChecklistItem) => boolean): ItemEntry[] {
  return checklists.flatMap((checklist) =>
    checklist.items
      .filter(keep)
      .sort((a, b) => a.position - b.position)
      .map((item) => ({ item, checklist })),
  );
}

const orDash = (text: string) => (text.trim() === '' ? '—' : text);

function dueCell(item: ChecklistItem): Cell {
  if (item.dueDate === null) return '—';
  return [cellText(item.dueDate), ...(item.overdue ? [cellWarning('Overdue')] : [])];
}

/** How an item table shows an entry, column by column. */
export const itemCells = {
  status: ({ item }: ItemEntry): Cell => ITEM_STATUS_LABELS[item.status],
  owner: ({ item }: ItemEntry): Cell => orDash(item.owner),
  due: ({ item }: ItemEntry): Cell => dueCell(item),
  citation: ({ item }: ItemEntry): Cell => orDash(item.citation),
  /** The item's section, with its checklist small beneath. */
  section: ({ item, checklist }: ItemEntry): Cell => [cellText(item.section), cellNote(checklist.name)],
};
