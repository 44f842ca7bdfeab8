import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ChecklistItem, type ChecklistsView, ITEM_STATUS_IDS, ITEM_STATUS_LABELS, type Product, type Channel, type ChannelInput } from '../electron/contract';
import { call as typedCall, sampleProfile, tempBackend } from '../electron/test-support/backend';
import { toBuffer } from '../electron/services/exports/document';
import { buildIndChecklist } from '../electron/services/exports/indChecklist';
import { buildPlan } from '../electron/services/exports/plan';
import { timeMs, type BenchResult } from './harness';
import { randomNetwork } from './schedule';

const GENERATED = '2026-01-05T12:00:00.000Z';
const ITEMS = 500;
const MILESTONES = 200;

/**
 * Word exports from live data: an IND checklist of 500 items and a plan of 200 milestones,
 * each timed as build + Packer.toBuffer (the plan includes rendering its timeline figure).
 * For scale, pandoc converting the same 500 items written as Markdown tables to .docx.
 */
export async function benchExport(): Promise<BenchResult[]> {
  const backend = tempBackend(() => GENERATED);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-bench-export-'));
  try {
    const call = <C extends Channel>(channel: C, input: ChannelInput<C>) => typedCall(backend, channel, input);

    // --- IND checklist, 500 items: the defaults plus custom items written straight to the table.
    const big = await call('products.create', { ...sampleProfile({ code: 'EXP-500' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } });
    const generated = await call('checklists.generate', { productId: big.id });
    const cmc = generated.checklists.find((c) => c.kind === 'cmc')!;
    const existing = generated.checklists.reduce((sum, c) => sum + c.items.length, 0);
    const now = backend.ctx.now();
    backend.ctx.write(() => {
      for (let i = existing; i < ITEMS; i++) {
        backend.ctx.repos.checklists.insertItem(
          {
            id: randomUUID(), checklist_id: cmc.id, product_id: big.id, template_item_id: null, section: `CMC ${10 + (i % 12)}`, section_title: 'Lot release and characterisation (bench)',
            title: `Custom release test ${i}: particle concentration by NTA within specification`, guidance: 'Report the method, the acceptance criterion and the result for each lot; link the certificate of analysis.',
            citation: '21 CFR 312.23(a)(7); 21 CFR 610.12', required: 1, stage: 'ind', milestone_key: null, ectd_module: String(1 + (i % 5)), applies_when: null,
            applicable: i % 50 === 0 ? 0 : 1, status: ITEM_STATUS_IDS[i % 5]!, justification: '', owner: `Owner ${i % 7}`,
            due: i % 3 === 0 ? JSON.stringify({ kind: 'milestone', milestone: 'ind-submitted', offsetDays: -(i % 60) }) : null,
            document_path: '', notes: i % 4 === 0 ? 'Second lot pending QA release; comparability protocol attached to the batch record.' : '', position: i,
          },
          now,
        );
      }
    });
    const view = await call('checklists.get', { productId: big.id });
    const total = view.checklists.reduce((sum, c) => sum + c.items.length, 0);
    if (total !== ITEMS) throw new Error(`expected ${ITEMS} items, have ${total}`);
    const product = await call('products.get', { id: big.id });
    let bytes = 0;
    const indMs = await timeMs(async () => {
      bytes = (await toBuffer(buildIndChecklist({ view, product, groupBy: 'section', generatedAt: GENERATED }))).length;
    }, { warmUp: 2, runs: 7 });
    if (bytes === 0) throw new Error('empty IND checklist export');

    // --- Plan, 200 milestones in six stages, with the default checklists for the open items.
    const planned = await call('products.create', sampleProfile({ code: 'EXP-200' }));
    const { pathway: repo } = backend.ctx.repos;
    const { milestones, dependencies } = randomNetwork(MILESTONES, 11);
    backend.ctx.write(() => {
      const stageIds = ['in-vitro', 'in-vivo', 'pre-ind', 'ind', 'phase-1', 'phase-2'].map((kind, position) => {
        const id = randomUUID();
        repo.insertStage({ id, product_id: planned.id, kind, name: kind, position });
        return id;
      });
      milestones.forEach((m, i) =>
        repo.insertMilestone(
          {
            id: m.id, product_id: planned.id, stage_id: stageIds[Math.floor((i * stageIds.length) / milestones.length)]!, key: null, name: `Milestone ${m.id}`,
            description: '', duration_days: m.durationDays, gate: 0, citation: '', clock_event: null, meeting_type: null, position: i, owner: '', notes: '',
            planned_start: m.plannedStart ?? null, planned_finish: null, actual_start: m.actualStart ?? null, actual_finish: null,
          },
          now,
        ),
      );
      for (const d of dependencies) if (!repo.dependency(d.predecessorId, d.successorId)) repo.insertDependency(d.predecessorId, d.successorId, d.lagDays);
      repo.setSettings(planned.id, { templateId: null, startDate: '2026-01-05', calendar: 'calendar' }, now);
    });
    const pathway = await call('pathway.get', { productId: planned.id });
    const planChecklists = await call('checklists.generate', { productId: planned.id });
    const planMs = await timeMs(async () => {
      await toBuffer(buildPlan({ pathway, checklists: planChecklists, generatedAt: GENERATED }));
    }, { warmUp: 2, runs: 7 });

    const results: BenchResult[] = [
      { name: `export.indChecklist.${ITEMS}`, value: indMs, unit: 'ms' },
      { name: `export.plan.${MILESTONES}`, value: planMs, unit: 'ms' },
    ];

    // --- pandoc on the same 500 items, as Markdown pipe tables grouped the same way.
    if (ensurePandoc()) {
      const md = path.join(work, 'ind.md');
      const out = path.join(work, 'ind.docx');
      fs.writeFileSync(md, checklistMarkdown(view, product));
      const pandocMs = await timeMs(() => execFileSync('pandoc', [md, '-o', out], { stdio: 'pipe' }), { warmUp: 1, runs: 5 });
      results.push(
        { name: `export.pandoc.indChecklist.${ITEMS}`, value: pandocMs, unit: 'ms' },
        { name: 'export.ratio.ours_over_pandoc', value: Math.round((indMs / pandocMs) * 100) / 100, unit: 'x' },
      );
    }
    return results;
  } finally {
    backend.cleanup();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** pandoc is the yardstick, not a dependency: install it on demand (Debian), say so on stderr. */
function ensurePandoc(): boolean {
  if (spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).error === undefined) return true;
  console.error('bench/export: pandoc is missing; installing it with apt-get install -y --no-install-recommends pandoc');
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'pandoc'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  let result = install();
  if (result.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'] });
    result = install();
  }
  if (result.status === 0 && spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).error === undefined) return true;
  console.error('bench/export: could not install pandoc; the pandoc comparison is left out of this run');
  return false;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim() || '—';

function checklistMarkdown(view: ChecklistsView, product: Product): string {
  const lines = [`# IND readiness checklist: ${product.name} (${product.code})`, ''];
  for (const checklist of view.checklists) {
    lines.push(`## ${checklist.name}`, '');
    const groups = new Map<string, ChecklistItem[]>();
    for (const item of checklist.items) {
      const key = `${item.section} — ${item.sectionTitle}`;
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    for (const [section, items] of groups) {
      lines.push(`### ${section}`, '', '| Item | Status | Owner | Due | Linked document | Notes | Citation |', '| --- | --- | --- | --- | --- | --- | --- |');
      for (const i of items) {
        lines.push(`| **${cell(i.title)}** ${cell(i.guidance)} | ${ITEM_STATUS_LABELS[i.status]} | ${cell(i.owner)} | ${i.dueDate ?? '—'} | ${cell(i.documentPath)} | ${cell(i.notes)} | ${cell(i.citation)} |`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}
