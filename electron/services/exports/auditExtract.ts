import type { Document } from 'docx';
import type { AuditEntry, Product } from '../../contract';
import { formatTimestamp, truncate } from './format';
import { cellPara, cellText, note, para, run } from './word/blocks';
import { type Paper } from './word/page';
import { createReport, section } from './word/report';
import { COLOR } from './word/styles';
import { type Cell, table } from './word/tables';

export interface AuditExtractOptions {
  product: Product;
  entries: readonly AuditEntry[];
  /** The period, inclusive, as YYYY-MM-DD dates in UTC (the audit trail's time base); null: open-ended. */
  from: string | null;
  to: string | null;
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

/** A missing value: a grey dash. */
const noValue = (): Cell => [cellPara([run('—', { color: COLOR.muted })])];

function wordsCell(text: string, counter: { truncated: number }): string {
  if (text.length > VALUE_MAX) counter.truncated += 1;
  return truncate(text, VALUE_MAX);
}

function inPeriod(entry: AuditEntry, from: string | null, to: string | null): boolean {
  const day = entry.at.slice(0, 10);
  return (from === null || day >= from) && (to === null || day <= to);
}

/** The period in words: "all dates", "from D", "up to D" or "D to D". */
export function periodText(from: string | null, to: string | null): string {
  if (from === null && to === null) return 'all dates';
  if (from === null) return `up to ${to}`;
  if (to === null) return `from ${from}`;
  return `from ${from} to ${to}`;
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
    // The same words as the Audit page and the CLI: the record, and what happened to it.
    rows: rows.map((e) => ({ e, change: wordsCell(e.change, counter) })),
    columns: [
      { header: 'When (UTC)', width: 11, cell: ({ e }) => formatTimestamp(e.at, { seconds: true }).replace(' UTC', '') },
      { header: 'Who', width: 12, cell: ({ e }) => e.actor },
      { header: 'Action', width: 8, cell: ({ e }) => ACTIONS[e.action] ?? e.action },
      { header: 'Record', width: 22, cell: ({ e }) => [cellText(e.record)] },
      { header: 'What changed', width: 30, cell: ({ change }) => change },
      { header: 'Reason', width: 17, cell: ({ e }) => (e.reason === null || e.reason.trim() === '' ? noValue() : truncate(e.reason, VALUE_MAX)) },
    ],
  });
  const actors = [...new Set(rows.map((e) => e.actor))].sort();

  return createReport({
    title: 'Audit trail extract',
    subtitle: from === null && to === null ? 'Every change recorded (all dates)' : `Changes recorded ${periodText(from, to)} (UTC)`,
    product,
    paper,
    generatedAt,
    tableOfContents: false,
    coverRows: [
      ['Period (UTC)', periodText(from, to)],
      ['Entries', String(rows.length)],
      ['People who made changes', actors.length === 0 ? '—' : actors.join(', ')],
      [
        'Values shortened',
        counter.truncated === 0
          ? 'None'
          : `${counter.truncated} ${counter.truncated === 1 ? 'change' : 'changes'} longer than ${VALUE_MAX} characters end with “…”; the audit trail holds them in full`,
      ],
    ],
    sections: [
      section({
        title: 'Scope and source',
        children: [
          para(
            `This extract lists the entries of the tracker's audit trail for ${product.name} (${product.code}), ${from === null && to === null ? 'of all dates' : `recorded ${periodText(from, to)} inclusive (UTC)`}, oldest first, each saying in words which record changed and how.`,
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
