import crypto from 'node:crypto';
import type { SignatureKind, SignatureRow } from '../../../db/repositories/signatures';
import type { ServiceContext } from '../context';
import { productReadiness } from '../checklists/readiness';

/** JSON with keys in order at every level: the same content always gives the same text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export interface SignedRecord {
  productId: string | null;
  /** The record in words, for the verifier and the trail. */
  label: string;
  content: unknown;
}

/** Exports that carry a "Reviewed" signature block, signed as `<productId>:<export>`. */
export const SIGNABLE_EXPORTS = ['ind-checklist', 'plan'] as const;

/** A gate is signed as `<productId>:<gateId>`. */
export function gateRef(recordId: string): { productId: string; gateId: string } | null {
  const at = recordId.indexOf(':');
  return at > 0 ? { productId: recordId.slice(0, at), gateId: recordId.slice(at + 1) } : null;
}

/** The current content of a signable record (what its hash covers), or null when it no longer exists. */
export function recordContent(ctx: ServiceContext, kind: SignatureKind, recordId: string): SignedRecord | null {
  if (kind === 'checklist_item') {
    const row = ctx.repos.checklists.item(recordId);
    if (!row) return null;
    const { created_at: _c, updated_at: _u, position: _p, ...content } = row;
    return { productId: row.product_id, label: `Checklist item "${row.title}"`, content: { kind, ...content } };
  }
  if (kind === 'gate') {
    const ref = gateRef(recordId);
    if (!ref || !ctx.repos.products.get(ref.productId)) return null;
    const gate = productReadiness(ctx, ref.productId).gates.find((g) => g.id === ref.gateId);
    if (!gate) return null;
    const items = ctx.repos.checklists
      .readiness(ref.productId)
      .map((r) => ({ id: r.id, status: r.status, required: r.required, applicable: r.applicable, justification: r.justification }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    return { productId: ref.productId, label: `Readiness gate "${gate.label}"`, content: { kind, gate: ref.gateId, product: ref.productId, ready: gate.ready, items } };
  }
  if (kind === 'export') {
    const ref = gateRef(recordId);
    if (!ref || !(SIGNABLE_EXPORTS as readonly string[]).includes(ref.gateId)) return null;
    const product = ctx.repos.products.get(ref.productId);
    if (!product) return null;
    if (ref.gateId === 'plan') {
      // What the plan prints and rests on: the pathway's stages, milestones (durations, planned and actual dates, meetings) and dependencies.
      const settings = ctx.repos.pathway.settings(ref.productId);
      if (!settings) return null;
      const milestones = ctx.repos.pathway.milestones(ref.productId).map(({ created_at: _c, updated_at: _u, ...m }) => m);
      const dependencies = ctx.repos.pathway.dependencies(ref.productId).map((d) => ({ ...d }));
      const stages = ctx.repos.pathway.stages(ref.productId).map((s) => ({ id: s.id, name: s.name, kind: s.kind }));
      return { productId: ref.productId, label: `Development plan export of ${product.code}`, content: { kind, export: 'plan', product: ref.productId, startDate: settings.start_date, calendar: settings.calendar, stages, milestones, dependencies } };
    }
    // What the IND checklist prints: every item with its status, owner, due date, evidence and justification.
    const items = ctx.repos.checklists.items(ref.productId).map(({ created_at: _c, updated_at: _u, ...item }) => item);
    return { productId: ref.productId, label: `IND checklist export of ${product.code}`, content: { kind, export: ref.gateId, product: ref.productId, items } };
  }
  if (kind === 'scenario') {
    const row = ctx.repos.scenarios.get(recordId);
    if (!row) return null;
    // What applying it approved: the session's name, the plan it wrote and the changes that made it.
    return { productId: row.product_id, label: `Planning session "${row.name}"`, content: { kind, id: row.id, product: row.product_id, name: row.name, plan: JSON.parse(row.plan) as unknown, changes: JSON.parse(row.changes) as unknown } };
  }
  return null;
}

export const contentHash = (record: SignedRecord) => sha256(canonical(record.content));

/** The text the installation key signs: every field a manifestation shows, plus the record and its content hash. */
export function signedPayload(row: Omit<SignatureRow, 'signature' | 'superseded_at' | 'superseded_reason' | 'public_key'>): string {
  return canonical({
    v: 1,
    id: row.id,
    signer: row.signer_id,
    kind: row.record_kind,
    record: row.record_id,
    product: row.product_id,
    meaning: row.meaning,
    printedName: row.printed_name,
    signedAt: row.signed_at,
    timeZone: row.time_zone,
    contentHash: row.content_hash,
    keyFingerprint: row.key_fingerprint,
  });
}
