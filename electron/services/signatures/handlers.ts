import type { HandlerMap } from '../handlers';
import { checkSignature } from './verify';
import { sign } from './sign';
import { changePassword, createSigner, currentSession, endSession, requireSigner, resetPassword, toSigner } from './signers';

type SignatureChannel = 'signers.list' | 'signers.create' | 'signers.changePassword' | 'signers.resetPassword' | 'signatures.session' | 'signatures.endSession' | 'signatures.sign' | 'signatures.verify';

export const signatureHandlers: HandlerMap<SignatureChannel> = {
  // People who signed on another installation (their signatures came in a bundle) cannot sign here: no password.
  'signers.list': (_input, ctx) => ctx.repos.signatures.signers().filter((s) => s.password_hash !== '').map(toSigner),
  'signers.create': ({ displayName, password }, ctx) => createSigner(ctx, displayName, password),
  'signers.changePassword': ({ signerId, oldPassword, newPassword }, ctx) => changePassword(ctx, signerId, oldPassword, newPassword),
  'signers.resetPassword': ({ signerId, newPassword, reason }, ctx) => resetPassword(ctx, signerId, newPassword, reason),
  'signatures.session': (_input, ctx) => {
    const session = currentSession(ctx);
    return { signer: session ? toSigner(requireSigner(ctx, session.signerId)) : null, expiresAt: session?.expiresAt ?? null };
  },
  'signatures.endSession': (_input, ctx) => {
    endSession(ctx);
    return { signer: null, expiresAt: null };
  },
  'signatures.sign': (input, ctx) => sign(ctx, input),
  'signatures.verify': ({ productId }, ctx) => {
    const rows = productId ? ctx.repos.signatures.ofProduct(productId) : ctx.repos.signatures.all();
    const signatures = rows.map((row) => checkSignature(ctx, row));
    return {
      checked: signatures.length,
      valid: signatures.filter((s) => s.state === 'valid').length,
      superseded: signatures.filter((s) => s.state === 'superseded').length,
      failures: signatures.filter((s) => s.state === 'invalid'),
      signatures,
    };
  },
};
