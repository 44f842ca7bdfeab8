import type { Database } from 'better-sqlite3';

export interface SignerRow {
  id: string;
  display_name: string;
  os_account: string;
  password_salt: string;
  password_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  password_set_at: string;
}

export type SignatureKind = 'checklist_item' | 'gate' | 'export' | 'scenario';

export interface SignatureRow {
  id: string;
  signer_id: string;
  record_kind: SignatureKind;
  record_id: string;
  product_id: string | null;
  meaning: string;
  printed_name: string;
  signed_at: string;
  time_zone: string;
  content_hash: string;
  signature: string;
  public_key: string;
  key_fingerprint: string;
  superseded_at: string | null;
  superseded_reason: string | null;
}

/** Signers (people who sign on this installation) and the signatures they made. */
export function signatureRepository(db: Database) {
  const signerById = db.prepare<[string], SignerRow>('SELECT * FROM signer WHERE id = ?');
  const signers = db.prepare<[], SignerRow>('SELECT * FROM signer ORDER BY display_name COLLATE NOCASE');
  const signerByName = db.prepare<[string], SignerRow>('SELECT * FROM signer WHERE display_name = ? COLLATE NOCASE');
  const insertSigner = db.prepare(
    `INSERT INTO signer (id, display_name, os_account, password_salt, password_hash, failed_attempts, locked_until, created_at, password_set_at)
     VALUES (@id, @display_name, @os_account, @password_salt, @password_hash, @failed_attempts, @locked_until, @created_at, @password_set_at)`,
  );
  const setPassword = db.prepare('UPDATE signer SET password_salt = ?, password_hash = ?, password_set_at = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?');
  const setAttempts = db.prepare('UPDATE signer SET failed_attempts = ?, locked_until = ? WHERE id = ?');
  const insertSignature = db.prepare(
    `INSERT INTO signature (id, signer_id, record_kind, record_id, product_id, meaning, printed_name, signed_at, time_zone, content_hash, signature, public_key, key_fingerprint)
     VALUES (@id, @signer_id, @record_kind, @record_id, @product_id, @meaning, @printed_name, @signed_at, @time_zone, @content_hash, @signature, @public_key, @key_fingerprint)`,
  );
  const activeFor = db.prepare<[string, string], SignatureRow>(
    'SELECT * FROM signature WHERE record_kind = ? AND record_id = ? AND superseded_at IS NULL ORDER BY signed_at, rowid',
  );
  const allFor = db.prepare<[string, string], SignatureRow>('SELECT * FROM signature WHERE record_kind = ? AND record_id = ? ORDER BY signed_at, rowid');
  const ofProduct = db.prepare<[string], SignatureRow>('SELECT * FROM signature WHERE product_id = ? ORDER BY signed_at, rowid');
  const all = db.prepare<[], SignatureRow>('SELECT * FROM signature ORDER BY signed_at, rowid');
  const supersede = db.prepare('UPDATE signature SET superseded_at = ?, superseded_reason = ? WHERE id = ? AND superseded_at IS NULL');
  return {
    signer: (id: string) => signerById.get(id),
    signerByName: (name: string) => signerByName.get(name),
    signers: () => signers.all(),
    insertSigner: (row: SignerRow) => void insertSigner.run(row),
    setPassword: (id: string, salt: string, hash: string, at: string) => void setPassword.run(salt, hash, at, id),
    setAttempts: (id: string, attempts: number, lockedUntil: string | null) => void setAttempts.run(attempts, lockedUntil, id),
    insert: (row: Omit<SignatureRow, 'superseded_at' | 'superseded_reason'>) => void insertSignature.run(row),
    active: (kind: SignatureKind, recordId: string) => activeFor.all(kind, recordId),
    forRecord: (kind: SignatureKind, recordId: string) => allFor.all(kind, recordId),
    ofProduct: (productId: string) => ofProduct.all(productId),
    all: () => all.all(),
    supersede: (id: string, at: string, reason: string) => supersede.run(at, reason, id).changes > 0,
  };
}
