import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../db';
import type { PathwayView, Product } from '../contract';
import { createBackend } from './backend';

/** The data files of every earlier schema version, kept beside the migrations. */
const FIXTURES = path.resolve(import.meta.dirname, '../../db/fixtures');

const fixtures = fs.readdirSync(FIXTURES).filter((f) => /^schema-v\d+\.sqlite$/.test(f));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('upgrading data files from every earlier schema version', () => {
  it('has a fixture for every version before the latest', () => {
    expect(fixtures.map((f) => Number(/\d+/.exec(f)![0])).sort()).toEqual(Array.from({ length: LATEST_VERSION - 1 }, (_, i) => i + 1));
  });

  for (const fixture of fixtures) {
    it(`${fixture} upgrades to version ${LATEST_VERSION} with its data intact`, async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-upgrade-'));
      dirs.push(dataDir);
      fs.copyFileSync(path.join(FIXTURES, fixture), path.join(dataDir, 'tracker.sqlite'));
      const backend = createBackend({ dataDir, frontDoor: 'cli', log: () => {} });
      try {
        expect(backend.ctx.info.schemaVersion).toBe(LATEST_VERSION);
        const products = await backend.dispatch('products.list', {});
        expect(products.ok && (products.value as Product[]).map((p) => [p.code, p.fraction, p.oxygen, p.indNumber, p.notes])).toEqual([
          ['FIX-EV-1', 'ev', 'hypoxia', '012345', 'from fixture'],
        ]);
        const settings = await backend.dispatch('settings.get', {});
        expect(settings).toMatchObject({ ok: true, value: { displayName: 'Fixture User' } });
        const pathway = (await backend.dispatch('pathway.get', { productId: 'fixture-p1' })) as { ok: true; value: PathwayView };
        if (fixture !== 'schema-v1.sqlite') {
          const ms = pathway.value.stages.flatMap((s) => s.milestones);
          expect(ms.map((m) => m.key)).toEqual(['ind-submitted', 'ind-in-effect']);
          expect(pathway.value.triggers[0]).toMatchObject({ event: 'ind-received', date: '2026-03-02' });
        }
        if (!['schema-v1.sqlite', 'schema-v2.sqlite'].includes(fixture)) {
          const kept = (await backend.dispatch('checklists.get', { productId: 'fixture-p1' })) as { ok: true; value: { checklists: Array<{ items: Array<{ title: string; status: string; justification: string; owner: string }> }> } };
          expect(kept.value.checklists[0]!.items[0]).toMatchObject({ title: 'Form FDA 1571', status: 'not-applicable', justification: 'Fixture justification', owner: 'RA lead' });
        }
        // New features work on upgraded data: checklists can be generated.
        const generated = await backend.dispatch('checklists.generate', { productId: 'fixture-p1' });
        expect(generated.ok).toBe(true);
        const backups = fs.readdirSync(path.join(dataDir, 'backups'));
        expect(backups.some((b) => b.startsWith('pre-migration-v'))).toBe(true);
      } finally {
        backend.close();
      }
    });
  }
});
