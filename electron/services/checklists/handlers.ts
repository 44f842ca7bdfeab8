import { randomUUID } from 'node:crypto';
import type { ChecklistsView } from '../../contract';
import type { Audit, ServiceContext } from '../context';
import { AppError } from '../errors';
import type { HandlerMap } from '../handlers';
import { requireEditableProduct } from '../lookups';
import { applyBulkChanges, applyItemChanges, requireItem } from './changes';
import { checkDocumentPath } from './documents';
import { regenerateChecklists } from './regenerate';
import { applyRevert, readRevertable } from './revert';
import { allChecklistTemplates, isImported, validateImport } from './templates';
import { loadChecklistsView } from './view';

type ChecklistChannel =
  | 'checklists.templates'
  | 'checklists.get'
  | 'checklists.generate'
  | 'checklistItems.update'
  | 'checklistItems.bulkUpdate'
  | 'checklistItems.revert'
  | 'checklistItems.create'
  | 'checklistItems.remove'
  | 'checklistTemplates.import';

/** What a checklist write starts from: the product itself (its id) or one of its records. */
type Target = string | { product_id: string };

/**
 * A write to one product's checklists: `read` finds what the write starts from inside the
 * transaction (read once), the product must not be archived, then `apply` (signatures whose
 * record it changed are superseded by the write itself: see `createContext`). The fresh view is
 * built after the commit: it checks every linked document on disk, which is no work to do
 * while holding the write lock.
 */
function writeChecklists<T extends Target>(ctx: ServiceContext, read: () => T, apply: (target: T, audit: Audit) => void): ChecklistsView {
  const productId = ctx.write((audit) => {
    const target = read();
    const id = typeof target === 'string' ? target : target.product_id;
    requireEditableProduct(ctx, id, 'changing its checklists');
    apply(target, audit);
    return id;
  });
  return loadChecklistsView(ctx, productId);
}

/** A linked document must be a local file that exists (checked before the transaction: it is disk I/O). */
function checkDocument(documentPath: string | undefined) {
  const problem = documentPath === undefined ? null : checkDocumentPath(documentPath);
  if (problem) throw new AppError('VALIDATION', problem, [{ path: 'changes.documentPath', message: problem }]);
}

function requireChecklist(ctx: ServiceContext, id: string) {
  const checklist = ctx.repos.checklists.checklist(id);
  if (!checklist) throw new AppError('NOT_FOUND', `No checklist with id "${id}" exists.`);
  return checklist;
}

export const checklistHandlers: HandlerMap<ChecklistChannel> = {
  'checklists.templates': (_input, ctx) =>
    allChecklistTemplates(ctx).map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      kind: t.kind,
      version: t.version,
      itemCount: t.items.length,
      source: isImported(t.id) ? ('imported' as const) : ('default' as const),
    })),

  'checklists.get': ({ productId, today }, ctx) => loadChecklistsView(ctx, productId, today),

  'checklists.generate': ({ productId }, ctx) => {
    let counts = { added: 0, flagged: 0, restored: 0 };
    const view = writeChecklists(ctx, () => productId, (_, audit) => {
      counts = regenerateChecklists(ctx, productId, audit);
    });
    return { ...view, regenerated: counts };
  },

  'checklistItems.update': ({ id, changes, reason }, ctx) => {
    checkDocument(changes.documentPath);
    return writeChecklists(ctx, () => requireItem(ctx, id), (row, audit) => applyItemChanges(ctx, row, changes, reason, audit));
  },

  'checklistItems.bulkUpdate': ({ ids, changes, reason }, ctx) =>
    writeChecklists(
      ctx,
      () => {
        const unique = [...new Set(ids)];
        const rows = ctx.repos.checklists.itemsByIds(unique);
        if (rows.length !== unique.length) {
          const found = new Set(rows.map((r) => r.id));
          const missing = unique.filter((id) => !found.has(id));
          throw new AppError('NOT_FOUND', `${missing.length} of the selected items no longer exist (e.g. "${missing[0]}"). Reload the checklist and select again.`);
        }
        const productId = rows[0]!.product_id;
        if (rows.some((r) => r.product_id !== productId)) {
          throw new AppError('CONFLICT', 'A bulk change applies to the items of one product at a time.');
        }
        return { product_id: productId, rows };
      },
      ({ rows }, audit) => applyBulkChanges(ctx, rows, changes, reason, audit),
    ),

  'checklistItems.revert': (input, ctx) =>
    writeChecklists(ctx, () => readRevertable(ctx, input), (target, audit) => applyRevert(ctx, input, target, audit)),

  'checklistItems.create': (input, ctx) =>
    writeChecklists(ctx, () => requireChecklist(ctx, input.checklistId), (checklist, audit) => {
      const id = randomUUID();
      ctx.repos.checklists.insertItem(
        {
          id,
          checklist_id: checklist.id,
          product_id: checklist.product_id,
          template_item_id: null,
          section: input.section,
          section_title: input.sectionTitle,
          title: input.title,
          guidance: input.guidance,
          citation: input.citation,
          required: input.required ? 1 : 0,
          stage: input.stage,
          milestone_key: null,
          ectd_module: null,
          applies_when: null,
          applicable: 1,
          status: 'not-started',
          justification: '',
          owner: input.owner,
          due: input.due ? JSON.stringify(input.due) : null,
          document_path: '',
          notes: '',
          position: ctx.repos.checklists.nextPosition(checklist.id),
        },
        ctx.now(),
      );
      const { checklistId: _c, ...fields } = input;
      audit({ entity: 'checklist_item', entityId: id, productId: checklist.product_id, action: 'create', newValue: JSON.stringify({ checklist: checklist.name, ...fields }) });
    }),

  'checklistItems.remove': ({ id, reason }, ctx) =>
    writeChecklists(ctx, () => requireItem(ctx, id), (row, audit) => {
      if (row.template_item_id !== null) {
        throw new AppError('CONFLICT', `"${row.title}" comes from a template and is kept. Mark it not applicable, with a justification, instead.`);
      }
      ctx.repos.checklists.deleteItem(id);
      audit({ entity: 'checklist_item', entityId: id, productId: row.product_id, action: 'delete', oldValue: JSON.stringify(row), reason: reason ?? null });
    }),

  'checklistTemplates.import': ({ fileName, content }, ctx) =>
    ctx.write((audit) => {
      const template = validateImport(ctx, fileName, content);
      const previous = ctx.repos.checklists.importedTemplate(template.id);
      ctx.repos.checklists.saveImported({ id: template.id, name: template.name, version: template.version, body: JSON.stringify(template), file_name: fileName, imported_at: ctx.now() });
      audit({
        entity: 'checklist_template',
        entityId: template.id,
        productId: null,
        action: previous ? 'update' : 'create',
        field: 'version',
        oldValue: previous ? String(previous.version) : null,
        newValue: `${template.version} (${template.items.length} items, from ${fileName})`,
      });
      return { id: template.id, name: template.name, description: template.description, kind: template.kind, version: template.version, itemCount: template.items.length, source: 'imported' as const };
    }),
};
