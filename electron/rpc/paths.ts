import os from 'node:os';
import path from 'node:path';
import { PRODUCT_NAME } from './version';

/**
 * The folder Electron calls `appData` on each platform. Electron's `userData` is this plus the
 * product name, so the web and CLI front doors find the same file the desktop app uses.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
}

/** `--data-dir` beats `RPT_DATA_DIR` beats the OS user-data folder. */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env.RPT_DATA_DIR;
  if (chosen) return path.resolve(chosen);
  return path.join(appDataDir(env), PRODUCT_NAME);
}
