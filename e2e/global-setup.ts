import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Starts the real web front door (`electron/web/main.ts`, as `npm run web` does) over a fresh
 * data folder, and hands its launch URL to the tests through the environment.
 */
export default async function globalSetup() {
  const root = path.resolve(import.meta.dirname, '..');
  if (!fs.existsSync(path.join(root, 'out/renderer/index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" before the e2e tests (npm test does).');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', '--port', '0', '--data-dir', dataDir, '--no-open'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web front door did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`The web front door exited (${code}):\n${output}`)));
  });
  process.env.RPT_E2E_URL = url;
  process.env.RPT_E2E_DATA_DIR = dataDir;
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
