import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron binary is, without require('electron') (which would try to download it).
 * @param {string} root the project folder
 * @returns {{ available: boolean, path?: string, reason?: string }}
 */
export function electronBinary(root) {
  const dir = path.join(root, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(dir)) return { available: false, reason: 'the electron package is not installed (run npm ci).' };
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const binary = override ? path.join(override, relative) : path.join(dir, 'dist', relative);
  if (!fs.existsSync(binary)) {
    return {
      available: false,
      reason: `the Electron binary is not on this machine (${binary} is missing; it is downloaded on first use and this machine cannot reach the download).`,
    };
  }
  return { available: true, path: binary };
}
