import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the real web front door (`electron/web/main.ts`, as `npm run web` does) over a fresh
 * data folder (or the one given, which it then leaves in place) and resolves with its launch
 * URL (which carries the token). The e2e specs and the UI bench share it.
 */
export async function startServer(existingDataDir?: string): Promise<RunningServer> {
  const root = path.resolve(import.meta.dirname, '..');
  const dataDir = existingDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', '--port', '0', '--data-dir', dataDir, '--no-open'], {
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
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`The web front door exited (${code}):\n${output}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      if (!existingDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
