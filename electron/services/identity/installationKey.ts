import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

/**
 * The installation's own Ed25519 key pair: what signs bundles (hardening) and electronic
 * signatures (sign-offs). Made on first use and kept beside the data file in
 * `<dataDir>/identity/`, the private half readable by the OS account only (0600). Its
 * fingerprint — SHA-256 of the public key's DER form, grouped for reading aloud — is how a
 * colleague recognises it.
 */
export interface InstallationKey {
  /** PEM (SPKI) of the public half: what travels with a bundle or a signature. */
  readonly publicKeyPem: string;
  /** `AB12 CD34 …`: 16 groups of 4 hex digits. */
  readonly fingerprint: string;
  /** Base64 Ed25519 signature of `data`. */
  sign(data: string | Buffer): string;
}

export const IDENTITY_DIR = 'identity';
const PRIVATE_FILE = 'installation-key.pem';
const PUBLIC_FILE = 'installation-key.pub.pem';

export function fingerprintOf(publicKeyPem: string): string {
  const der = crypto.createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = crypto.createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** True when `signature` (base64) is `publicKeyPem`'s Ed25519 signature of `data`; false for anything malformed. */
export function verifySignature(publicKeyPem: string, data: string | Buffer, signature: string): boolean {
  try {
    const key = crypto.createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return crypto.verify(null, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

function keyOf(privatePem: string): InstallationKey {
  const privateKey = crypto.createPrivateKey(privatePem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  const publicKeyPem = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    publicKeyPem,
    fingerprint: fingerprintOf(publicKeyPem),
    sign: (data) => crypto.sign(null, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), privateKey).toString('base64'),
  };
}

/** Reads the installation key from `dataDir`, making it (atomically, 0600) on first use. */
export function loadInstallationKey(dataDir: string): InstallationKey {
  const dir = path.join(dataDir, IDENTITY_DIR);
  const privatePath = path.join(dir, PRIVATE_FILE);
  if (fs.existsSync(privatePath)) {
    try {
      return keyOf(fs.readFileSync(privatePath, 'utf8'));
    } catch (error) {
      throw new AppError(
        'CONFLICT',
        `The installation key ${privatePath} cannot be read (${error instanceof Error ? error.message : String(error)}). Restore it from your backups of the data folder; nothing was signed.`,
      );
    }
  }
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  keyOf(privatePem); // refuse to store a key we could not read back
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const partial = `${privatePath}.${process.pid}.partial`;
  fs.writeFileSync(partial, privatePem, { mode: 0o600 });
  try {
    // `wx`-like: if another process made the key meanwhile, keep theirs.
    fs.linkSync(partial, privatePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(partial, { force: true });
  }
  const kept = keyOf(fs.readFileSync(privatePath, 'utf8'));
  fs.writeFileSync(path.join(dir, PUBLIC_FILE), kept.publicKeyPem, { mode: 0o644 });
  return kept;
}
