import { z } from 'zod';
import { Reason, requiredText } from './common';

/**
 * Bundle signers and the colleagues a user trusts. Each installation signs its bundles with its
 * own Ed25519 key; the fingerprint (SHA-256 of the public key, grouped) is what a person compares
 * over the phone and keeps in Settings.
 */
export const Fingerprint = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase().replace(/[\s:-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-F]{64}$/, 'Fingerprint: the 64 hexadecimal characters shown with the colleague\'s key (spaces and colons allowed)'));

export const TrustedSigner = z.object({ fingerprint: z.string(), name: z.string(), addedAt: z.string(), addedBy: z.string() });
export type TrustedSigner = z.infer<typeof TrustedSigner>;
/** The trusted keys, and this installation's own fingerprint (what a colleague adds on their side). */
export const TrustList = z.object({ ownFingerprint: z.string(), trusted: z.array(TrustedSigner) });
export type TrustList = z.infer<typeof TrustList>;

export const TrustAddInput = z.strictObject({ fingerprint: Fingerprint, name: requiredText('Colleague name', 120), reason: Reason });
export const TrustRemoveInput = z.strictObject({ fingerprint: Fingerprint, reason: Reason });

/** How a bundle's signature stands here. */
export const SIGNER_STATES = {
  own: 'Signed by this installation',
  trusted: 'Signed by a trusted colleague',
  unknown: 'Signed by a key not in your trusted list',
  unsigned: 'Not signed',
} as const;
export type SignerState = keyof typeof SIGNER_STATES;

export const BundleSignerView = z.object({
  state: z.enum(Object.keys(SIGNER_STATES) as [SignerState, ...SignerState[]]),
  name: z.string().nullable(),
  fingerprint: z.string().nullable(),
});
export type BundleSignerView = z.infer<typeof BundleSignerView>;

/** "I trust this file": the reason is kept in the audit trail with the import. */
export const BundleTrust = z.strictObject({ reason: requiredText('Why you trust this file', 1000) });
