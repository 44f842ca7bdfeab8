import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import lotExamples from '../../../templates/examples/lots.json';
import type { LotRow, LotResultRow, LotSpecAttributeRow } from '../../../db/repositories/lots';
import type { Product, SpecTemplate } from '../../contract';
import { addDays } from '../../contract/dates';
import { formatNumber, readEntered } from '../../domain/lots/judge';
import type { Audit, ServiceContext } from '../context';
import { templateFor } from './templates';

/*
 * Illustrative lot histories for the example portfolio: a specification from the product's
 * suggested template and 8–20 lots whose results are drawn, deterministically, around the
 * middle of each acceptance range, with a process change, a drifting attribute and one OOS
 * where the parameters ask for them. Every lot is marked illustrative.
 */
const ExampleLots = z.object({
  code: z.string(),
  firstLot: z.string(),
  start: z.string(),
  everyDays: z.number().int().positive(),
  scale: z.string(),
  source: z.string(),
  lots: z.array(z.enum(['engineering', 'toxicology', 'clinical', 'stability', 'research'])).min(8).max(20),
  onTest: z.number().int().min(0),
  processChange: z.object({ fromLot: z.number().int(), version: z.string(), shiftSd: z.record(z.string(), z.number()) }).optional(),
  drift: z.object({ attribute: z.string(), fromLot: z.number().int(), stepSd: z.number() }).optional(),
  oos: z.object({ lot: z.number().int(), attribute: z.string(), value: z.string(), investigation: z.string(), status: z.enum(['rejected', 'released', 'quarantined']) }).optional(),
});
const EXAMPLE_LOTS = z.object({ products: z.array(ExampleLots) }).parse({ products: lotExamples.products }).products;

/** A small seeded generator (mulberry32) and a normal deviate from it: the same history every load. */
function random(seed: string) {
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 1779033703);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
}

type Attribute = Pick<SpecTemplate['attributes'][number], 'kind' | 'lower' | 'upper' | 'unit'>;

/** Where results of an attribute sit and how much they vary, from its acceptance criterion. */
function centre(a: Attribute): { mean: number; sd: number } | null {
  const lo = a.lower ?? null;
  const hi = a.upper ?? null;
  switch (a.kind) {
    case 'range':
      if (lo === null || hi === null) return null;
      if (lo > 0 && hi / lo > 20) return { mean: Math.sqrt(lo * hi) * 0.8, sd: Math.sqrt(lo * hi) * 0.08 };
      return { mean: (lo + hi) / 2, sd: (hi - lo) / 14 };
    case 'min':
      return lo === null ? null : a.unit === '%' ? { mean: Math.min(95, lo + 22), sd: 3 } : { mean: lo * 1.8, sd: lo * 0.15 };
    case 'max':
      return hi === null ? null : { mean: hi * 0.3, sd: hi * 0.06 };
    case 'report':
      return a.unit === '%' ? { mean: 60, sd: 6 } : { mean: 1000, sd: 120 };
    default:
      return null;
  }
}

const round = (v: number) => Number(v.toPrecision(3));

/** Gives an example product its illustrative specification and lot history, in the caller's transaction. */
export function applyExampleLots(ctx: ServiceContext, product: Product, audit: Audit) {
  const example = EXAMPLE_LOTS.find((e) => e.code === product.code);
  const template = templateFor(product.fraction);
  if (!example || !template) return;
  const now = ctx.now();
  const spec = { id: randomUUID(), product_id: product.id, version: 1, phase: 'phase-1', notes: 'Illustrative example specification from the suggested template.', source: template.name, created_at: now };
  ctx.repos.lots.insertSpec(spec);
  const attributes: LotSpecAttributeRow[] = template.attributes.map((a, position) => ({
    id: randomUUID(),
    spec_id: spec.id,
    key: a.key!,
    name: a.name,
    method: a.method ?? '',
    unit: a.unit ?? '',
    kind: a.kind,
    lower: a.lower ?? null,
    upper: a.upper ?? null,
    required: a.required === false ? 0 : 1,
    checklist_item_id: null,
    citation: a.citation ?? '',
    position,
  }));
  for (const a of attributes) ctx.repos.lots.insertAttribute(a);
  audit({ entity: 'lot_spec', entityId: spec.id, productId: product.id, action: 'create', newValue: JSON.stringify({ name: 'Specification v1', source: template.name }), reason: 'Example portfolio' });

  const milestones = new Map(ctx.repos.pathway.milestones(product.id).flatMap((m) => (m.key ? [[m.key, m.id] as const] : [])));
  const normal = random(product.code);
  const drift = example.drift;
  example.lots.forEach((purpose, i) => {
    const n = i + 1;
    const made = addDays(example.start, i * example.everyDays);
    const tested = addDays(made, 6);
    const change = example.processChange && n >= example.processChange.fromLot ? example.processChange : null;
    const oos = example.oos?.lot === n ? example.oos : null;
    const onTest = n > example.lots.length - example.onTest;
    const status = oos?.status ?? (onTest ? 'on-test' : 'released');
    const milestoneKey = purpose === 'toxicology' ? 'tox-lot-released' : purpose === 'clinical' ? 'clinical-lot-released' : null;
    const lot: LotRow = {
      id: randomUUID(),
      product_id: product.id,
      spec_id: spec.id,
      lot_number: `${example.firstLot}${String(n).padStart(3, '0')}`,
      purpose,
      manufactured_on: made,
      process_version: change ? change.version : 'v1',
      source: example.source,
      scale: example.scale,
      status,
      retest_on: null,
      expiry_on: addDays(made, 365),
      milestone_id: milestoneKey ? (milestones.get(milestoneKey) ?? null) : null,
      deviation: '',
      illustrative: 1,
      notes: 'Illustrative example lot (not real manufacturing data).',
      released_on: status === 'released' ? addDays(made, 21) : null,
      created_at: now,
      updated_at: now,
    };
    ctx.repos.lots.insertLot(lot);
    audit({ entity: 'lot', entityId: lot.id, productId: product.id, action: 'create', newValue: JSON.stringify({ name: `Lot ${lot.lot_number}`, purpose, status }), reason: 'Example portfolio' });
    for (const a of attributes) {
      let entered: string;
      if (oos?.attribute === a.key) entered = oos.value;
      else if (a.kind === 'negative') entered = 'Negative';
      else if (a.kind === 'conforms') entered = 'Conforms';
      else {
        const c = centre(a);
        if (!c) continue;
        const shift = (change?.shiftSd[a.key] ?? 0) + (drift && drift.attribute === a.key && n >= drift.fromLot ? drift.stepSd * (n - drift.fromLot + 1) : 0);
        const value = c.mean + c.sd * (normal() * 0.9 + shift);
        entered = formatNumber(round(a.unit === '%' ? Math.min(100, Math.max(0, value)) : Math.max(value, c.mean * 0.05)));
      }
      const read = readEntered(a, entered, a.unit);
      if (!read.ok) continue;
      const row: LotResultRow = {
        id: randomUUID(),
        lot_id: lot.id,
        attribute_id: a.id,
        value_text: read.text,
        value_num: read.num,
        entered_value: entered,
        entered_unit: a.unit,
        tested_on: tested,
        analyst: 'QC (example)',
        method: a.method,
        investigation: oos?.attribute === a.key ? oos.investigation : '',
        created_at: now,
        updated_at: now,
      };
      ctx.repos.lots.upsertResult(row);
      audit({ entity: 'lot_result', entityId: row.id, productId: product.id, action: 'create', newValue: JSON.stringify({ name: `${lot.lot_number} · ${a.name}`, value: row.value_text }), reason: 'Example portfolio' });
    }
  });
}
