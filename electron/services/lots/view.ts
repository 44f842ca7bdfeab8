import type { LotResultRow, LotRow, LotSpecAttributeRow, LotSpecRow } from '../../../db/repositories/lots';
import { LotPurpose, LotStatus, CriterionKind, SpecPhase, type LotSummary, type LotView, type Spec, type SpecAttribute } from '../../contract';
import { criterionText, judge } from '../../domain/lots/judge';
import { releaseBlockers } from '../../domain/lots/release';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { member } from '../vocabulary';

export function toAttribute(row: LotSpecAttributeRow): SpecAttribute {
  const kind = member(CriterionKind.options, row.kind, 'acceptance criterion');
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    method: row.method,
    unit: row.unit,
    kind,
    lower: row.lower,
    upper: row.upper,
    required: row.required === 1,
    checklistItemId: row.checklist_item_id,
    citation: row.citation,
    criterion: criterionText({ ...row, kind }),
  };
}

export function toSpec(row: LotSpecRow, attributes: readonly LotSpecAttributeRow[], lotCount: number): Spec {
  return {
    id: row.id,
    productId: row.product_id,
    version: row.version,
    phase: member(SpecPhase.options, row.phase, 'specification phase'),
    notes: row.notes,
    source: row.source,
    createdAt: row.created_at,
    attributes: attributes.map(toAttribute),
    lotCount,
  };
}

export function requireLot(ctx: ServiceContext, id: string): LotRow {
  const row = ctx.repos.lots.lot(id);
  if (!row) throw notFound('lot', id);
  return row;
}

/** A lot's results line by line against its own specification version: judgement and what blocks release. */
export function linesOf(attributes: readonly SpecAttribute[], results: readonly LotResultRow[]) {
  const byAttribute = new Map(results.map((r) => [r.attribute_id, r]));
  return attributes.map((attribute) => {
    const r = byAttribute.get(attribute.id) ?? null;
    const judgement = judge(attribute, r ? { text: r.value_text, num: r.value_num } : null);
    return {
      attribute,
      result: r
        ? { id: r.id, value: r.value_text, valueNumber: r.value_num, enteredValue: r.entered_value, enteredUnit: r.entered_unit, testedOn: r.tested_on, analyst: r.analyst, method: r.method, investigation: r.investigation }
        : null,
      judgement,
      needsInvestigation: judgement === 'oos' && !(r?.investigation.trim()),
    };
  });
}

type Line = ReturnType<typeof linesOf>[number];

export function toLotSummary(row: LotRow, spec: Spec, lines: readonly Line[], milestoneName: string | null): LotSummary {
  const counts = { conforms: 0, oos: 0, missing: 0 };
  for (const l of lines) counts[l.judgement]++;
  return {
    id: row.id,
    productId: row.product_id,
    lotNumber: row.lot_number,
    purpose: member(LotPurpose.options, row.purpose, 'lot purpose'),
    manufacturedOn: row.manufactured_on,
    processVersion: row.process_version,
    source: row.source,
    scale: row.scale,
    status: member(LotStatus.options, row.status, 'lot status'),
    retestOn: row.retest_on,
    expiryOn: row.expiry_on,
    milestoneId: row.milestone_id,
    milestoneName,
    deviation: row.deviation,
    illustrative: row.illustrative === 1,
    notes: row.notes,
    releasedOn: row.released_on,
    specId: spec.id,
    specVersion: spec.version,
    counts,
    releaseBlockers: releaseBlockers(
      lines.map((l) => ({ name: l.attribute.name, required: l.attribute.required, judgement: l.judgement, investigated: !l.needsInvestigation })),
      row.deviation,
    ),
  };
}

/** Every specification version of a product, read once (lists, trends and exports share it). */
export function specBook(ctx: ServiceContext, productId: string) {
  const attributes = new Map<string, LotSpecAttributeRow[]>();
  for (const a of ctx.repos.lots.attributesOfProduct(productId)) {
    const list = attributes.get(a.spec_id) ?? [];
    list.push(a);
    attributes.set(a.spec_id, list);
  }
  const lots = ctx.repos.lots.lots(productId);
  const lotCount = new Map<string, number>();
  for (const l of lots) lotCount.set(l.spec_id, (lotCount.get(l.spec_id) ?? 0) + 1);
  const specs = ctx.repos.lots.specs(productId).map((row) => toSpec(row, attributes.get(row.id) ?? [], lotCount.get(row.id) ?? 0));
  return { specs, byId: new Map(specs.map((s) => [s.id, s])), current: specs.at(-1) ?? null, lots };
}

function milestoneNames(ctx: ServiceContext, productId: string): Map<string, string> {
  return new Map(ctx.repos.pathway.milestones(productId).map((m) => [m.id, m.name]));
}

export function lotView(ctx: ServiceContext, lotId: string): LotView {
  const row = requireLot(ctx, lotId);
  const specRow = ctx.repos.lots.spec(row.spec_id);
  if (!specRow) throw notFound('specification', row.spec_id);
  const spec = toSpec(specRow, ctx.repos.lots.attributes(specRow.id), 0);
  const lines = linesOf(spec.attributes, ctx.repos.lots.results(row.id));
  const milestone = row.milestone_id ? (milestoneNames(ctx, row.product_id).get(row.milestone_id) ?? null) : null;
  return { lot: toLotSummary(row, spec, lines, milestone), spec, lines };
}

/** All lots of a product with their judgements (results read once for the product). */
export function lotsOfProduct(ctx: ServiceContext, productId: string) {
  const book = specBook(ctx, productId);
  const results = new Map<string, LotResultRow[]>();
  for (const r of ctx.repos.lots.resultsOfProduct(productId)) {
    const list = results.get(r.lot_id) ?? [];
    list.push(r);
    results.set(r.lot_id, list);
  }
  const milestones = milestoneNames(ctx, productId);
  const lots = book.lots.map((row) => {
    const spec = book.byId.get(row.spec_id)!;
    const lines = linesOf(spec.attributes, results.get(row.id) ?? []);
    return { row, spec, lines, summary: toLotSummary(row, spec, lines, row.milestone_id ? (milestones.get(row.milestone_id) ?? null) : null) };
  });
  return { ...book, lots };
}
