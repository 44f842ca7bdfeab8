import { z } from 'zod';
import { choice, Id, requiredText, text } from './common';

/** What can be signed, and the meaning each signature carries (21 CFR 11.50(a)(3)). */
export const SIGNATURE_KIND_LABELS = {
  checklist_item: 'Checklist item',
  gate: 'Readiness gate',
  export: 'Export',
  scenario: 'Planning session',
} as const;
export type SignatureKindId = keyof typeof SIGNATURE_KIND_LABELS;
export const SignatureKind = choice('What is signed', Object.keys(SIGNATURE_KIND_LABELS) as [SignatureKindId, ...SignatureKindId[]]);

export const SIGNATURE_MEANINGS: Readonly<Record<SignatureKindId, string>> = {
  checklist_item: 'Approved',
  gate: 'Approved for submission',
  export: 'Reviewed',
  scenario: 'Approved',
};

/** Minutes without a signature after which the signing session ends (the next signature needs both components). */
export const SIGNING_SESSION_MINUTES = 15;
export const MAX_PASSWORD_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 30;

const Password = z.string({ error: 'Signing password is required' }).min(1, 'Signing password is required').max(200, 'Signing password: use at most 200 characters');
const NewPassword = z
  .string({ error: 'New signing password is required' })
  .min(10, 'New signing password: use at least 10 characters')
  .max(200, 'New signing password: use at most 200 characters');

export const Signer = z.object({
  id: z.string(),
  displayName: z.string(),
  osAccount: z.string(),
  /** ISO instant until which signing is locked after too many wrong passwords, or null. */
  lockedUntil: z.string().nullable(),
  passwordSetAt: z.string(),
});
export type Signer = z.infer<typeof Signer>;

export const SignerCreateInput = z.strictObject({ displayName: requiredText('Printed name', 120), password: NewPassword });
export const SignerPasswordChangeInput = z.strictObject({ signerId: Id, oldPassword: Password, newPassword: NewPassword });
export const SignerPasswordResetInput = z.strictObject({ signerId: Id, newPassword: NewPassword, reason: requiredText('Reason for the reset', 1000) });

export const SigningSession = z.object({ signer: Signer.nullable(), expiresAt: z.string().nullable() });

/** Evidence behind an approval: a linked document that exists, or a note saying where it is. */
export const SignEvidence = z.strictObject({ documentPath: text(1000, 'Linked document').optional(), notes: text(4000, 'Notes').optional() });

export const SignInput = z.strictObject({
  kind: SignatureKind,
  /** The item id, the gate as `<productId>:<gateId>`, the export as `<productId>:ind-checklist` or `<productId>:plan`, the scenario id. */
  recordId: requiredText('Record', 200),
  /** Needed at the first signature of a session (user + password); later ones need the password only. */
  signerId: Id.optional(),
  password: Password,
  evidence: SignEvidence.optional(),
  /** Applying a planning session: why it is applied (the audit trail's reason for every change it makes). */
  reason: text(1000, 'Reason for applying the planning session').optional(),
});

export const SIGNATURE_STATE_LABELS = {
  valid: 'Valid',
  superseded: 'Superseded — record changed after signing',
  invalid: 'Fails verification',
} as const;
export type SignatureStateId = keyof typeof SIGNATURE_STATE_LABELS;

/** A signature as shown (11.50 manifestation): printed name, date and time with zone, meaning, and its state. */
export const SignatureView = z.object({
  id: z.string(),
  kind: SignatureKind,
  recordId: z.string(),
  productId: z.string().nullable(),
  record: z.string(),
  meaning: z.string(),
  printedName: z.string(),
  signedAt: z.string(),
  timeZone: z.string(),
  /** "Ana Silva — Approved — 2026-01-05 13:00 CET (Europe/Paris)" */
  manifestation: z.string(),
  keyFingerprint: z.string(),
  state: choice('State', Object.keys(SIGNATURE_STATE_LABELS) as [SignatureStateId, ...SignatureStateId[]]),
  /** Why the signature is superseded or fails, in words; empty when valid. */
  problems: z.array(z.string()),
});
export type SignatureView = z.infer<typeof SignatureView>;

export const SignaturesInput = z.strictObject({ productId: Id.optional() });
export const VerifyReport = z.object({
  checked: z.number(),
  valid: z.number(),
  superseded: z.number(),
  failures: z.array(SignatureView),
  signatures: z.array(SignatureView),
});
