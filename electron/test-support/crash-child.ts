/**
 * The writer of the crash-safety test: numbered writes through the real dispatcher, each
 * acknowledged on stdout only after dispatch returned ok (i.e. after the transaction committed).
 * Usage: crash-child <dataDir> <firstNumber>
 */
import fs from 'node:fs';
import { createBackend } from '../rpc/backend';
import { sampleProfile } from './backend';

async function main() {
  const [dataDir, first] = process.argv.slice(2);
  if (!dataDir || first === undefined) throw new Error('usage: crash-child <dataDir> <firstNumber>');
  const backend = createBackend({ dataDir, frontDoor: 'cli', log: () => {} });
  for (let n = Number(first); ; n++) {
    const result = await backend.dispatch('products.create', sampleProfile({ code: `CRASH-${n}`, notes: `write ${n}` }));
    if (!result.ok) throw new Error(result.error.message);
    fs.writeSync(1, `${n}\n`);
  }
}

main().catch((error: unknown) => {
  fs.writeSync(2, `${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
