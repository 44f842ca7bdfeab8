import { type BundleSignerView, TrustedSigner } from '../../contract';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import type { HandlerMap } from '../handlers';
import { fingerprintOf, verifySignature } from '../identity/installationKey';
import { z } from 'zod';

/** The trusted list lives in settings (one JSON value): a handful of colleagues, no table needed. */
const KEY = 'trustedSigners';

/** A fingerprint as stored and compared: 64 upper-case hex digits, no grouping. */
export const bareFingerprint = (fingerprint: string) => fingerprint.toUpperCase().replace(/[^0-9A-F]/g, '');

export function trustedSigners(ctx: ServiceContext): TrustedSigner[] {
  const raw = ctx.repos.settings.get(KEY);
  if (!raw) return [];
  const parsed = z.array(TrustedSigner).safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : [];
}

export interface BundleSignature {
  signer?: { name: string; publicKey: string; fingerprint: string };
  signature?: string;
}

/** What the signature covers: the header, and through the checksum, every row of the data. */
export function signedText(header: { format: string; formatVersion: number; schemaVersion: number; exportedAt: string; exportedBy: string; checksum: string }, signer: { name: string; fingerprint: string }): string {
  return JSON.stringify([header.format, header.formatVersion, header.schemaVersion, header.exportedAt, header.exportedBy, header.checksum, signer.name, bareFingerprint(signer.fingerprint)]);
}

/**
 * How a bundle's signature stands here. A signature that does not verify, or a fingerprint that
 * is not its key's, means the file was changed after signing: refused outright, trust or not.
 */
export function signerOf(ctx: ServiceContext, bundle: Parameters<typeof signedText>[0] & BundleSignature): BundleSignerView {
  if (!bundle.signer && !bundle.signature) return { state: 'unsigned', name: null, fingerprint: null };
  const { signer, signature } = bundle;
  let keyFingerprint: string | null = null;
  try {
    keyFingerprint = signer ? fingerprintOf(signer.publicKey) : null;
  } catch {
    keyFingerprint = null;
  }
  if (!signer || !signature || keyFingerprint === null || bareFingerprint(keyFingerprint) !== bareFingerprint(signer.fingerprint) || !verifySignature(signer.publicKey, signedText(bundle, signer), signature)) {
    throw new AppError('VALIDATION', 'The bundle\'s signature does not match its content: the file was changed after it was signed. Ask the sender for a new copy. Nothing was imported.', [{ path: 'content', message: 'Signature does not verify' }]);
  }
  const fingerprint = bareFingerprint(keyFingerprint);
  if (fingerprint === bareFingerprint(ctx.installationKey().fingerprint)) return { state: 'own', name: signer.name, fingerprint: keyFingerprint };
  const trusted = trustedSigners(ctx).some((t) => t.fingerprint === fingerprint);
  return { state: trusted ? 'trusted' : 'unknown', name: signer.name, fingerprint: keyFingerprint };
}

const listOf = (ctx: ServiceContext, trusted: TrustedSigner[]) => ({ ownFingerprint: ctx.installationKey().fingerprint, trusted });

export const trustHandlers: HandlerMap<'trust.list' | 'trust.add' | 'trust.remove'> = {
  'trust.list': (_input, ctx) => listOf(ctx, trustedSigners(ctx)),
  'trust.add': ({ fingerprint, name, reason }, ctx) =>
    ctx.write((audit) => {
      const list = trustedSigners(ctx);
      const known = list.find((t) => t.fingerprint === fingerprint);
      if (known) throw new AppError('CONFLICT', `That key is already trusted, as "${known.name}".`, [{ path: 'fingerprint', message: 'Already trusted' }]);
      if (fingerprint === bareFingerprint(ctx.installationKey().fingerprint)) throw new AppError('CONFLICT', 'That is this installation\'s own key: its bundles are always recognised.', [{ path: 'fingerprint', message: 'Own key' }]);
      const next = [...list, { fingerprint, name, addedAt: ctx.now(), addedBy: ctx.actor() }];
      ctx.repos.settings.set(KEY, JSON.stringify(next));
      audit({ entity: 'trusted_signer', entityId: fingerprint, productId: null, action: 'create', field: 'fingerprint', oldValue: null, newValue: `${name}: ${fingerprint}`, reason: reason ?? null });
      return listOf(ctx, next);
    }),
  'trust.remove': ({ fingerprint, reason }, ctx) =>
    ctx.write((audit) => {
      const list = trustedSigners(ctx);
      const known = list.find((t) => t.fingerprint === fingerprint);
      if (!known) throw new AppError('NOT_FOUND', 'That key is not in your trusted list.', [{ path: 'fingerprint', message: 'Not trusted' }]);
      const next = list.filter((t) => t !== known);
      ctx.repos.settings.set(KEY, JSON.stringify(next));
      audit({ entity: 'trusted_signer', entityId: fingerprint, productId: null, action: 'delete', field: 'fingerprint', oldValue: `${known.name}: ${fingerprint}`, newValue: null, reason: reason ?? null });
      return listOf(ctx, next);
    }),
};
