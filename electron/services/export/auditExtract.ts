import type { Document, FileChild } from 'docx';
import type { AuditEntry, Product } from '../../contract';
import { formatTimestamp, truncate } from './format';
import { cellPara, heading, note, para, run } from './word/blocks';
import { contentWidth, type Paper } from './word/page';
import { createReport } from './word/report';
import { COLOR, SIZE } from './word/styles';
import { type Cell, dataTable } from './word/tables';

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

function valueCell(value: string | null, counter: { truncated: number }): Cell {
  if (value === null) return [cellPara([run('—', { size: SIZE.table, color: COLOR.muted })])];
  if (value === '') return [cellPara([run('(empty)', { size: SIZE.table, italics: true, color: COLOR.muted })])];
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
  const tableRows: Cell[][] = rows.map((e) => [
    formatTimestamp(e.at, { seconds: true }).replace(' UTC', ''),
    e.actor,
    ACTIONS[e.action] ?? e.action,
    [
      cellPara([run(entityLabel(e.entity), { size: SIZE.table })]),
      cellPara([run(e.entityId, { size: SIZE.small - 1, color: COLOR.muted })]),
    ],
    e.field ?? '—',
    valueCell(e.oldValue, counter),
    valueCell(e.newValue, counter),
    e.reason === null || e.reason.trim() === '' ? [cellPara([run('—', { size: SIZE.table, color: COLOR.muted })])] : truncate(e.reason, VALUE_MAX),
  ]);
  const actors = [...new Set(rows.map((e) => e.actor))].sort();
  const landscape = contentWidth(paper, 'landscape');

  const scope: FileChild[] = [
    heading('Scope and source', 1),
    para(
      `This extract lists the entries of the tracker's audit trail for ${product.name} (${product.code}) recorded from ${from} to ${to} inclusive (UTC), oldest first.`,
    ),
    para(
      'The entries come from the append-only audit trail that the tracker keeps under 21 CFR 11.10(e): each records who created, changed, archived or restored a record, when (UTC, computer-generated), the earlier and the new value, and the reason given. Entries are never edited or deleted, and a change never hides the earlier value.',
    ),
    note('Who: the display name set in the tracker together with the operating-system account that was signed in. The actor is taken from the application session, never from the data sent.'),
  ];

  const table: FileChild[] = [heading('Entries', 1)];
  if (rows.length === 0) table.push(para('No entry was recorded in this period.'));
  else
    table.push(
      dataTable({
        width: landscape,
        columns: [
          { header: 'When (UTC)', weight: 10 },
          { header: 'Who', weight: 9 },
          { header: 'Action', weight: 7 },
          { header: 'Entity', weight: 13 },
          { header: 'Field', weight: 9 },
          { header: 'Old value', weight: 19 },
          { header: 'New value', weight: 19 },
          { header: 'Reason', weight: 14 },
        ],
        rows: tableRows,
      }),
    );

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
      { orientation: 'portrait', children: scope },
      { orientation: 'landscape', children: table },
    ],
  });
}
