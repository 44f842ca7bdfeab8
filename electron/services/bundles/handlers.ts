import { createHash, randomUUID } from 'node:crypto';
import { LATEST_VERSION } from '../../../db';
import type { ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import type { HandlerMap } from '../handlers';
import { documentPathShapeProblem } from '../checklists/documents';
import { signedText, signerOf, trustHandlers } from './trust';
import { checkSignature, SUPERSEDED_REASON, UNTRUSTED_KEY } from '../signatures/verify';
import { ImportMapping, issuesOf } from '../../contract';
import { Bundle, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleData, MAX_BUNDLE_CHARS, type BundleData as Data } from './format';

const checksum = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex');

/** One product's rows, checked against the bundle schema on the way out as on the way in. */
function readProduct(ctx: ServiceContext, productId: string): Data {
  const rows = ctx.repos.bundles.read(productId);
  if (!rows) throw notFound('product', productId);
  return BundleData.parse({ ...rows, signatures: ctx.repos.signatures.ofProduct(productId) });
}

/**
 * Electronic signatures travel with their records, each with the public key that made it, so
 * the verifier here checks them (a key not among the trusted colleagues' is reported). They are
 * kept only when the records keep their ids (a new product here): a copy or a replacement gives
 * every record a new id, which no signature covers.
 */
function importSignatures(ctx: ServiceContext, data: Data): { kept: number; dropped: number } {
  const rows = data.signatures ?? [];
  const now = ctx.now();
  for (const row of rows) {
    if (row.product_id !== data.product.id) throw refuse('An electronic signature of the bundle belongs to another product.');
    if (!ctx.repos.signatures.signer(row.signer_id)) {
      // The signer is a person of another installation: known here by name only, and cannot sign here (no password).
      let name = `${row.printed_name} (imported)`;
      for (let n = 2; ctx.repos.signatures.signerByName(name); n++) name = `${row.printed_name} (imported ${n})`;
      ctx.repos.signatures.insertSigner({ id: row.signer_id, display_name: name, os_account: '', password_salt: '', password_hash: '', failed_attempts: 0, locked_until: null, created_at: now, password_set_at: now });
    }
    const { superseded_at: supersededAt, superseded_reason: supersededReason, ...signature } = row;
    ctx.repos.signatures.insert(signature);
    if (supersededAt) ctx.repos.signatures.supersede(row.id, supersededAt, supersededReason ?? SUPERSEDED_REASON);
  }
  // A signature that does not match its record or its own fields here was changed on the way: the file is refused.
  for (const row of rows) {
    const problems = checkSignature(ctx, row).problems.filter((p) => !p.startsWith(UNTRUSTED_KEY) && !p.startsWith('superseded'));
    if (problems.length > 0) throw refuse(`The electronic signature of ${row.printed_name} (${row.meaning}, ${row.signed_at}) on ${row.record_kind.replace('_', ' ')} ${row.record_id} fails verification: ${problems.join('; ')}. The file was changed after signing.`);
  }
  return { kept: rows.length, dropped: 0 };
}

const refuse = (message: string) => new AppError('VALIDATION', `${message} Nothing was imported.`, [{ path: 'content', message }]);

/** A real bundle is a few levels deep; a file nested thousands deep is built to exhaust the stack. */
export const MAX_BUNDLE_DEPTH = 32;

/** How deep the JSON text nests (brackets outside strings), stopping as soon as it passes `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Everything a bundle must satisfy before a single row is written. */
export function parseBundle(content: string): Bundle {
  if (content.length > MAX_BUNDLE_CHARS) throw refuse(`The bundle is larger than ${MAX_BUNDLE_CHARS / 1024 / 1024} MB.`);
  if (nestingDepth(content, MAX_BUNDLE_DEPTH) > MAX_BUNDLE_DEPTH) throw refuse(`The file nests its data more than ${MAX_BUNDLE_DEPTH} levels deep, which no tracker bundle does: it is not a bundle (or it was crafted).`);
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

/** The set of `ids`, refusing the file at the first one it repeats. */
function unique(what: string, ids: string[]): Set<string> {
  const seen = new Set<string>();
  for (const i of ids) {
    if (seen.has(i)) throw refuse(`The bundle repeats the ${what} "${i}".`);
    seen.add(i);
  }
  return seen;
}

function checkReferences(data: Data) {
  const pid = data.product.id;
  const stages = unique('stage id', data.stages.map((s) => s.id));
  const milestones = unique('milestone id', data.milestones.map((m) => m.id));
  unique('trigger id', data.triggers.map((t) => t.id));
  const checklists = unique('checklist id', data.checklists.map((c) => c.id));
  const items = unique('checklist item id', data.items.map((i) => i.id));
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
  // What checklistItems.update would refuse, an import refuses too (the file itself lives on the
  // sender's computer, so only its existence is not asked for).
  for (const i of data.items) {
    const problem = i.document_path === '' ? null : documentPathShapeProblem(i.document_path);
    if (problem) throw refuse(`Checklist item "${i.title}" links "${i.document_path.slice(0, 120)}", which cannot be linked: ${problem}`);
  }
  checkLotRegister(data, milestones, items);
}

/** The lot register holds together as the lots service keeps it: every reference inside the bundle, results on their lot's specification version. */
function checkLotRegister(data: Data, milestones: ReadonlySet<string>, items: ReadonlySet<string>) {
  const specs = data.lotSpecs ?? [];
  const attributes = data.lotAttributes ?? [];
  const lots = data.lots ?? [];
  const results = data.lotResults ?? [];
  const specIds = unique('specification id', specs.map((s) => s.id));
  unique('specification version', specs.map((s) => String(s.version)));
  unique('specification attribute id', attributes.map((a) => a.id));
  unique('attribute key', attributes.map((a) => `${a.spec_id}:${a.key}`));
  unique('lot id', lots.map((l) => l.id));
  unique('lot number', lots.map((l) => l.lot_number.toLowerCase()));
  unique('lot result id', results.map((r) => r.id));
  unique('result of a lot for an attribute', results.map((r) => `${r.lot_id}:${r.attribute_id}`));
  unique('CSV mapping source', (data.lotMappings ?? []).map((m) => m.source));
  if ([...specs, ...lots, ...(data.lotMappings ?? [])].some((r) => r.product_id !== data.product.id)) throw refuse('A row of the lot register belongs to another product.');
  const specOf = new Map(attributes.map((a) => [a.id, a.spec_id]));
  for (const a of attributes) {
    if (!specIds.has(a.spec_id)) throw refuse(`Attribute "${a.name}" refers to a specification that is not in the bundle.`);
    if (a.checklist_item_id !== null && !items.has(a.checklist_item_id)) throw refuse(`Attribute "${a.name}" refers to a checklist item that is not in the bundle.`);
  }
  const lotSpec = new Map(lots.map((l) => [l.id, l.spec_id]));
  for (const l of lots) {
    if (!specIds.has(l.spec_id)) throw refuse(`Lot ${l.lot_number} refers to a specification that is not in the bundle.`);
    if (l.milestone_id !== null && !milestones.has(l.milestone_id)) throw refuse(`Lot ${l.lot_number} refers to a milestone that is not in the bundle.`);
  }
  for (const r of results) {
    const spec = lotSpec.get(r.lot_id);
    if (!spec) throw refuse('A lot result refers to a lot that is not in the bundle.');
    if (specOf.get(r.attribute_id) !== spec) throw refuse("A lot result refers to an attribute that is not in its lot's specification version.");
  }
  for (const m of data.lotMappings ?? []) {
    let mapping: unknown;
    try {
      mapping = JSON.parse(m.mapping);
    } catch {
      mapping = undefined;
    }
    if (!ImportMapping.safeParse(mapping).success) throw refuse(`The saved CSV mapping for "${m.source}" is not a valid mapping.`);
  }
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
    ...(data.lotSpecs && {
      lotSpecs: data.lotSpecs.map((s) => ({ ...s, id: fresh(s.id), product_id: productId })),
      lotAttributes: (data.lotAttributes ?? []).map((a) => ({ ...a, id: fresh(a.id), spec_id: fresh(a.spec_id), checklist_item_id: a.checklist_item_id && fresh(a.checklist_item_id) })),
      lots: (data.lots ?? []).map((l) => ({ ...l, id: fresh(l.id), product_id: productId, spec_id: fresh(l.spec_id), milestone_id: l.milestone_id && fresh(l.milestone_id) })),
      lotResults: (data.lotResults ?? []).map((r) => ({ ...r, id: fresh(r.id), lot_id: fresh(r.lot_id), attribute_id: fresh(r.attribute_id) })),
      lotMappings: (data.lotMappings ?? []).map((m) => ({ ...m, product_id: productId })),
    }),
    audit: data.audit.map((a) => ({ ...a, product_id: productId, entity_id: ids.get(a.entity_id) ?? a.entity_id })),
  };
}

export const IMPORTED_MARK = ' (imported)';

/** An imported audit row as it is stored here: marked in its actor and, with the provenance, in its reason. */
export function markImported(row: Data['audit'][number], from: { at: string; by: string; fileName: string; sha256: string }): Data['audit'][number] {
  const provenance = `[Imported ${from.at} by ${from.by} from ${from.fileName}, SHA-256 ${from.sha256}]`;
  return {
    ...row,
    actor: `${row.actor.slice(0, 300 - IMPORTED_MARK.length)}${IMPORTED_MARK}`,
    reason: `${provenance}${row.reason ? ` ${row.reason}` : ''}`.slice(0, 2000),
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

export const bundleHandlers: HandlerMap<'bundles.export' | 'bundles.import' | 'trust.list' | 'trust.add' | 'trust.remove'> = {
  ...trustHandlers,
  'bundles.export': ({ productId }, ctx) => {
    const data = readProduct(ctx, productId);
    const header = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      schemaVersion: ctx.info.schemaVersion,
      exportedAt: ctx.now(),
      exportedBy: ctx.actor(),
      checksum: checksum(data),
    };
    // Signed with this installation's key: a colleague can tell who made the file and that it is unchanged.
    const key = ctx.installationKey();
    const signer = { name: ctx.actor(), publicKey: key.publicKeyPem, fingerprint: key.fingerprint };
    const bundle = { ...header, signer, signature: key.sign(signedText(header, signer)), data };
    return { fileName: `${data.product.code}-${ctx.today()}.rptbundle`, content: JSON.stringify(bundle) };
  },

  'bundles.import': ({ content, fileName, mode, trust }, ctx) => {
    const bundle = parseBundle(content);
    const signer = signerOf(ctx, bundle);
    const sha256 = createHash('sha256').update(content).digest('hex');
    if ((signer.state === 'unsigned' || signer.state === 'unknown') && !trust) {
      const who = signer.state === 'unsigned' ? 'This bundle is not signed, so nothing shows who made it or that it is unchanged.' : `This bundle is signed by "${signer.name}" with key fingerprint ${signer.fingerprint}, which is not in your trusted list.`;
      throw new AppError('CONFLICT', `${who} Import it only if you trust this file: confirm "I trust this file" with a reason (kept in the audit trail), or first add the colleague's fingerprint in Settings. Nothing was imported.`, [{ path: 'trust', message: 'Confirm that you trust this file, with a reason' }]);
    }
    const incoming = bundle.data;
    return ctx.write((audit) => {
      const byId = ctx.repos.products.get(incoming.product.id);
      const byCode = ctx.repos.products.findByCode(incoming.product.code);
      const existing = byId ?? byCode;
      let data: Data;
      let outcome: 'new' | 'copy' | 'replace';
      if (!existing) {
        // As a copy every row gets a new id, so it imports even when the file's ids are in use here.
        data = mode === 'copy' ? remap(incoming, randomUUID(), incoming.product.code) : incoming;
        outcome = mode === 'copy' ? 'copy' : 'new';
      } else if (mode === 'copy') {
        data = remap(incoming, randomUUID(), freeCode(ctx, incoming.product.code));
        outcome = 'copy';
      } else if (mode === 'replace') {
        if (byId && byCode && byId.id !== byCode.id) {
          throw new AppError('CONFLICT', `The bundle's product matches two products here (${byId.code} by id, ${byCode.code} by code). Import it as a copy instead.`);
        }
        // A bundle made before the lot register travelled says nothing about lots: replacing with it would lose them.
        const lots = ctx.repos.lots.lots(existing.id).length;
        if (lots > 0 && incoming.lotSpecs === undefined) {
          throw new AppError('CONFLICT', `${existing.code} has ${lots} lot${lots === 1 ? '' : 's'} in its lot register, and this bundle was made by a tracker that did not carry the lot register: replacing the product would lose them. Import the bundle as a copy instead, or ask for a bundle from an up-to-date tracker. Nothing was imported.`, [{ path: 'mode', message: 'Import as a copy' }]);
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
      // The file's history is kept, but never passes for entries made here: each imported entry
      // says so in "who" and, in its reason, when, by whom here, from which file and its SHA-256.
      data = { ...data, audit: data.audit.map((a) => markImported(a, { at: ctx.now(), by: ctx.actor(), fileName, sha256 })) };
      let carried = { kept: 0, dropped: 0 };
      try {
        ctx.repos.bundles.insertAll(data);
        carried = outcome === 'new' ? importSignatures(ctx, data) : { kept: 0, dropped: incoming.signatures?.length ?? 0 };
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        // The transaction rolls back with this error: nothing of the bundle stays.
        if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new AppError('CONFLICT', `Rows of the bundle reuse ids that belong to other data here (${String((error as Error).message).slice(0, 120)}). Import it as a copy, which gives every row a new id. Nothing was imported.`, [{ path: 'mode', message: 'Choose "copy"' }]);
        }
        if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw refuse('Rows of the bundle refer to data that is neither in the bundle nor here.');
        throw error;
      }
      audit({
        entity: 'product',
        entityId: data.product.id,
        productId: data.product.id,
        action: outcome === 'replace' ? 'update' : 'create',
        field: 'bundle',
        newValue: JSON.stringify({ file: fileName, sha256, mode: outcome, exportedAt: bundle.exportedAt, exportedBy: bundle.exportedBy, signer: signer.state, signerName: signer.name, fingerprint: signer.fingerprint, ...(trust ? { trustedBecause: trust.reason } : {}) }),
        reason: [
          outcome === 'replace' ? `Replaced by the product in ${fileName}` : `Imported from ${fileName}`,
          `(SHA-256 ${sha256})`,
          signer.state === 'unsigned' ? '; unsigned' : `; signed by ${signer.name} (${signer.fingerprint})${signer.state === 'unknown' ? ', a key not in the trusted list' : ''}`,
          trust ? `; trusted by the user: ${trust.reason}` : '',
          carried.kept > 0 ? `; ${carried.kept} electronic signature${carried.kept === 1 ? '' : 's'} carried` : '',
          carried.dropped > 0 ? `; ${carried.dropped} electronic signature${carried.dropped === 1 ? '' : 's'} not carried (a copy or a replacement gives every record a new id, which no signature covers)` : '',
        ].join(' ').replace(/ ;/g, ';'),
      });
      audit.summarise(`${outcome === 'replace' ? 'Replaced' : 'Imported'} ${data.product.code} from the sharing bundle ${fileName}${outcome === 'copy' ? ' (as a copy)' : ''}`);
      return {
        signer,
        sha256,
        productId: data.product.id,
        code: data.product.code,
        mode: outcome,
        counts: { milestones: data.milestones.length, checklistItems: data.items.length, triggers: data.triggers.length, lots: data.lots?.length ?? 0, auditEntries: data.audit.length },
      };
    });
  },
};
