// Builds better-sqlite3 for Electron's ABI into native/electron/, beside (not over) the Node
// build in node_modules that the tests use. Needs network (a prebuilt binary or Electron's
// headers); run once on a developer's machine before `npm start`, and at packaging time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const source = path.join(root, 'node_modules/better-sqlite3');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-native-'));
const target = path.join(root, 'native/electron/better_sqlite3.node');

try {
  fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  const bin = (name) => path.join(root, 'node_modules/.bin', name + (process.platform === 'win32' ? '.cmd' : ''));
  try {
    execFileSync(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion], { cwd: work, stdio: 'inherit' });
  } catch {
    console.log('No prebuilt binary; compiling against Electron headers...');
    execFileSync(bin('node-gyp'), ['rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], {
      cwd: work,
      stdio: 'inherit',
    });
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build/Release/better_sqlite3.node'), target);
  console.log(`Electron ${electronVersion} build of better-sqlite3 written to ${path.relative(root, target)}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
