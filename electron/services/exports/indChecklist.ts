import type { Document, Paragraph } from 'docx';
import { type Checklist, type ChecklistItem, type ChecklistsView, type Gate, ITEM_STATUS_IDS, ITEM_STATUS_LABELS, type Product, type SignatureView } from '../../contract';
import { truncate } from './format';
import { countsLine, evidenceCounts, evidenceSection, signaturesSection, signOffSection } from './evidence';
import { type ItemEntry, itemCells, itemEntries } from './itemCells';
import { type Block, cellMuted, cellNote, cellText, cellWarning, note, para, run, spacer } from './word/blocks';
import { type Paper } from './word/page';
import { createReport, part, type ReportSection, section } from './word/report';
import { COLOR, SIZE } from './word/styles';
import { type Cell, table } from './word/tables';

export type ChecklistGrouping = 'section' | 'module';

export interface IndChecklistOptions {
  view: ChecklistsView;
  product: Product;
  groupBy: ChecklistGrouping;
  paper?: Paper;
  generatedAt: string | Date;
  /** The product's electronic signatures, checked: printed per item and in their own section. */
  signatures?: readonly SignatureView[];
  /** Checklist kinds listed item by item; the IND checklist alone by default. The gate weighs every checklist. */
  include?: readonly string[];
}

/** How many blocking items the readiness section names before it only counts. */
export const BLOCKERS_SHOWN = 5;

export const ECTD_MODULES: Readonly<Record<string, string>> = {
  '1': 'Module 1 — Administrative information',
  '2': 'Module 2 — Summaries',
  '3': 'Module 3 — Quality (CMC)',
  '4': 'Module 4 — Nonclinical study reports',
  '5': 'Module 5 — Clinical study reports',
};
const NO_MODULE = 'No eCTD module';

/** The IND gate's checklists lead; the others follow in the order the tracker shows them. */
const KIND_ORDER = ['ind', 'cmc', 'preclinical', 'pre-ind-meeting', 'clinical', 'custom'];
const NOTES_MAX = 600;

function orderedChecklists(view: ChecklistsView): Checklist[] {
  const rank = (c: Checklist) => {
    const i = KIND_ORDER.indexOf(c.kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return view.checklists.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

function sectionLabel(item: ChecklistItem): string {
  const title = item.sectionTitle.trim();
  return title === '' || title === item.section ? item.section : `${item.section} — ${title}`;
}

function moduleLabel(module: string | null): string {
  if (module === null || module.trim() === '') return NO_MODULE;
  return ECTD_MODULES[module.trim()] ?? `Module ${module.trim()}`;
}

function moduleRank(label: string): number {
  const keys = Object.values(ECTD_MODULES);
  const i = keys.indexOf(label);
  if (i >= 0) return i;
  return label === NO_MODULE ? keys.length + 1 : keys.length;
}

/** Groups in first-seen order: template order is the order the regulation lists things in. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}

function itemCell(item: ChecklistItem, context: string | null): Paragraph[] {
  return [
    ...(context === null ? [] : [cellMuted(context)]),
    cellText(item.title, { bold: true, suffix: item.required ? undefined : '  (optional)' }),
    ...(item.guidance.trim() === '' ? [] : [cellNote(item.guidance.trim())]),
  ];
}

/* The file name reads first; the folder follows small, with break opportunities after each
 * separator so a deep path wraps inside its column instead of widening it. */
function documentCell(item: ChecklistItem): Cell {
  const p = item.documentPath.trim();
  if (p === '') return '—';
  const cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  const name = cut >= 0 ? p.slice(cut + 1) : p;
  const folder = cut >= 0 ? p.slice(0, cut + 1) : '';
  const out = [cellText(name)];
  if (folder !== '') out.push(cellNote(folder.replace(/([/\\])/g, '$1\u200b')));
  if (item.documentExists === false) out.push(cellWarning('File not found'));
  return out;
}

function notesCell(item: ChecklistItem): Cell {
  const out: Paragraph[] = [];
  if (item.status === 'not-applicable' && item.justification.trim() !== '') out.push(cellText(truncate(item.justification, NOTES_MAX), { lead: 'Justification: ' }));
  if (item.notes.trim() !== '') out.push(cellText(truncate(item.notes, NOTES_MAX)));
  return out.length === 0 ? '' : out;
}

/** The items of one group; `context` says where an item comes from when the group mixes checklists. */
function itemTable(entries: readonly ItemEntry[], context: (entry: ItemEntry) => string | null): Block {
  return table({
    rows: entries,
    columns: [
      { header: 'Item', width: 36, cell: (e) => itemCell(e.item, context(e)) },
      { header: 'Status', width: 8, cell: itemCells.status },
      { header: 'Owner', width: 9, cell: itemCells.owner },
      { header: 'Due', width: 9, cell: itemCells.due },
      { header: 'Linked document', width: 13, cell: ({ item }) => documentCell(item) },
      { header: 'Notes', width: 13, cell: ({ item }) => notesCell(item) },
      { header: 'Citation', width: 12, cell: itemCells.citation },
    ],
  });
}

/** The summary of the checklists an export includes (the view's own covers them all). */
function combined(checklists: readonly Checklist[]): Checklist['summary'] {
  const sum = (f: (c: Checklist) => number) => checklists.reduce((n, c) => n + f(c), 0);
  const total = sum((c) => c.summary.total);
  const done = sum((c) => c.summary.done);
  const byStatus: Record<string, number> = {};
  for (const c of checklists) for (const [k, v] of Object.entries(c.summary.byStatus)) byStatus[k] = (byStatus[k] ?? 0) + v;
  return {
    total,
    done,
    percent: total === 0 ? 0 : Math.round((done / total) * 100),
    required: sum((c) => c.summary.required),
    requiredDone: sum((c) => c.summary.requiredDone),
    flaggedInapplicable: sum((c) => c.summary.flaggedInapplicable),
    byStatus,
  };
}

function summarySection(checklists: readonly Checklist[]): ReportSection {
  const s = combined(checklists);
  const rows = [...checklists.map((c) => ({ name: c.name, sum: c.summary, bold: false })), { name: checklists.length === 1 ? 'Total' : 'All included checklists', sum: s, bold: true }];
  type Row = (typeof rows)[number];
  const number = (header: string, value: (row: Row) => string) => ({ header, width: 10, align: 'right' as const, cell: (row: Row) => cellText(value(row), { bold: row.bold, align: 'right' }) });
  return section({
    title: 'Summary',
    children: [
      para([
        run(`${s.total} items apply to the product profile across ${checklists.length === 1 ? 'this checklist' : `${checklists.length} checklists`}; `),
        run(`${s.done} are done (${s.percent}%)`, { bold: true }),
        run(`. ${s.requiredDone} of ${s.required} required items are done.`),
        ...(s.flaggedInapplicable > 0 ? [run(` ${s.flaggedInapplicable} items no longer apply to the profile; they are listed at the end.`)] : []),
      ]),
      table({
        headerSize: SIZE.small,
        rows,
        columns: [
          { header: 'Checklist', width: 20, cell: (row) => cellText(row.name, { bold: row.bold }) },
          ...ITEM_STATUS_IDS.map((id) => number(ITEM_STATUS_LABELS[id], (row) => String(row.sum.byStatus[id] ?? 0))),
          number('Items', (row) => String(row.sum.total)),
          number('Done', (row) => `${row.sum.percent}%`),
        ],
      }),
      note('Items: those that apply to the current profile. Done: approved, submitted, or not applicable with a written justification.'),
    ],
  });
}

/** The gate's standard reason restates the status, then what the status needs to be. */
function splitReason(status: string, reason: string): { requirement: string | null; special: string | null } {
  const prefix = `${status}; `;
  if (reason.startsWith(prefix)) return { requirement: capitalise(reason.slice(prefix.length)), special: null };
  return { requirement: null, special: reason };
}

function gateVerdict(gate: Gate): Block {
  if (gate.ready) return para([run('Verdict: ready. ', { bold: true }), run(`All ${gate.considered} required items are done.`)]);
  return para([
    run('Verdict: not ready. ', { bold: true, color: COLOR.warn }),
    run(gate.considered === 0 ? 'No required item applies yet.' : `${gate.blockers.length} of ${gate.considered} required items block it.`, { bold: true }),
  ]);
}

/**
 * The blockers as a summary: how many per checklist and section, then the first few by name.
 * The items themselves follow in the checklist sections, so listing all of them here again
 * would put pages of repetition before the checklist starts.
 */
function blockersPart(view: ChecklistsView, gate: Gate, included: readonly Checklist[]): Block[] {
  const items = new Map(itemEntries(view.checklists, () => true).map((e) => [e.item.id, e] as const));
  const split = gate.blockers.map((b) => ({ blocker: b, found: items.get(b.id), ...splitReason(ITEM_STATUS_LABELS[b.status], b.reason) }));
  const includedIds = new Set(included.map((c) => c.id));
  // One row per checklist, its sections inline with their counts: a few lines, not pages.
  const counts = [...groupBy(split, (x) => x.found?.checklist.id ?? '')].map(([id, rows]) => ({
    checklist: rows[0]!.found?.checklist.name ?? 'Other',
    n: rows.length,
    included: id === '' || includedIds.has(id),
    sections: [...groupBy(rows, (x) => x.found?.item.section ?? '—')].map(([sectionName, inSection]) => `${sectionName} (${inSection.length})`).join(' · '),
  }));
  const outside = split.filter((x) => x.found !== undefined && !includedIds.has(x.found.checklist.id)).length;
  const first = split.slice(0, BLOCKERS_SHOWN);
  // The common requirement is said once; a reason that differs stays on its row.
  const requirements = [...new Set(first.flatMap((x) => (x.requirement === null ? [] : [x.requirement])))];
  type Row = (typeof split)[number];
  const ifFound = (cell: (entry: ItemEntry) => Cell) => (row: Row) => (row.found === undefined ? '—' : cell(row.found));
  return part({
    title: 'What blocks it',
    intro: [
      para(
        `${split.length} required ${split.length === 1 ? 'item is' : 'items are'} not done, by checklist and section below` +
          (outside > 0 ? `; ${outside} of them ${outside === 1 ? 'is' : 'are'} in checklists this export does not list item by item (marked “not included”).` : '.'),
      ),
    ],
    children: [
      table({
        headerSize: SIZE.small,
        rows: counts,
        columns: [
          { header: 'Checklist', width: 26, cell: (r) => [cellText(r.checklist), ...(r.included ? [] : [cellNote('not included')])] },
          { header: 'Blocking', width: 10, align: 'right' as const, cell: (r) => cellText(String(r.n), { align: 'right' }) },
          { header: 'By section (blocking items)', width: 64, cell: (r) => cellNote(r.sections) },
        ],
      }),
      spacer(),
      para([
        run(first.length < split.length ? `The first ${first.length} of ${split.length}` : 'They are', { bold: true }),
        run(requirements.length === 1 ? ` (each ${requirements[0]!.charAt(0).toLowerCase()}${requirements[0]!.slice(1).replace(/\.$/, '')}):` : ':'),
      ]),
      table({
        rows: first,
        columns: [
          {
            header: 'Item',
            width: 44,
            cell: ({ blocker, requirement, special }) => {
              const reason = special ?? (requirements.length > 1 ? requirement : null);
              return [cellText(blocker.title), ...(reason === null ? [] : [cellNote(reason, { warn: special !== null })])];
            },
          },
          { header: 'Section', width: 18, cell: ifFound(itemCells.section) },
          { header: 'Status', width: 12, cell: ({ blocker }) => ITEM_STATUS_LABELS[blocker.status] },
          { header: 'Owner', width: 12, cell: ifFound(itemCells.owner) },
          { header: 'Due', width: 14, cell: ifFound(itemCells.due) },
        ],
      }),
      ...(first.length < split.length ? [note('Every open item is listed with its status, owner and due date in the checklist sections that follow.')] : []),
    ],
  });
}

function gateSection(view: ChecklistsView, gate: Gate | undefined, included: readonly Checklist[]): ReportSection {
  // The heading says the verdict: never "ready to submit" above "not ready".
  if (gate === undefined) return section({ title: 'Readiness to submit the IND', empty: 'The tracker has not evaluated this gate for the product: generate its checklists first.' });
  const title = gate.ready ? 'Readiness: the IND is ready to submit' : 'Readiness: the IND is not yet ready to submit';
  return section({ title, children: [para(gate.description), gateVerdict(gate), ...(gate.ready || gate.blockers.length === 0 ? [] : blockersPart(view, gate, included))] });
}

const capitalise = (s: string) => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));

function itemsBySection(checklists: readonly Checklist[]): ReportSection[] {
  return checklists.map((checklist) => {
    const applicable = itemEntries([checklist], (i) => i.applicable);
    const s = checklist.summary;
    return section({
      title: checklist.name,
      landscape: true,
      intro: [note(`${s.total} items, ${s.done} done (${s.percent}%); ${s.requiredDone} of ${s.required} required items done.`)],
      empty: applicable.length === 0 && 'No item of this checklist applies to the current profile.',
      children: [...groupBy(applicable, (e) => sectionLabel(e.item))].flatMap(([label, entries]) => part({ title: label, children: [itemTable(entries, () => null), spacer()] })),
    });
  });
}

function itemsByModule(checklists: readonly Checklist[]): ReportSection {
  const entries = itemEntries(checklists, (i) => i.applicable);
  const groups = [...groupBy(entries, (e) => moduleLabel(e.item.ectdModule))].sort((a, b) => moduleRank(a[0]) - moduleRank(b[0]));
  return section({
    title: 'Items by eCTD module',
    landscape: true,
    intro: [note('Module placement follows the checklist templates; exact eCTD node numbers are not confirmed. Each item shows its checklist and section above its title.')],
    empty: groups.length === 0 && 'No checklist item applies to the current profile.',
    children: groups.flatMap(([label, group]) => part({ title: label, children: [itemTable(group, (e) => `${e.checklist.name} · ${e.item.section}`), spacer()] })),
  });
}

function notApplicableSection(checklists: readonly Checklist[]): ReportSection {
  const flagged = itemEntries(checklists, (i) => !i.applicable);
  return section({
    title: 'No longer applicable to the product profile',
    landscape: true,
    empty: flagged.length === 0 && 'None: every item applies to the current profile.',
    children: [
      note('The profile changed after these items were generated. They are kept with their status and notes, and return if the profile changes back.'),
      table({
        rows: flagged,
        columns: [
          { header: 'Item', width: 33, cell: ({ item }) => item.title },
          { header: 'Checklist and section', width: 17, cell: ({ item, checklist }) => `${checklist.name}\n${item.section}` },
          { header: 'Applies only', width: 15, cell: ({ item }) => item.appliesWhen ?? '—' },
          { header: 'Status', width: 9, cell: itemCells.status },
          { header: 'Owner', width: 9, cell: itemCells.owner },
          { header: 'Citation', width: 17, cell: itemCells.citation },
        ],
      }),
    ],
  });
}

/**
 * The IND readiness checklist a regulatory team circulates before submission: where the
 * product stands by status, whether the IND gate is open and what blocks it, every item
 * grouped by 21 CFR 312.23 paragraph (or eCTD module), and a sign-off block.
 */
export function buildIndChecklist({ view, product, groupBy: grouping, paper = 'letter', generatedAt, signatures = [], include = ['ind'] }: IndChecklistOptions): Document {
  const checklists = orderedChecklists(view).filter((c) => include.includes(c.kind));
  const gate = view.gates.find((g) => g.id === 'ind-ready');
  return createReport({
    title: 'IND readiness checklist',
    subtitle: `Initial IND under 21 CFR 312.23: items by ${grouping === 'module' ? 'eCTD module' : 'section'}`,
    product,
    paper,
    generatedAt,
    coverRows: [
      ['Status date', view.today],
      ['IND gate', gate === undefined ? 'Not evaluated' : gate.ready ? 'Ready to submit' : `Not ready: ${gate.blockers.length} blocking items`],
      ['Checklists listed', checklists.length === 0 ? 'None of those chosen exists for this product' : checklists.map((c) => c.name).join('; ')],
      ['Approvals', countsLine(evidenceCounts(checklists, signatures))],
    ],
    sections: [
      summarySection(checklists),
      gateSection(view, gate, checklists),
      ...(grouping === 'module' ? [itemsByModule(checklists)] : itemsBySection(checklists)),
      notApplicableSection(checklists),
      evidenceSection(checklists, signatures),
      signaturesSection(signatures),
      signOffSection('reviewed this IND readiness checklist', signatures.filter((s) => s.kind === 'export' && s.recordId === `${product.id}:ind-checklist` && s.state === 'valid')),
    ],
  });
}
