import type { Document } from 'docx';
import type { AuditEntry, Product } from '../../contract';
import { formatTimestamp, truncate } from './format';
import { cellPara, cellText, note, para, run } from './word/blocks';
import { type Paper } from './word/page';
import { createReport, section } from './word/report';
import { COLOR, SIZE } from './word/styles';
import { type Cell, table } from './word/tables';

export interface AuditExtractOptions {
  product: Product;
  entries: readonly AuditEntry[];
  /** The period, inclusive, as YYYY-MM-DD dates in UTC (the audit trail's time base). */
  from: string;
  to: string;
  paper?: Paper;
  generatedAt: string | Date;
}

/** Long values are cut here, never in the audit trail itself. */
export const VALUE_MAX = 300;

const ACTIONS: Readonly<Record<AuditEntry['action'], string>> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  archive: 'Archived',
  restore: 'Restored',
};

/** "checklist_item" → "Checklist item". */
function entityLabel(entity: string): string {
  const words = entity.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().trim();
  return words === '' ? entity : words[0]!.toUpperCase() + words.slice(1);
}

/** A missing value: a grey dash. */
const noValue = (): Cell => [cellPara([run('—', { color: COLOR.muted })])];

function valueCell(value: string | null, counter: { truncated: number }): Cell {
  if (value === null) return noValue();
  if (value === '') return [cellPara([run('(empty)', { italics: true, color: COLOR.muted })])];
  if (value.length > VALUE_MAX) counter.truncated += 1;
  return truncate(value, VALUE_MAX);
}

function inPeriod(entry: AuditEntry, from: string, to: string): boolean {
  const day = entry.at.slice(0, 10);
  return day >= from && day <= to;
}

/**
 * A printable copy of the product's audit trail for a period, in time order: who changed
 * what, when, from which value to which, and why (21 CFR 11.10(e)).
 */
export function buildAuditExtract({ product, entries, from, to, paper = 'letter', generatedAt }: AuditExtractOptions): Document {
  const rows = entries
    .filter((e) => inPeriod(e, from, to))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  const counter = { truncated: 0 };
  // Built here, not when the table is laid out: the cover counts the values shortened.
  const entryTable = table({
    rows: rows.map((e) => ({ e, oldValue: valueCell(e.oldValue, counter), newValue: valueCell(e.newValue, counter) })),
    columns: [
      { header: 'When (UTC)', width: 10, cell: ({ e }) => formatTimestamp(e.at, { seconds: true }).replace(' UTC', '') },
      { header: 'Who', width: 9, cell: ({ e }) => e.actor },
      { header: 'Action', width: 7, cell: ({ e }) => ACTIONS[e.action] ?? e.action },
      { header: 'Entity', width: 13, cell: ({ e }) => [cellText(entityLabel(e.entity)), cellPara([run(e.entityId, { size: SIZE.small - 1, color: COLOR.muted })])] },
      { header: 'Field', width: 9, cell: ({ e }) => e.field ?? '—' },
      { header: 'Old value', width: 19, cell: ({ oldValue }) => oldValue },
      { header: 'New value', width: 19, cell: ({ newValue }) => newValue },
      { header: 'Reason', width: 14, cell: ({ e }) => (e.reason === null || e.reason.trim() === '' ? noValue() : truncate(e.reason, VALUE_MAX)) },
    ],
  });
  const actors = [...new Set(rows.map((e) => e.actor))].sort();

  return createReport({
    title: 'Audit trail extract',
    subtitle: `Changes recorded from ${from} to ${to} (UTC)`,
    product,
    paper,
    generatedAt,
    tableOfContents: false,
    coverRows: [
      ['Period (UTC)', `${from} to ${to}`],
      ['Entries', String(rows.length)],
      ['People who made changes', actors.length === 0 ? '—' : actors.join(', ')],
      [
        'Values shortened',
        counter.truncated === 0
          ? 'None'
          : `${counter.truncated} ${counter.truncated === 1 ? 'value' : 'values'} longer than ${VALUE_MAX} characters end with “…”; the audit trail holds them in full`,
      ],
    ],
    sections: [
      section({
        title: 'Scope and source',
        children: [
          para(
            `This extract lists the entries of the tracker's audit trail for ${product.name} (${product.code}) recorded from ${from} to ${to} inclusive (UTC), oldest first.`,
          ),
          para(
            'The entries come from the append-only audit trail that the tracker keeps under 21 CFR 11.10(e): each records who created, changed, archived or restored a record, when (UTC, computer-generated), the earlier and the new value, and the reason given. Entries are never edited or deleted, and a change never hides the earlier value.',
          ),
          note('Who: the display name set in the tracker together with the operating-system account that was signed in. The actor is taken from the application session, never from the data sent.'),
        ],
      }),
      section({ title: 'Entries', landscape: true, empty: rows.length === 0 && 'No entry was recorded in this period.', children: [entryTable] }),
    ],
  });
}
