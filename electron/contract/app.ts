import { z } from 'zod';
import { ChecklistKind } from './checklist';
import { IsoDate, text } from './common';
import { BundleSignerView, BundleTrust } from './trust';

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number().int(),
  actor: z.string(),
  frontDoor: z.enum(['electron', 'web', 'cli']),
});

/**
 * What a display name may hold: printable text. Control, format (bidi, zero-width) and private or
 * unassigned characters could hide or reorder it, angle brackets read as HTML, and brackets could
 * pose as another person's account ("Jane Smith (jsmith)"): the OS account is always added in
 * brackets by the tracker itself.
 */
export const DISPLAY_NAME_FORBIDDEN = /[\p{C}\p{Zl}\p{Zp}<>()[\]{}]/u;
export const DisplayName = text(80, 'Display name').refine(
  (v) => !DISPLAY_NAME_FORBIDDEN.test(v),
  'Display name: use printable letters, digits, spaces and punctuation only, without < > ( ) [ ] { } or invisible characters (your OS account is shown beside it by the tracker)',
);

export const Settings = z.object({ displayName: z.string(), backupKeep: z.number().int() });
export const SettingsUpdateInput = z
  .strictObject({
    displayName: DisplayName,
    backupKeep: z.number({ error: 'Backups to keep: a whole number' }).int('Backups to keep: a whole number').min(1, 'Keep at least 1 backup').max(365, 'Keep at most 365 backups'),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Change at least one setting');

export const BackupInfo = z.object({
  name: z.string(),
  kind: z.enum(['daily', 'manual', 'pre-migration', 'pre-restore']),
  createdAt: z.string(),
  bytes: z.number().int(),
});
export const BackupList = z.object({ dir: z.string(), keep: z.number().int(), backups: z.array(BackupInfo) });
export const BackupRestoreInput = z.strictObject({ name: z.string().trim().min(1, 'Name the backup to restore').max(200) });
export const BackupRestored = z.object({ restored: z.string(), previousSavedAs: z.string() });

export const Empty = z.strictObject({});
export const ExamplesLoaded = z.object({ created: z.array(z.string()), skipped: z.array(z.string()) });

export const BundleExportInput = z.strictObject({ productId: z.string().trim().min(1).max(64) });
export const BundleFile = z.object({ fileName: z.string(), content: z.string() });
export const BundleImportInput = z.strictObject({
  fileName: text(200, 'File name').default('bundle.rptbundle'),
  /** The bundle file's text (the CLI and the app read the file). */
  content: z.string().max(50 * 1024 * 1024, 'The bundle is larger than 50 MB'),
  /** What to do when the product already exists here; without it, the import is refused with the choice. */
  mode: z.enum(['copy', 'replace']).optional(),
  /** Needed for an unsigned bundle or one from a key not in the trusted list. */
  trust: BundleTrust.optional(),
});
export const BundleImported = z.object({
  signer: BundleSignerView,
  /** SHA-256 of the file as imported, kept in the audit trail. */
  sha256: z.string(),
  productId: z.string(),
  code: z.string(),
  mode: z.enum(['new', 'copy', 'replace']),
  counts: z.object({ milestones: z.number().int(), checklistItems: z.number().int(), triggers: z.number().int(), lots: z.number().int(), auditEntries: z.number().int() }),
});

export const EXPORT_KINDS = {
  'ind-checklist': 'IND submission checklist',
  plan: 'Regulatory plan and status report',
  audit: 'Audit extract',
  planning: 'Planning session summary',
} as const;
export const ExportKind = z.enum(['ind-checklist', 'plan', 'audit', 'planning'], { error: 'Export: choose ind-checklist, plan, audit or planning' });
/** Which checklists the IND readiness checklist export lists item by item (its gate still weighs them all); the IND checklist alone by default. */
export const IncludedChecklists = z
  .array(ChecklistKind)
  .min(1, 'Checklists: include at least one (e.g. ind)')
  .max(6)
  .default(['ind']);
/** Word, or a spreadsheet (.xlsx, or RFC 4180 .csv) of the checklists, the plan or the audit extract. */
export const ExportFormat = z.enum(['docx', 'xlsx', 'csv'], { error: 'Format: docx, xlsx or csv' }).default('docx');
const sheetKind = (v: { kind: string; format: string }) => v.format === 'docx' || v.kind !== 'planning';
const SHEET_KINDS_ONLY = { message: 'Spreadsheets are made of the checklists, the plan and the audit extract; the planning session is a Word document only', path: ['format'] };
export const ExportRequest = z
  .strictObject({
    kind: ExportKind,
    productId: z.string().trim().min(1, 'Choose a product').max(64),
    paper: z.enum(['letter', 'a4'], { error: 'Paper: letter or a4' }).default('letter'),
    groupBy: z.enum(['section', 'module'], { error: 'Group by: section or module' }).default('section'),
    /** The audit extract's period (UTC dates, inclusive); defaults to everything. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    checklists: IncludedChecklists,
    format: ExportFormat,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'The period is empty: the start date is after the end date', path: ['to'] })
  .refine(sheetKind, SHEET_KINDS_ONLY);
export const ExportSaveInput = z
  .strictObject({
    kind: ExportKind,
    productId: z.string().trim().min(1, 'Choose a product').max(64),
    paper: z.enum(['letter', 'a4']).default('letter'),
    groupBy: z.enum(['section', 'module']).default('section'),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    checklists: IncludedChecklists,
    format: ExportFormat,
    outPath: z.string().trim().min(1, 'Give the file to write').max(4096),
  })
  .superRefine((v, issue) => {
    if (!v.outPath.toLowerCase().endsWith(`.${v.format}`)) issue.addIssue({ code: 'custom', message: `The file name must end in .${v.format}`, path: ['outPath'] });
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'The period is empty: the start date is after the end date', path: ['to'] })
  .refine(sheetKind, SHEET_KINDS_ONLY);
export const ExportRendered = z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), bytes: z.number().int() });
export const ExportSaved = z.object({ path: z.string(), bytes: z.number().int() });
