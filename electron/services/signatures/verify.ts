import type { SignatureRow } from '../../../db/repositories/signatures';
import { type SignatureView } from '../../contract';
import type { Audit, ServiceContext } from '../context';
import { fingerprintOf, verifySignature } from '../identity/installationKey';
import { bareFingerprint, trustedSigners } from '../bundles/trust';
import { contentHash, recordContent, signedPayload } from './content';

export const SUPERSEDED_REASON = 'record changed after signing';
/** A signature made on another installation whose key is not among the trusted colleagues'. */
export const UNTRUSTED_KEY = "signed with a key that is neither this installation's nor a trusted colleague's";

/** Date and time in the signer's time zone, with the zone: "2026-01-05 13:00 CET (Europe/Paris)". */
export function localTime(iso: string, timeZone: string): string {
  try {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZoneName: 'short' })
        .formatToParts(new Date(iso))
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName} (${timeZone})`;
  } catch {
    return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  }
}

export const manifestationOf = (row: Pick<SignatureRow, 'printed_name' | 'meaning' | 'signed_at' | 'time_zone'>) =>
  `${row.printed_name} — ${row.meaning} — ${localTime(row.signed_at, row.time_zone)}`;

/** Checks one signature against its record as it is now, and says in words what is wrong. */
export function checkSignature(ctx: ServiceContext, row: SignatureRow): SignatureView {
  const problems: string[] = [];
  const record = recordContent(ctx, row.record_kind, row.record_id);
  if (!ctx.repos.signatures.signer(row.signer_id)) problems.push('the signer is unknown on this installation');
  let keyFingerprint = '';
  try {
    keyFingerprint = fingerprintOf(row.public_key);
  } catch {
    problems.push('the public key stored with the signature cannot be read');
  }
  if (keyFingerprint && keyFingerprint !== row.key_fingerprint) problems.push('the public key does not match the fingerprint stored with the signature');
  if (keyFingerprint && keyFingerprint !== ctx.installationKey().fingerprint && !trustedSigners(ctx).some((t) => bareFingerprint(t.fingerprint) === bareFingerprint(keyFingerprint))) {
    problems.push(`${UNTRUSTED_KEY} (fingerprint ${row.key_fingerprint}): add it in Settings → Trusted colleagues if you know whose it is`);
  }
  if (!verifySignature(row.public_key, signedPayload(row), row.signature)) {
    problems.push('the Ed25519 signature does not match the signed fields (record, meaning, printed name, time or content hash were changed in the data file)');
  }
  let superseded = false;
  if (!record) problems.push('the signed record no longer exists');
  else if (contentHash(record) !== row.content_hash) {
    if (row.superseded_at) superseded = true;
    else problems.push('the record differs from what was signed, and the app recorded no change: it was edited outside the app');
  } else if (row.superseded_at) superseded = true;
  return {
    id: row.id,
    kind: row.record_kind,
    recordId: row.record_id,
    productId: row.product_id,
    record: record?.label ?? `${row.record_kind} ${row.record_id}`,
    meaning: row.meaning,
    printedName: row.printed_name,
    signedAt: row.signed_at,
    timeZone: row.time_zone,
    manifestation: manifestationOf(row),
    keyFingerprint: row.key_fingerprint,
    state: problems.length > 0 ? 'invalid' : superseded ? 'superseded' : 'valid',
    problems: problems.length > 0 ? problems : superseded ? [`superseded — ${row.superseded_reason ?? SUPERSEDED_REASON}`] : [],
  };
}

/**
 * In the write path of a product's records: every active signature of the product whose record
 * no longer has the signed content is marked superseded, with an audit entry; an item that was
 * approved by that signature goes back to In review (it needs a new approval), unless it is the
 * item `approving` names: a new signed approval of it is being recorded in this same write.
 */
export function supersedeChanged(ctx: ServiceContext, productId: string, audit: Audit, approving?: string) {
  const now = ctx.now();
  for (const row of ctx.repos.signatures.ofProduct(productId)) {
    if (row.superseded_at) continue;
    const record = recordContent(ctx, row.record_kind, row.record_id);
    if (record && contentHash(record) === row.content_hash) continue;
    ctx.repos.signatures.supersede(row.id, now, SUPERSEDED_REASON);
    audit({ entity: 'signature', entityId: row.id, productId, action: 'update', field: 'state', oldValue: manifestationOf(row), newValue: `superseded — ${SUPERSEDED_REASON}` });
    if (row.record_kind === 'checklist_item' && row.record_id !== approving) {
      const item = ctx.repos.checklists.item(row.record_id);
      if (item?.status === 'approved') {
        ctx.repos.checklists.updateItem(item.id, { status: 'in-review' }, now);
        audit({ entity: 'checklist_item', entityId: item.id, productId, action: 'update', field: 'status', oldValue: 'approved', newValue: 'in-review', reason: 'Changed after its approval was signed: needs a new signed approval' });
      }
    }
  }
}
