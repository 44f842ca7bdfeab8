import fs from 'node:fs';
import path from 'node:path';

/** The specs drive the built renderer: fail early, with the fix, if it is missing. */
export default function globalSetup() {
  const root = path.resolve(import.meta.dirname, '..');
  if (!fs.existsSync(path.join(root, 'out/renderer/index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" before the e2e tests (npm test does).');
  }
}
