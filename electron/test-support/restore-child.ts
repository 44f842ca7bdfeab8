/**
 * The restorer of the restore kill test: restores one backup through the real dispatcher, with
 * RPT_CRASH_AT (set by the test) naming the step at which it SIGKILLs itself.
 * Usage: restore-child <dataDir> <backupName>; prints "restored" when the restore answered ok.
 */
import fs from 'node:fs';
import { createBackend } from '../rpc/backend';

async function main() {
  const [dataDir, name] = process.argv.slice(2);
  if (!dataDir || !name) throw new Error('usage: restore-child <dataDir> <backupName>');
  const backend = createBackend({ dataDir, frontDoor: 'cli', log: () => {} });
  const result = await backend.dispatch('backups.restore', { name });
  if (!result.ok) throw new Error(result.error.message);
  backend.close();
  fs.writeSync(1, 'restored\n');
}

main().catch((error: unknown) => {
  fs.writeSync(2, `${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
