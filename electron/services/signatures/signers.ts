import { randomUUID } from 'node:crypto';
import type { SignerRow } from '../../../db/repositories/signatures';
import { LOCKOUT_MINUTES, MAX_PASSWORD_ATTEMPTS, SIGNING_SESSION_MINUTES, type Signer } from '../../contract';
import { osAccount, type ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import { hashPassword, passwordMatches } from './passwords';

export const toSigner = (row: SignerRow): Signer => ({
  id: row.id,
  displayName: row.display_name,
  osAccount: row.os_account,
  lockedUntil: row.locked_until,
  passwordSetAt: row.password_set_at,
});

export function requireSigner(ctx: ServiceContext, id: string): SignerRow {
  const row = ctx.repos.signatures.signer(id);
  if (!row) throw notFound('signer', id);
  return row;
}

const plusMinutes = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** Signing sessions live in memory, one per data folder: the signer and the time of the last signature. */
const sessions = new Map<string, { signerId: string; lastAt: string }>();

export function currentSession(ctx: ServiceContext): { signerId: string; expiresAt: string } | null {
  const session = sessions.get(ctx.info.dataDir);
  if (!session) return null;
  const expiresAt = plusMinutes(session.lastAt, SIGNING_SESSION_MINUTES);
  if (ctx.now() >= expiresAt) {
    sessions.delete(ctx.info.dataDir);
    return null;
  }
  return { signerId: session.signerId, expiresAt };
}

export function endSession(ctx: ServiceContext) {
  sessions.delete(ctx.info.dataDir);
}

export function createSigner(ctx: ServiceContext, displayName: string, password: string): Signer {
  const { salt, hash } = hashPassword(password);
  return ctx.write((audit) => {
    if (ctx.repos.signatures.signerByName(displayName)) throw new AppError('CONFLICT', `A signer called "${displayName}" already exists. Sign as them with their password, or choose another printed name.`);
    const now = ctx.now();
    const row: SignerRow = { id: randomUUID(), display_name: displayName, os_account: osAccount(), password_salt: salt, password_hash: hash, failed_attempts: 0, locked_until: null, created_at: now, password_set_at: now };
    ctx.repos.signatures.insertSigner(row);
    audit({ entity: 'signer', entityId: row.id, productId: null, action: 'create', newValue: `${displayName} (${row.os_account})` });
    return toSigner(row);
  });
}

/**
 * Checks a signer's password. A wrong one is counted (and audited) in its own committed
 * transaction, so a refused signature still counts towards the lockout; the fifth in a row
 * locks signing for that signer for LOCKOUT_MINUTES.
 */
export function authenticate(ctx: ServiceContext, signerId: string, password: string): SignerRow {
  const signer = requireSigner(ctx, signerId);
  if (signer.password_hash === '') throw new AppError('CONFLICT', `${signer.display_name} signed on another installation (their signatures came in a bundle) and cannot sign here. Create a signer for them on this installation.`);
  if (signer.locked_until && ctx.now() < signer.locked_until) {
    throw new AppError('CONFLICT', `Signing is locked for ${signer.display_name} after ${MAX_PASSWORD_ATTEMPTS} wrong passwords, until ${signer.locked_until.slice(0, 16).replace('T', ' ')} UTC. Try again later, or have the password reset.`);
  }
  if (passwordMatches(password, signer.password_salt, signer.password_hash)) return signer;
  const attempts = signer.failed_attempts + 1;
  const locked = attempts >= MAX_PASSWORD_ATTEMPTS;
  ctx.write((audit) => {
    ctx.repos.signatures.setAttempts(signer.id, locked ? 0 : attempts, locked ? plusMinutes(ctx.now(), LOCKOUT_MINUTES) : null);
    audit({ entity: 'signer', entityId: signer.id, productId: null, action: 'update', field: locked ? 'lockout' : 'failedSignature', oldValue: null, newValue: locked ? `locked for ${LOCKOUT_MINUTES} minutes after ${MAX_PASSWORD_ATTEMPTS} wrong passwords` : `wrong signing password (${attempts} of ${MAX_PASSWORD_ATTEMPTS})` });
  });
  if (sessions.get(ctx.info.dataDir)?.signerId === signer.id) endSession(ctx);
  throw new AppError(
    'VALIDATION',
    locked
      ? `Wrong signing password for ${signer.display_name}. That was the ${MAX_PASSWORD_ATTEMPTS}th in a row: signing is locked for ${LOCKOUT_MINUTES} minutes.`
      : `Wrong signing password for ${signer.display_name} (${attempts} of ${MAX_PASSWORD_ATTEMPTS} before signing is locked). Nothing was signed.`,
    [{ path: 'password', message: 'Wrong signing password' }],
  );
}

/**
 * Who signs: the session's signer (password only), or at the first signature of a session the
 * signer named with their password (two components, 21 CFR 11.200(a)(1)).
 */
export function resolveSigner(ctx: ServiceContext, signerId: string | undefined, password: string): SignerRow {
  const session = currentSession(ctx);
  const id = signerId ?? session?.signerId;
  if (!id) throw new AppError('VALIDATION', 'Choose who is signing: the first signature of a session needs the signer and their password.', [{ path: 'signerId', message: 'Choose the signer' }]);
  return authenticate(ctx, id, password);
}

/** After a successful signature: the session is this signer's, and the failed count starts again. */
export function recordSuccess(ctx: ServiceContext, signer: SignerRow) {
  if (signer.failed_attempts > 0) ctx.repos.signatures.setAttempts(signer.id, 0, null);
  sessions.set(ctx.info.dataDir, { signerId: signer.id, lastAt: ctx.now() });
}

export function changePassword(ctx: ServiceContext, signerId: string, oldPassword: string, newPassword: string): Signer {
  const signer = authenticate(ctx, signerId, oldPassword);
  const { salt, hash } = hashPassword(newPassword);
  return ctx.write((audit) => {
    ctx.repos.signatures.setPassword(signer.id, salt, hash, ctx.now());
    audit({ entity: 'signer', entityId: signer.id, productId: null, action: 'update', field: 'password', oldValue: null, newValue: 'changed by the signer' });
    return toSigner(requireSigner(ctx, signer.id));
  });
}

/** A lost password cannot be recovered, only replaced, with a reason in the trail; earlier signatures stay valid. */
export function resetPassword(ctx: ServiceContext, signerId: string, newPassword: string, reason: string): Signer {
  const { salt, hash } = hashPassword(newPassword);
  return ctx.write((audit) => {
    const signer = requireSigner(ctx, signerId);
    ctx.repos.signatures.setPassword(signer.id, salt, hash, ctx.now());
    audit({ entity: 'signer', entityId: signer.id, productId: null, action: 'update', field: 'password', oldValue: null, newValue: 'reset (the old password is not recoverable)', reason });
    if (sessions.get(ctx.info.dataDir)?.signerId === signer.id) endSession(ctx);
    return toSigner(requireSigner(ctx, signer.id));
  });
}
