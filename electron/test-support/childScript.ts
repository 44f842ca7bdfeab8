import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a test-support child program (crash-child.ts, restore-child.ts) into one .mjs file in
 * `workDir`, so each of the many runs a crash test makes starts in a fraction of a second. npm
 * packages (better-sqlite3, resvg's native addon...) stay external and load at run time from
 * the project's node_modules, linked beside the bundle. Returns the bundle's path.
 */
export async function bundleChild(entry: string, workDir: string): Promise<string> {
  const outfile = path.join(workDir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [path.join(import.meta.dirname, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    packages: 'external',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  fs.symlinkSync(path.resolve(import.meta.dirname, '../../node_modules'), path.join(workDir, 'node_modules'));
  return outfile;
}
