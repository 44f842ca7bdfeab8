// `npm start`: build, then launch the desktop app; where the Electron binary cannot be had,
// say so and serve the same app through the local web front door instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const run = (cmd, argv) => spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

if (run('npx', ['electron-vite', 'build']).status !== 0) process.exit(1);

let binary = electronBinary(root);
if (!binary.available && !process.env.RPT_NO_ELECTRON_DOWNLOAD) {
  // Electron 42+ fetches its binary on first use; give it one bounded try.
  console.log('Fetching the Electron binary (first start only)...');
  const fetched = spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 120_000,
  });
  binary = electronBinary(root);
  if (!binary.available) console.log(`Could not fetch it: ${(fetched.stderr || 'timed out').split('\n')[0]}`);
}

if (binary.available) {
  if (!fs.existsSync(path.join(root, 'native/electron/better_sqlite3.node'))) {
    console.log('Building better-sqlite3 for Electron (first start only)...');
    if (run(process.execPath, [path.join(root, 'scripts/build-electron-native.mjs')]).status !== 0) process.exit(1);
  }
  const child = spawn(binary.path, [path.join(root, 'out/main/index.js'), ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `\nThe desktop shell cannot start here: ${binary.reason} ` +
      'The Electron binary is fetched from the network on first use, and this machine cannot reach it. ' +
      'The same application (same data file, same back end) is served instead through the local web front door on 127.0.0.1; ' +
      'open the address printed below in a browser. On a machine with network access, `npm start` opens the desktop window.\n',
  );
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/web/main.ts'), ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
