import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatabaseOpenError } from '../../db';
import { createBackend } from '../rpc/backend';
import { resolveDataDir } from '../rpc/paths';
import { startWebServer } from './server';

const HELP = `Usage: npm run web -- [--port N] [--data-dir DIR] [--no-open]

Serves the tracker on http://127.0.0.1 and prints the URL (with its launch token) to open.
  --port N        listen on port N (default: a free port)
  --data-dir DIR  keep the data file in DIR (default: RPT_DATA_DIR, else the OS user-data folder)
  --no-open       do not open a browser`;

function openBrowser(url: string) {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {
    /* no browser launcher: the printed URL is enough */
  });
  child.unref();
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = path.resolve(here, '../../out/renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${staticDir}/index.html is missing). Run "npm run build" first.`);
  }
  const dataDir = resolveDataDir(values['data-dir']);
  const backend = createBackend({ dataDir, frontDoor: 'web' });
  const server = await startWebServer({ dispatch: backend.dispatch, staticDir, port });
  console.log(`Secretome Regulatory Tracker is serving on ${server.url}`);
  console.log(`Data file: ${backend.ctx.info.dbPath}`);
  console.log(`Open this address (it carries this launch's token):\n\n  ${server.launchUrl}\n`);
  console.log('Press Ctrl+C to stop.');
  if (!values['no-open']) openBrowser(server.launchUrl);
  backend.dailyBackup().then(
    (made) => made && console.log(`Daily backup: ${made.path}`),
    (error: unknown) => console.error(`The daily backup failed: ${error instanceof Error ? error.message : String(error)}`),
  );

  const stop = async () => {
    await server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof DatabaseOpenError || error instanceof Error ? error.message : String(error);
  console.error(`Could not start the web front door: ${message}`);
  process.exit(1);
});
