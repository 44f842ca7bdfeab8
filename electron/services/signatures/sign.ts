import { randomUUID } from 'node:crypto';
import { SIGNATURE_MEANINGS, type SignatureKindId, type SignatureView } from '../../contract';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { requireEditableProduct } from '../lookups';
import { applyItemChanges, requireItem } from '../checklists/changes';
import { checkDocumentPath } from '../checklists/documents';
import { contentHash, gateRef, recordContent, signedPayload } from './content';
import { recordSuccess, resolveSigner } from './signers';
import { checkSignature, manifestationOf, supersedeChanged } from './verify';
import { applyScenario } from '../planning/apply';
import { requireOpenScenario } from '../planning/scenarios';

export interface SignRequest {
  kind: SignatureKindId;
  recordId: string;
  signerId?: string | undefined;
  password: string;
  evidence?: { documentPath?: string | undefined; notes?: string | undefined } | undefined;
  reason?: string | undefined;
}

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Signs a record: checks who signs, applies what the signature means (an item becomes Approved), links the signature to the record's content. One transaction. */
export function sign(ctx: ServiceContext, request: SignRequest): SignatureView {
  const documentPath = request.evidence?.documentPath;
  if (documentPath) {
    const problem = checkDocumentPath(documentPath);
    if (problem) throw new AppError('VALIDATION', problem, [{ path: 'evidence.documentPath', message: problem }]);
  }
  const reason = request.reason?.trim() ?? '';
  if (request.kind === 'scenario' && reason === '') {
    throw new AppError('VALIDATION', 'Say why the planning session is applied: the reason is recorded with every change it makes.', [{ path: 'reason', message: 'A reason for applying the planning session is required' }]);
  }
  const signer = resolveSigner(ctx, request.signerId, request.password);
  const row = ctx.write((audit) => {
    let productId: string;
    if (request.kind === 'checklist_item') {
      const item = requireItem(ctx, request.recordId);
      productId = item.product_id;
      requireEditableProduct(ctx, productId, 'signing its checklist items');
      if (item.applicable !== 1) throw new AppError('CONFLICT', `"${item.title}" no longer applies to the product; it cannot be approved.`);
      applyItemChanges(ctx, item, { status: 'approved', ...(request.evidence?.documentPath !== undefined ? { documentPath: request.evidence.documentPath } : {}), ...(request.evidence?.notes !== undefined ? { notes: request.evidence.notes } : {}) }, 'Signed approval', audit, { signing: true });
      const after = requireItem(ctx, item.id);
      if (after.document_path.trim() === '' && after.notes.trim() === '') {
        throw new AppError('VALIDATION', `"${item.title}": an approval needs evidence. Link the document, or write in the notes where the evidence is kept.`, [{ path: 'evidence', message: 'Link a document or say where the evidence is' }]);
      }
    } else if (request.kind === 'scenario') {
      // Signing a planning session applies it: its plan is written over the live one in this transaction.
      const scenario = requireOpenScenario(ctx, request.recordId);
      productId = scenario.productId;
      requireEditableProduct(ctx, productId, 'applying a planning session');
      applyScenario(ctx, scenario, reason, audit);
    } else {
      const ref = gateRef(request.recordId);
      if (!ref) throw new AppError('VALIDATION', request.kind === 'gate' ? 'Name the gate as <product id>:<gate id>, e.g. "…:ind-ready".' : 'Name the export as <product id>:ind-checklist or <product id>:plan.');
      productId = ref.productId;
      requireEditableProduct(ctx, productId, request.kind === 'gate' ? 'signing its readiness gates' : 'signing its exports');
    }
    // Earlier signatures of this product whose records changed in this write are superseded
    // first; the item approved now stays Approved (under the signature recorded below).
    supersedeChanged(ctx, productId, audit, request.kind === 'checklist_item' ? request.recordId : undefined);
    const record = recordContent(ctx, request.kind, request.recordId);
    if (!record) throw new AppError('NOT_FOUND', `There is no ${request.kind === 'gate' ? 'readiness gate' : 'record'} "${request.recordId}" to sign.`);
    if (request.kind === 'gate' && !(record.content as { ready: boolean }).ready) {
      throw new AppError('CONFLICT', `${record.label} is not ready: approve or submit every item it lists as blocking first, then sign.`);
    }
    for (const earlier of ctx.repos.signatures.active(request.kind, request.recordId)) {
      if (earlier.signer_id === signer.id && earlier.content_hash === contentHash(record)) {
        throw new AppError('CONFLICT', `${signer.display_name} already signed ${record.label} as it is now (${manifestationOf(earlier)}).`);
      }
    }
    const key = ctx.installationKey();
    const unsigned = {
      id: randomUUID(),
      signer_id: signer.id,
      record_kind: request.kind,
      record_id: request.recordId,
      product_id: productId,
      meaning: SIGNATURE_MEANINGS[request.kind],
      printed_name: signer.display_name,
      signed_at: ctx.now(),
      time_zone: timeZone(),
      content_hash: contentHash(record),
      key_fingerprint: key.fingerprint,
    };
    const signed = { ...unsigned, public_key: key.publicKeyPem, signature: key.sign(signedPayload(unsigned)) };
    ctx.repos.signatures.insert(signed);
    recordSuccess(ctx, signer);
    audit({ entity: 'signature', entityId: signed.id, productId, action: 'create', newValue: `${record.label} signed: ${manifestationOf(signed)}` });
    audit.summarise(request.kind === 'scenario' ? `Applied the ${record.label.charAt(0).toLowerCase()}${record.label.slice(1)} with a signature (${manifestationOf(signed)}): ${reason}` : `${record.label} signed: ${manifestationOf(signed)}`);
    return { ...signed, superseded_at: null, superseded_reason: null };
  });
  return checkSignature(ctx, row);
}
