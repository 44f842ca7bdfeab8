import type { Document, FileChild } from 'docx';
import type { PlanComparison, Product, ScenarioView } from '../../contract';
import { signed } from './format';
import { heading, note, para } from './word/blocks';
import { contentWidth, type Paper } from './word/page';
import { createReport } from './word/report';
import { dataTable } from './word/tables';

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

/** The record of a planning session: each scenario, what was changed, what was decided, and the dates that result. */
export function buildPlanningSummary({ product, scenarios, comparisons, paper = 'letter', generatedAt }: PlanningSummaryOptions): Document {
  const width = contentWidth(paper, 'portrait');
  const wide = contentWidth(paper, 'landscape');
  const overview: FileChild[] = [heading('Scenarios and decisions', 1)];
  if (scenarios.length === 0) overview.push(para('No planning scenarios have been recorded for this product.'));
  else {
    overview.push(
      dataTable({
        width,
        columns: [
          { header: 'Scenario', weight: 34 },
          { header: 'Decision', weight: 26 },
          { header: 'Changes', weight: 12, align: 'right' },
          { header: 'IND submission', weight: 14 },
          { header: 'First patient dosed', weight: 14 },
        ],
        rows: scenarios.map((s) => [
          s.name,
          DECISIONS[s.status],
          String(s.changes.length),
          s.keyDates.find((k) => k.id === 'ind-submission')?.date ?? '—',
          s.keyDates.find((k) => k.id === 'first-patient-dosed')?.date ?? '—',
        ]),
      }),
    );
  }
  const details: FileChild[] = [];
  for (const s of scenarios) {
    details.push(heading(s.name, 1), para(`${DECISIONS[s.status]}. Started ${s.createdAt.slice(0, 10)}, last changed ${s.updatedAt.slice(0, 10)}.`));
    details.push(heading('What was changed', 2));
    if (s.changes.length === 0) details.push(para('No changes.'));
    else details.push(dataTable({ width: wide, columns: [{ header: 'When (UTC)', weight: 18 }, { header: 'Change', weight: 82 }], rows: s.changes.map((c) => [c.at.slice(0, 16).replace('T', ' '), c.description]) }));
    const found = comparisons.find((c) => c.scenarioId === s.id)?.comparison;
    if (!found) continue;
    details.push(heading('Key dates compared', 2));
    details.push(
      dataTable({
        width: wide,
        columns: [{ header: 'Key date', weight: 22 }, ...found.plans.map((p) => ({ header: p.name, weight: 78 / found.plans.length }))],
        rows: [
          ...found.plans[0]!.keyDates.map((k, i) => [
            k.label,
            ...found.plans.map((p, j) => {
              const date = p.keyDates[i]!.date;
              const base = found.plans[0]!.keyDates[i]!.date;
              if (!date) return '—';
              if (j === 0 || !base) return date;
              const delta = Math.round((Date.parse(date) - Date.parse(base)) / 86_400_000);
              return delta === 0 ? date : `${date} (${signed(delta)})`;
            }),
          ]),
          ['Pathway finish', ...found.plans.map((p) => p.projectFinish ?? '—')],
        ],
      }),
    );
    details.push(heading('Milestones that moved, and why', 2));
    const moved = found.moved.filter((m) => m.deltas.at(-1));
    if (moved.length === 0) details.push(para('Nothing moved against the first plan.'));
    else
      details.push(
        dataTable({
          width: wide,
          columns: [
            { header: 'Milestone', weight: 28 },
            ...found.plans.map((p) => ({ header: `${p.name} finish`, weight: 36 / found.plans.length })),
            { header: 'Moved (days)', weight: 10, align: 'right' as const },
            { header: 'Why', weight: 26 },
          ],
          rows: moved.slice(0, 200).map((m) => [m.name, ...m.finishes.map((f) => f ?? '—'), signed(m.deltas.at(-1) ?? 0), m.why.at(-1) ?? '']),
        }),
      );
    details.push(note(`Critical path in this scenario: ${found.plans.at(-1)!.criticalPath.join(' → ') || '—'}`));
  }
  return createReport({
    title: 'Planning session summary',
    subtitle: 'Scenarios compared, decisions taken and the key dates that result',
    product,
    paper,
    generatedAt,
    coverRows: [['Scenarios', String(scenarios.length)]],
    sections: [
      { orientation: 'portrait', children: overview },
      { orientation: 'landscape', children: details.length ? details : [para('No scenario details.')] },
    ],
  });
}
