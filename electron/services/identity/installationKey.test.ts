import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, loadInstallationKey, verifySignature } from './installationKey';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-key-'));

describe('installation key', () => {
  it('is made once, kept 0600, and loads the same key afterwards', () => {
    const dir = tempDir();
    const first = loadInstallationKey(dir);
    const second = loadInstallationKey(dir);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    const mode = fs.statSync(path.join(dir, 'identity', 'installation-key.pem')).mode & 0o777;
    expect(mode).toBe(0o600);
    expect(fingerprintOf(fs.readFileSync(path.join(dir, 'identity', 'installation-key.pub.pem'), 'utf8'))).toBe(first.fingerprint);
  });

  it('signs so that only the same data and key verify', () => {
    const key = loadInstallationKey(tempDir());
    const other = loadInstallationKey(tempDir());
    const signature = key.sign('record v1');
    expect(verifySignature(key.publicKeyPem, 'record v1', signature)).toBe(true);
    expect(verifySignature(key.publicKeyPem, 'record v2', signature)).toBe(false);
    expect(verifySignature(other.publicKeyPem, 'record v1', signature)).toBe(false);
    expect(verifySignature('not a key', 'record v1', signature)).toBe(false);
    expect(verifySignature(key.publicKeyPem, 'record v1', 'garbage')).toBe(false);
  });

  it('refuses a damaged key file with a message that says where it is', () => {
    const dir = tempDir();
    loadInstallationKey(dir);
    fs.writeFileSync(path.join(dir, 'identity', 'installation-key.pem'), 'damaged');
    expect(() => loadInstallationKey(dir)).toThrow(/installation key .* cannot be read/);
  });
});
