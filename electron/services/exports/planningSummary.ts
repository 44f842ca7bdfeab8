import type { Document } from 'docx';
import type { PlanComparison, Product, ScenarioView } from '../../contract';
import { signed } from './format';
import { note, para } from './word/blocks';
import { type Paper } from './word/page';
import { createReport, part, type ReportSection, section } from './word/report';
import { table } from './word/tables';

export interface PlanningSummaryOptions {
  product: Product;
  /** Every scenario of the product, newest first. */
  scenarios: readonly ScenarioView[];
  /** Live plan (and reference baseline, if any) against each scenario. */
  comparisons: ReadonlyArray<{ scenarioId: string; comparison: PlanComparison }>;
  paper?: Paper;
  generatedAt: string | Date;
}

const DECISIONS = { open: 'Kept open for later', applied: 'Applied to the live plan', discarded: 'Discarded' } as const;

const keyDate = (s: ScenarioView, id: string) => s.keyDates.find((k) => k.id === id)?.date ?? '—';

function overviewSection(scenarios: readonly ScenarioView[]): ReportSection {
  return section({
    title: 'Scenarios and decisions',
    empty: scenarios.length === 0 && 'No planning scenarios have been recorded for this product.',
    children: [
      table({
        rows: scenarios,
        columns: [
          { header: 'Scenario', width: 34, cell: (s) => s.name },
          { header: 'Decision', width: 26, cell: (s) => DECISIONS[s.status] },
          { header: 'Changes', width: 12, align: 'right', cell: (s) => String(s.changes.length) },
          { header: 'IND submission', width: 14, cell: (s) => keyDate(s, 'ind-submission') },
          { header: 'First patient dosed', width: 14, cell: (s) => keyDate(s, 'first-patient-dosed') },
        ],
      }),
    ],
  });
}

/** A plan's date for the key date, with how far it moved from the first plan's. */
function comparedDate(comparison: PlanComparison, plan: number, keyDate: number): string {
  const date = comparison.plans[plan]!.keyDates[keyDate]!.date;
  const base = comparison.plans[0]!.keyDates[keyDate]!.date;
  if (!date) return '—';
  if (plan === 0 || !base) return date;
  const delta = Math.round((Date.parse(date) - Date.parse(base)) / 86_400_000);
  return delta === 0 ? date : `${date} (${signed(delta)})`;
}

function comparisonParts(found: PlanComparison) {
  const moved = found.moved.filter((m) => m.deltas.at(-1));
  const plans = found.plans.map((p, j) => ({ p, j }));
  return [
    ...part({
      title: 'Key dates compared',
      children: [
        table({
          rows: [...found.plans[0]!.keyDates.map((k, i) => ({ label: k.label, date: (j: number) => comparedDate(found, j, i) })), { label: 'Pathway finish', date: (j: number) => found.plans[j]!.projectFinish ?? '—' }],
          columns: [{ header: 'Key date', width: 22, cell: (row) => row.label }, ...plans.map(({ p, j }) => ({ header: p.name, width: 78 / found.plans.length, cell: (row: { date: (j: number) => string }) => row.date(j) }))],
        }),
      ],
    }),
    ...part({
      title: 'Milestones that moved, and why',
      empty: moved.length === 0 && 'Nothing moved against the first plan.',
      children: [
        table({
          rows: moved.slice(0, 200),
          columns: [
            { header: 'Milestone', width: 28, cell: (m) => m.name },
            ...plans.map(({ p, j }) => ({ header: `${p.name} finish`, width: 36 / found.plans.length, cell: (m: (typeof moved)[number]) => m.finishes[j] ?? '—' })),
            { header: 'Moved (days)', width: 10, align: 'right', cell: (m) => signed(m.deltas.at(-1) ?? 0) },
            { header: 'Why', width: 26, cell: (m) => m.why.at(-1) ?? '' },
          ],
        }),
      ],
    }),
    note(`Critical path in this scenario: ${found.plans.at(-1)!.criticalPath.join(' → ') || '—'}`),
  ];
}

function scenarioSection(s: ScenarioView, found: PlanComparison | undefined): ReportSection {
  return section({
    title: s.name,
    landscape: true,
    children: [
      para(`${DECISIONS[s.status]}. Started ${s.createdAt.slice(0, 10)}, last changed ${s.updatedAt.slice(0, 10)}.`),
      ...part({
        title: 'What was changed',
        empty: s.changes.length === 0 && 'No changes.',
        children: [
          table({
            rows: s.changes,
            columns: [
              { header: 'When (UTC)', width: 18, cell: (c) => c.at.slice(0, 16).replace('T', ' ') },
              { header: 'Change', width: 82, cell: (c) => c.description },
            ],
          }),
        ],
      }),
      ...(found === undefined ? [] : comparisonParts(found)),
    ],
  });
}

/** The record of a planning session: each scenario, what was changed, what was decided, and the dates that result. */
export function buildPlanningSummary({ product, scenarios, comparisons, paper = 'letter', generatedAt }: PlanningSummaryOptions): Document {
  return createReport({
    title: 'Planning session summary',
    subtitle: 'Scenarios compared, decisions taken and the key dates that result',
    product,
    paper,
    generatedAt,
    coverRows: [['Scenarios', String(scenarios.length)]],
    sections: [
      overviewSection(scenarios),
      ...(scenarios.length === 0
        ? [section({ landscape: true, children: [para('No scenario details.')] })]
        : scenarios.map((s) => scenarioSection(s, comparisons.find((c) => c.scenarioId === s.id)?.comparison))),
    ],
  });
}
