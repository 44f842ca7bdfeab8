import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type ChecklistsView, type PathwayView, type Product } from '../contract';
import path from 'node:path';
import { DB_FILE_NAME } from '../../db';
import { inspectDatabase } from '../../db/testing';
import { sampleProfile, tempBackend } from '../test-support/backend';

const TABLES = ['product', 'audit_log', 'setting', 'stage', 'milestone', 'milestone_dependency', 'clock_trigger', 'checklist', 'checklist_item', 'checklist_template', 'baseline', 'scenario'];
let backend: ReturnType<typeof tempBackend>;
let ids: string[] = [];
let data: ReturnType<typeof inspectDatabase>;

beforeAll(async () => {
  backend = tempBackend();
  // The data file as another connection sees it: what a committed transaction left behind.
  data = inspectDatabase(path.join(backend.dataDir, DB_FILE_NAME));
  const product = (await backend.dispatch('products.create', { ...sampleProfile({ code: 'FUZZ-1' }), pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' } })) as { ok: true; value: Product };
  const pathway = (await backend.dispatch('pathway.get', { productId: product.value.id })) as { ok: true; value: PathwayView };
  const checklists = (await backend.dispatch('checklists.generate', { productId: product.value.id })) as { ok: true; value: ChecklistsView };
  const milestones = pathway.value.stages.flatMap((s) => s.milestones);
  ids = [
    product.value.id,
    ...pathway.value.stages.slice(0, 2).map((s) => s.id),
    ...milestones.slice(0, 4).map((m) => m.id),
    ...checklists.value.checklists.slice(0, 2).map((c) => c.id),
    ...checklists.value.checklists.flatMap((c) => c.items).slice(0, 4).map((i) => i.id),
  ];
});
afterAll(() => {
  data.close();
  backend.cleanup();
});

function snapshot(): number[] {
  return TABLES.map((t) => data.count(t));
}

/** Values an attacker or a bug would send. */
const hostile = () =>
  fc.oneof(
    fc.string(),
    fc.constantFrom(
      "'; DROP TABLE product; --",
      '" OR 1=1 --',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '../../../../etc/passwd',
      'https://evil.example/x.docx',
      '\u0000',
      '-0001-01-01',
      '0000-00-00',
      '9999-12-31',
      '2026-02-30',
      '2026-13-01',
      '__proto__',
      'constructor',
    ),
    fc.constant('x'.repeat(200_000)),
    fc.integer(),
    fc.double(),
    fc.constantFrom(-1, -365_000, Number.MAX_SAFE_INTEGER, 1e308, Number.NaN),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(...['A', 'B', 'INTERACT', 'ind-received', 'approved', 'not-applicable', 'fda-ind-secretome', 'ind-submitted']),
    fc.constantFrom(...(ids.length ? ids : ['id'])),
    fc.array(fc.string(), { maxLength: 3 }),
  );

const KEYS = [
  'id', 'ids', 'productId', 'stageId', 'checklistId', 'triggerId', 'predecessorId', 'successorId', 'name', 'code', 'sponsor', 'changes',
  'reason', 'includeArchived', 'templateId', 'startDate', 'calendar', 'date', 'event', 'meetingType', 'meetingDate', 'durationDays',
  'lagDays', 'position', 'status', 'justification', 'owner', 'due', 'documentPath', 'notes', 'section', 'title', 'stage', 'required',
  'fileName', 'content', 'from', 'to', 'limit', 'actor', 'displayName', 'backupKeep', 'today', 'pathway', 'predecessors', 'fraction',
];

const inputs = () =>
  fc.oneof(
    fc.anything(),
    fc.dictionary(fc.constantFrom(...KEYS), hostile(), { maxKeys: 6 }),
    fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(hostile(), fc.dictionary(fc.constantFrom(...KEYS), hostile(), { maxKeys: 4 })), { maxKeys: 6 }),
    fc.record({ unknownField: hostile() }),
  );

// Restoring a backup by a random name is covered by backups.test.ts; here it would only say NOT_FOUND.
const FUZZED = CHANNELS.filter((c) => c !== 'backups.create');

describe('fuzzing every channel', () => {
  for (const channel of FUZZED) {
    it(`${channel}: random and hostile inputs get an answer, never a crash or a half-write`, async () => {
      await fc.assert(
        fc.asyncProperty(inputs(), async (input) => {
          const before = snapshot();
          const result = await backend.dispatch(channel, input);
          if (!result.ok) {
            expect(result.error.code, `${channel} answered INTERNAL: ${result.error.message}`).not.toBe('INTERNAL');
            expect(result.error.message.length).toBeGreaterThan(0);
            // A refusal writes nothing at all.
            expect(snapshot()).toEqual(before);
          }
          // Whatever happened, the audit trail and the data agree: every product has its creation entry.
          expect(data.productsWithoutCreateEntry()).toBe(0);
        }),
        { numRuns: 60 },
      );
    }, 120_000);
  }

  it('still has a healthy database afterwards', () => {
    expect(data.integrity()).toBe('ok');
    expect(data.foreignKeyProblems()).toEqual([]);
  });
});
