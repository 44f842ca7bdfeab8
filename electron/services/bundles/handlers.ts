import { createHash, randomUUID } from 'node:crypto';
import { LATEST_VERSION } from '../../../db';
import type { ServiceContext } from '../context';
import { AppError, issuesOf, notFound } from '../errors';
import type { HandlerMap } from '../handlers';
import { Bundle, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleData, MAX_BUNDLE_CHARS, type BundleData as Data } from './format';

const checksum = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex');

/** One product's rows, checked against the bundle schema on the way out as on the way in. */
function readProduct(ctx: ServiceContext, productId: string): Data {
  const rows = ctx.repos.bundles.read(productId);
  if (!rows) throw notFound('product', productId);
  return BundleData.parse(rows);
}

const refuse = (message: string) => new AppError('VALIDATION', `${message} Nothing was imported.`, [{ path: 'content', message }]);

/** Everything a bundle must satisfy before a single row is written. */
export function parseBundle(content: string): Bundle {
  if (content.length > MAX_BUNDLE_CHARS) throw refuse(`The bundle is larger than ${MAX_BUNDLE_CHARS / 1024 / 1024} MB.`);
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw refuse('The file is not a complete bundle (it is not valid JSON: cut short or damaged?).');
  }
  const head = (json ?? {}) as Record<string, unknown>;
  if (head.format !== BUNDLE_FORMAT) throw refuse('The file is not a tracker bundle.');
  if (head.formatVersion !== BUNDLE_FORMAT_VERSION) throw refuse(`The bundle format version ${String(head.formatVersion)} is not one this tracker reads (it reads ${BUNDLE_FORMAT_VERSION}); update the tracker.`);
  if (typeof head.schemaVersion !== 'number' || head.schemaVersion > LATEST_VERSION) {
    throw refuse(`The bundle was made by a newer tracker (schema ${String(head.schemaVersion)}; this one understands up to ${LATEST_VERSION}). Update the tracker first.`);
  }
  if (typeof head.checksum !== 'string' || checksum(head.data) !== head.checksum) throw refuse('The bundle is damaged: its checksum does not match its content.');
  const parsed = Bundle.safeParse(json);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error).slice(0, 10);
    throw new AppError('VALIDATION', `The bundle does not hold valid data: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}. Nothing was imported.`, issues);
  }
  checkReferences(parsed.data.data);
  return parsed.data;
}

function checkReferences(data: Data) {
  const pid = data.product.id;
  const unique = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const i of ids) {
      if (seen.has(i)) throw refuse(`The bundle repeats the ${what} id "${i}".`);
      seen.add(i);
    }
    return seen;
  };
  const stages = unique('stage', data.stages.map((s) => s.id));
  const milestones = unique('milestone', data.milestones.map((m) => m.id));
  unique('trigger', data.triggers.map((t) => t.id));
  const checklists = unique('checklist', data.checklists.map((c) => c.id));
  unique('checklist item', data.items.map((i) => i.id));
  unique('dependency', data.dependencies.map((d) => `${d.predecessor_id}>${d.successor_id}`));
  const foreign = [...data.stages, ...data.milestones, ...data.triggers, ...data.checklists, ...data.items].find((r) => r.product_id !== pid);
  if (foreign) throw refuse(`A row of the bundle belongs to another product (${foreign.product_id}).`);
  if (data.audit.some((a) => a.product_id !== pid)) throw refuse('An audit entry of the bundle belongs to another product.');
  for (const m of data.milestones) if (!stages.has(m.stage_id)) throw refuse(`Milestone "${m.name}" refers to a stage that is not in the bundle.`);
  for (const d of data.dependencies) {
    if (!milestones.has(d.predecessor_id) || !milestones.has(d.successor_id) || d.predecessor_id === d.successor_id) throw refuse('A dependency refers to a milestone that is not in the bundle.');
  }
  for (const t of data.triggers) if (t.milestone_id && !milestones.has(t.milestone_id)) throw refuse(`Clock trigger "${t.label}" refers to a milestone that is not in the bundle.`);
  for (const i of data.items) if (!checklists.has(i.checklist_id)) throw refuse(`Checklist item "${i.title}" refers to a checklist that is not in the bundle.`);
}

/** Gives every row a new id (and the product a free code): the bundle becomes an independent copy. */
function remap(data: Data, productId: string, code: string): Data {
  const ids = new Map<string, string>([[data.product.id, productId]]);
  const fresh = (old: string) => {
    let next = ids.get(old);
    if (!next) ids.set(old, (next = randomUUID()));
    return next;
  };
  const product = { ...data.product, id: productId, code };
  return {
    product,
    stages: data.stages.map((s) => ({ ...s, id: fresh(s.id), product_id: productId })),
    milestones: data.milestones.map((m) => ({ ...m, id: fresh(m.id), product_id: productId, stage_id: fresh(m.stage_id) })),
    dependencies: data.dependencies.map((d) => ({ ...d, predecessor_id: fresh(d.predecessor_id), successor_id: fresh(d.successor_id) })),
    triggers: data.triggers.map((t) => ({ ...t, id: fresh(t.id), product_id: productId, milestone_id: t.milestone_id && fresh(t.milestone_id) })),
    checklists: data.checklists.map((c) => ({ ...c, id: fresh(c.id), product_id: productId })),
    items: data.items.map((i) => ({ ...i, id: fresh(i.id), product_id: productId, checklist_id: fresh(i.checklist_id) })),
    audit: data.audit.map((a) => ({ ...a, product_id: productId, entity_id: ids.get(a.entity_id) ?? a.entity_id })),
  };
}

function freeCode(ctx: ServiceContext, code: string): string {
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '-COPY' : `-COPY${n}`;
    const candidate = code.slice(0, 20 - suffix.length) + suffix;
    if (!ctx.repos.products.findByCode(candidate)) return candidate;
  }
  throw new AppError('CONFLICT', `No free code for a copy of ${code}; rename the existing copies first.`);
}

export const bundleHandlers: HandlerMap<'bundles.export' | 'bundles.import'> = {
  'bundles.export': ({ productId }, ctx) => {
    const data = readProduct(ctx, productId);
    const bundle = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      schemaVersion: ctx.info.schemaVersion,
      exportedAt: ctx.now(),
      exportedBy: ctx.actor(),
      checksum: checksum(data),
      data,
    };
    return { fileName: `${data.product.code}-${ctx.today()}.rptbundle`, content: JSON.stringify(bundle) };
  },

  'bundles.import': ({ content, fileName, mode }, ctx) => {
    const bundle = parseBundle(content);
    const incoming = bundle.data;
    return ctx.write((audit) => {
      const byId = ctx.repos.products.get(incoming.product.id);
      const byCode = ctx.repos.products.findByCode(incoming.product.code);
      const existing = byId ?? byCode;
      let data: Data;
      let outcome: 'new' | 'copy' | 'replace';
      if (!existing) {
        data = incoming;
        outcome = 'new';
      } else if (mode === 'copy') {
        data = remap(incoming, randomUUID(), freeCode(ctx, incoming.product.code));
        outcome = 'copy';
      } else if (mode === 'replace') {
        if (byId && byCode && byId.id !== byCode.id) {
          throw new AppError('CONFLICT', `The bundle's product matches two products here (${byId.code} by id, ${byCode.code} by code). Import it as a copy instead.`);
        }
        // Bundles do not carry the lot register yet: replacing would lose the lots, so it is refused.
        const lots = ctx.repos.lots.lots(existing.id).length;
        if (lots > 0) {
          throw new AppError('CONFLICT', `${existing.code} has ${lots} lot${lots === 1 ? '' : 's'} in its lot register, which sharing bundles do not carry yet: replacing it would lose them. Import the bundle as a copy instead. Nothing was imported.`, [{ path: 'mode', message: 'Import as a copy' }]);
        }
        const known = new Set(ctx.repos.audit.list({ productId: existing.id, limit: 5000 }).map((a) => `${a.at}|${a.entity}|${a.entityId}|${a.field}|${a.newValue}`));
        ctx.repos.bundles.clearProduct(existing.id);
        data = remap(incoming, existing.id, incoming.product.code);
        // Entries this file shares with the trail already here are not written twice.
        data.audit = data.audit.filter((a) => !known.has(`${a.at}|${a.entity}|${a.entity_id}|${a.field}|${a.new_value}`));
        outcome = 'replace';
      } else {
        throw new AppError(
          'CONFLICT',
          `${existing.code} "${existing.name}" already exists here. Import the bundle as a copy (a new product with its own code), or replace the existing product with it. Nothing was imported.`,
          [{ path: 'mode', message: 'Choose "copy" or "replace"' }],
        );
      }
      ctx.repos.bundles.insertAll(data);
      audit({
        entity: 'product',
        entityId: data.product.id,
        productId: data.product.id,
        action: outcome === 'replace' ? 'update' : 'create',
        field: 'bundle',
        newValue: JSON.stringify({ file: fileName, mode: outcome, exportedAt: bundle.exportedAt, exportedBy: bundle.exportedBy }),
        reason: outcome === 'replace' ? `Replaced by the product in ${fileName}` : `Imported from ${fileName}`,
      });
      audit.summarise(`${outcome === 'replace' ? 'Replaced' : 'Imported'} ${data.product.code} from the sharing bundle ${fileName}${outcome === 'copy' ? ' (as a copy)' : ''}`);
      return {
        productId: data.product.id,
        code: data.product.code,
        mode: outcome,
        counts: { milestones: data.milestones.length, checklistItems: data.items.length, triggers: data.triggers.length, auditEntries: data.audit.length },
      };
    });
  },
};
