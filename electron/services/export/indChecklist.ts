import type { Document, FileChild, Paragraph } from 'docx';
import { type Checklist, type ChecklistItem, type ChecklistsView, type Gate, ITEM_STATUS_IDS, ITEM_STATUS_LABELS, type Product } from '../../contract';
import { truncate } from './format';
import { cellNote, cellPara, heading, note, para, run, spacer } from './word/blocks';
import { contentWidth, type Paper } from './word/page';
import { createReport } from './word/report';
import { COLOR, SIZE } from './word/styles';
import { type Cell, dataTable } from './word/tables';

export type ChecklistGrouping = 'section' | 'module';

export interface IndChecklistOptions {
  view: ChecklistsView;
  product: Product;
  groupBy: ChecklistGrouping;
  paper?: Paper;
  generatedAt: string | Date;
}

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

const byPosition = (a: ChecklistItem, b: ChecklistItem) => a.position - b.position;

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
  const out: Paragraph[] = [];
  if (context !== null) out.push(cellPara([run(context, { size: SIZE.small, color: COLOR.muted })]));
  out.push(cellPara([run(item.title, { size: SIZE.table, bold: true }), ...(item.required ? [] : [run('  (optional)', { size: SIZE.small, color: COLOR.muted })])]));
  if (item.guidance.trim() !== '') out.push(cellNote(item.guidance.trim()));
  return out;
}

function dueCell(item: ChecklistItem): Cell {
  if (item.dueDate === null) return '—';
  const out = [cellPara([run(item.dueDate, { size: SIZE.table })])];
  if (item.overdue) out.push(cellPara([run('Overdue', { size: SIZE.small, bold: true, color: COLOR.warn })]));
  return out;
}

/* The file name reads first; the folder follows small, with break opportunities after each
 * separator so a deep path wraps inside its column instead of widening it. */
function documentCell(item: ChecklistItem): Cell {
  const p = item.documentPath.trim();
  if (p === '') return '—';
  const cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  const name = cut >= 0 ? p.slice(cut + 1) : p;
  const folder = cut >= 0 ? p.slice(0, cut + 1) : '';
  const out = [cellPara([run(name, { size: SIZE.table })])];
  if (folder !== '') out.push(cellNote(folder.replace(/([/\\])/g, '$1\u200b')));
  if (item.documentExists === false) out.push(cellPara([run('File not found', { size: SIZE.small, bold: true, color: COLOR.warn })]));
  return out;
}

function notesCell(item: ChecklistItem): Cell {
  const out: Paragraph[] = [];
  if (item.status === 'not-applicable' && item.justification.trim() !== '') {
    out.push(cellPara([run('Justification: ', { size: SIZE.table, bold: true }), run(truncate(item.justification, NOTES_MAX), { size: SIZE.table })]));
  }
  if (item.notes.trim() !== '') out.push(cellPara([run(truncate(item.notes, NOTES_MAX), { size: SIZE.table })]));
  return out.length === 0 ? '' : out;
}

const ITEM_COLUMNS = [
  { header: 'Item', weight: 36 },
  { header: 'Status', weight: 8 },
  { header: 'Owner', weight: 9 },
  { header: 'Due', weight: 9 },
  { header: 'Linked document', weight: 13 },
  { header: 'Notes', weight: 13 },
  { header: 'Citation', weight: 12 },
] as const;

const orDash = (text: string) => (text.trim() === '' ? '—' : text);

function itemTable(items: readonly ChecklistItem[], width: number, context: (item: ChecklistItem) => string | null): FileChild {
  return dataTable({
    width,
    columns: ITEM_COLUMNS,
    rows: items.map((item) => [
      itemCell(item, context(item)),
      ITEM_STATUS_LABELS[item.status],
      orDash(item.owner),
      dueCell(item),
      documentCell(item),
      notesCell(item),
      orDash(item.citation),
    ]),
  });
}

function summarySection(view: ChecklistsView, checklists: readonly Checklist[], width: number): FileChild[] {
  const s = view.summary;
  const row = (name: string, sum: Checklist['summary'], bold = false): Cell[] => {
    const number = (v: string) => cellPara([run(v, { size: SIZE.table, bold })], { align: 'right' });
    return [
      cellPara([run(name, { size: SIZE.table, bold })]),
      ...ITEM_STATUS_IDS.map((id) => number(String(sum.byStatus[id] ?? 0))),
      number(String(sum.total)),
      number(`${sum.percent}%`),
    ];
  };
  return [
    heading('Summary', 1),
    para([
      run(`${s.total} items apply to the product profile across ${checklists.length} checklists; `),
      run(`${s.done} are done (${s.percent}%)`, { bold: true }),
      run(`. ${s.requiredDone} of ${s.required} required items are done.`),
      ...(s.flaggedInapplicable > 0 ? [run(` ${s.flaggedInapplicable} items no longer apply to the profile; they are listed at the end.`)] : []),
    ]),
    dataTable({
      width,
      headerSize: SIZE.small,
      columns: [
        { header: 'Checklist', weight: 20 },
        ...ITEM_STATUS_IDS.map((id) => ({ header: ITEM_STATUS_LABELS[id], weight: 10, align: 'right' as const })),
        { header: 'Items', weight: 10, align: 'right' },
        { header: 'Done', weight: 10, align: 'right' },
      ],
      rows: [...checklists.map((c) => row(c.name, c.summary)), row('All checklists', s, true)],
    }),
    note('Items: those that apply to the current profile. Done: approved, submitted, or not applicable with a written justification.'),
  ];
}

/** The gate's standard reason restates the status, then what the status needs to be. */
function splitReason(status: string, reason: string): { requirement: string | null; special: string | null } {
  const prefix = `${status}; `;
  if (reason.startsWith(prefix)) return { requirement: capitalise(reason.slice(prefix.length)), special: null };
  return { requirement: null, special: reason };
}

function gateSection(view: ChecklistsView, gate: Gate | undefined, width: number): FileChild[] {
  const out: FileChild[] = [heading('Readiness: IND ready to submit', 1)];
  if (gate === undefined) {
    out.push(para('The tracker has not evaluated this gate for the product: generate its checklists first.'));
    return out;
  }
  out.push(para(gate.description));
  if (gate.ready) {
    out.push(para([run('Verdict: ready. ', { bold: true }), run(`All ${gate.considered} required items are done.`)]));
    return out;
  }
  out.push(
    para([
      run('Verdict: not ready. ', { bold: true, color: COLOR.warn }),
      run(gate.considered === 0 ? 'No required item applies yet.' : `${gate.blockers.length} of ${gate.considered} required items block it.`, { bold: true }),
    ]),
  );
  if (gate.blockers.length === 0) return out;
  const items = new Map(view.checklists.flatMap((c) => c.items.map((i) => [i.id, { item: i, checklist: c }] as const)));
  const split = gate.blockers.map((b) => ({ blocker: b, ...splitReason(ITEM_STATUS_LABELS[b.status], b.reason) }));
  // The common requirement is said once, above the table; reasons that differ stay on their row.
  const requirements = [...new Set(split.flatMap((x) => (x.requirement === null ? [] : [x.requirement])))];
  out.push(heading('What blocks it', 2));
  if (requirements.length === 1) out.push(para(`Each item below: ${requirements[0]!.charAt(0).toLowerCase()}${requirements[0]!.slice(1)}`));
  out.push(
    dataTable({
      width,
      columns: [
        { header: 'Item', weight: 44 },
        { header: 'Section', weight: 18 },
        { header: 'Status', weight: 12 },
        { header: 'Owner', weight: 12 },
        { header: 'Due', weight: 14 },
      ],
      rows: split.map(({ blocker, requirement, special }) => {
        const found = items.get(blocker.id);
        const reason = special ?? (requirements.length > 1 ? requirement : null);
        return [
          [cellPara([run(blocker.title, { size: SIZE.table })]), ...(reason === null ? [] : [cellNote(reason, { color: special === null ? COLOR.muted : COLOR.warn })])],
          found === undefined ? '—' : [cellPara([run(found.item.section, { size: SIZE.table })]), cellNote(found.checklist.name)],
          ITEM_STATUS_LABELS[blocker.status],
          found === undefined ? '—' : orDash(found.item.owner),
          found === undefined || found.item.dueDate === null ? '—' : dueCell(found.item),
        ];
      }),
    }),
  );
  return out;
}

const capitalise = (s: string) => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));

function itemsBySection(checklists: readonly Checklist[], width: number): FileChild[] {
  const out: FileChild[] = [];
  for (const checklist of checklists) {
    const applicable = checklist.items.filter((i) => i.applicable).sort(byPosition);
    out.push(heading(checklist.name, 1));
    const s = checklist.summary;
    out.push(note(`${s.total} items, ${s.done} done (${s.percent}%); ${s.requiredDone} of ${s.required} required items done.`));
    if (applicable.length === 0) {
      out.push(para('No item of this checklist applies to the current profile.'));
      continue;
    }
    for (const [label, items] of groupBy(applicable, sectionLabel)) {
      out.push(heading(label, 2), itemTable(items, width, () => null), spacer());
    }
  }
  return out;
}

function itemsByModule(checklists: readonly Checklist[], width: number): FileChild[] {
  const entries = checklists.flatMap((c) => c.items.filter((i) => i.applicable).sort(byPosition).map((item) => ({ item, checklist: c })));
  const groups = [...groupBy(entries, (e) => moduleLabel(e.item.ectdModule))].sort((a, b) => moduleRank(a[0]) - moduleRank(b[0]));
  const out: FileChild[] = [
    heading('Items by eCTD module', 1),
    note('Module placement follows the checklist templates; exact eCTD node numbers are not confirmed. Each item shows its checklist and section above its title.'),
  ];
  if (groups.length === 0) out.push(para('No checklist item applies to the current profile.'));
  for (const [label, group] of groups) {
    const checklistOf = new Map(group.map((e) => [e.item.id, e.checklist.name]));
    out.push(heading(label, 2), itemTable(group.map((e) => e.item), width, (item) => `${checklistOf.get(item.id) ?? ''} · ${item.section}`), spacer());
  }
  return out;
}

function notApplicableSection(checklists: readonly Checklist[], width: number): FileChild[] {
  const flagged = checklists.flatMap((c) => c.items.filter((i) => !i.applicable).sort(byPosition).map((item) => ({ item, checklist: c })));
  const out: FileChild[] = [heading('No longer applicable to the product profile', 1)];
  if (flagged.length === 0) {
    out.push(para('None: every item applies to the current profile.'));
    return out;
  }
  out.push(note('The profile changed after these items were generated. They are kept with their status and notes, and return if the profile changes back.'));
  out.push(
    dataTable({
      width,
      columns: [
        { header: 'Item', weight: 33 },
        { header: 'Checklist and section', weight: 17 },
        { header: 'Applies only', weight: 15 },
        { header: 'Status', weight: 9 },
        { header: 'Owner', weight: 9 },
        { header: 'Citation', weight: 17 },
      ],
      rows: flagged.map(({ item, checklist }) => [
        item.title,
        `${checklist.name}\n${item.section}`,
        item.appliesWhen ?? '—',
        ITEM_STATUS_LABELS[item.status],
        orDash(item.owner),
        orDash(item.citation),
      ]),
    }),
  );
  return out;
}

/** Signature block in the form 21 CFR 11.50 asks a signed record to show. */
export function signOffSection(width: number, subject: string): FileChild[] {
  return [
    heading('Sign-off', 1),
    para(`By signing, each person below records that they have ${subject}, with the meaning they state.`),
    note('21 CFR 11.50: a signed record shows the printed name of the signer, the date and time of signing, and the meaning of the signature (such as review, approval, responsibility or authorship).'),
    dataTable({
      width,
      rowHeight: 720,
      columns: [
        { header: 'Name (printed)', weight: 22 },
        { header: 'Role', weight: 18 },
        { header: 'Signature meaning\n(review / approval / responsibility / authorship)', weight: 24 },
        { header: 'Signature', weight: 22 },
        { header: 'Date and time', weight: 14 },
      ],
      rows: Array.from({ length: 4 }, () => ['', '', '', '', '']),
    }),
  ];
}

/**
 * The IND readiness checklist a regulatory team circulates before submission: where the
 * product stands by status, whether the IND gate is open and what blocks it, every item
 * grouped by 21 CFR 312.23 paragraph (or eCTD module), and a sign-off block.
 */
export function buildIndChecklist({ view, product, groupBy: grouping, paper = 'letter', generatedAt }: IndChecklistOptions): Document {
  const checklists = orderedChecklists(view);
  const portrait = contentWidth(paper, 'portrait');
  const landscape = contentWidth(paper, 'landscape');
  const gate = view.gates.find((g) => g.id === 'ind-ready');
  const items = grouping === 'module' ? itemsByModule(checklists, landscape) : itemsBySection(checklists, landscape);
  return createReport({
    title: 'IND readiness checklist',
    subtitle: `Initial IND under 21 CFR 312.23: items by ${grouping === 'module' ? 'eCTD module' : 'section'}`,
    product,
    paper,
    generatedAt,
    coverRows: [
      ['Status date', view.today],
      ['IND gate', gate === undefined ? 'Not evaluated' : gate.ready ? 'Ready to submit' : `Not ready: ${gate.blockers.length} blocking items`],
    ],
    sections: [
      { orientation: 'portrait', children: [...summarySection(view, checklists, portrait), ...gateSection(view, gate, portrait)] },
      { orientation: 'landscape', children: [...items, ...notApplicableSection(checklists, landscape)] },
      { orientation: 'portrait', children: signOffSection(portrait, 'reviewed this IND readiness checklist') },
    ],
  });
}
