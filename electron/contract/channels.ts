import { z } from 'zod';
import { AppInfo, BackupInfo, BundleExportInput, ExportRendered, ExportRequest, ExportSaved, ExportSaveInput, BundleFile, BundleImported, BundleImportInput, BackupList, BackupRestored, BackupRestoreInput, Empty, ExamplesLoaded, Settings, SettingsUpdateInput } from './app';
import { AuditFacets, AuditItem, AuditListInput } from './audit';
import { Product, ProductArchiveInput, ProductCreateInput, ProductRef, ProductsListInput, ProductUpdateInput } from './product';
import type { ErrorCode } from './result';
import { Baseline, BaselineComparison, BaselineCreateInput, BaselineListInput, BaselineRef } from './baseline';
import { PlanComparison, PlansCompareInput, ScenarioApplyInput, ScenarioCreateInput, ScenarioDiscardInput, ScenarioEditInput, ScenarioRef, ScenarioSummary, ScenarioView } from './scenario';
import { Id } from './common';
import { PathwayAddBranchInput, PathwayBranch, PathwayBranchesInput } from './branches';
import { BatchAnalysisInput, BatchAnalysisSaveInput, CertificateInput, CertificateSaveInput, CompareInput, ComparisonView, TrendsInput, TrendsView, ImportDone, ImportInput, ImportMappings, ImportPreview, InvestigationInput, LotCreateInput, LotRef, LotsProductInput, LotStatusInput, LotsView, LotUpdateInput, LotView, ResultsRecordInput, Spec, SpecCreateInput, SpecsView } from './lots';
import { SignaturesInput, SignatureView, Signer, SignerCreateInput, SignerPasswordChangeInput, SignerPasswordResetInput, SigningSession, SignInput, VerifyReport } from './signature';
import {
  ChecklistBulkUpdateInput,
  ChecklistRevertInput,
  ChecklistItemCreateInput,
  ChecklistItemRemoveInput,
  ChecklistItemUpdateInput,
  ChecklistsGetInput,
  ChecklistsView,
  ChecklistTemplateImportInput,
  ChecklistTemplateSummary,
} from './checklist';
import { ClockCalculateInput, ClockCatalogue, ClockDeadline, ClockOverrideInput, ClockRecordInput, ClockRemoveInput } from './clocks';
import {
  DashboardInput,
  DashboardView,
  DependencyInput,
  DependencyRemoveInput,
  MilestoneCreateInput,
  MilestoneMoveInput,
  MilestoneRemoveInput,
  MilestoneUpdateInput,
  MarkEarlierWorkDoneInput,
  PathwayInstantiateInput,
  PathwaySettingsInput,
  PathwayTemplateSummary,
  PathwayView,
  ProductRefInput,
} from './pathway';

import { TrustAddInput, TrustList, TrustRemoveInput } from './trust';

export interface ChannelDef {
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
  /** Error codes the handler itself can return, beyond VALIDATION/INTERNAL which any channel can. */
  errors: readonly ErrorCode[];
}

const def = <I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
  errors: readonly ErrorCode[] = [],
) => ({ summary, input, output, errors });

/** The one API contract: every front door (Electron IPC, local web, CLI) dispatches through it. */
export const contract = {
  'app.info': def('Version, data location and schema version of this installation', Empty, AppInfo),
  'settings.get': def('Read the user settings', Empty, Settings),
  'settings.update': def('Change the user settings (display name used in the audit trail, backups to keep)', SettingsUpdateInput, Settings),
  'exports.render': def('A Word (.docx) export as bytes (base64), for a download or a save dialog', ExportRequest, ExportRendered, ['NOT_FOUND', 'CONFLICT']),
  'exports.save': def('Write a Word (.docx) export to a file (atomically; no partial file on failure)', ExportSaveInput, ExportSaved, ['NOT_FOUND', 'CONFLICT']),
  'bundles.export': def('One product (profile, pathway, clocks, checklists, audit) as a sharing bundle', BundleExportInput, BundleFile, ['NOT_FOUND']),
  'bundles.import': def('Import a sharing bundle; an existing product needs mode "copy" or "replace" (never a silent merge)', BundleImportInput, BundleImported, ['CONFLICT']),
  'trust.list': def('The colleagues whose bundle signing keys you trust (by fingerprint)', Empty, TrustList),
  'trust.add': def('Trust a colleague\'s bundle signing key by its fingerprint (audited)', TrustAddInput, TrustList, ['CONFLICT']),
  'trust.remove': def('Stop trusting a bundle signing key (audited)', TrustRemoveInput, TrustList, ['NOT_FOUND']),
  'backups.list': def('The backups of the data file, newest first', Empty, BackupList),
  'backups.create': def('Back up now (online backup, verified with an integrity check)', Empty, BackupInfo, ['DB_BUSY']),
  'backups.restore': def('Restore a backup; the current data is first saved as a backup, so a restore can be undone', BackupRestoreInput, BackupRestored, ['NOT_FOUND', 'CONFLICT']),
  'products.list': def('List products, active first', ProductsListInput, z.array(Product)),
  'products.get': def('Read one product', ProductRef, Product, ['NOT_FOUND']),
  'products.create': def('Create a product from its profile, optionally with a pathway from a template', ProductCreateInput, Product, ['CONFLICT', 'NOT_FOUND']),
  'products.update': def('Change fields of a product profile', ProductUpdateInput, Product, ['NOT_FOUND', 'CONFLICT']),
  'products.archive': def('Archive a product (kept, hidden from the active list)', ProductArchiveInput, Product, ['NOT_FOUND', 'CONFLICT']),
  'products.restore': def('Restore an archived product', ProductArchiveInput, Product, ['NOT_FOUND', 'CONFLICT']),
  'examples.load': def('Load the example portfolio (skips codes that already exist)', Empty, ExamplesLoaded),
  'audit.list': def('The audit trail in words, newest first: single entries and change sets (with their members), filtered by product, dates, actor, entity and field', AuditListInput, z.array(AuditItem)),
  'audit.facets': def('The actors, entities and fields that occur in the audit trail (for filters)', z.strictObject({ productId: Id.optional() }), AuditFacets),
  'pathways.templates': def('The pathway templates a product can start from', Empty, z.array(PathwayTemplateSummary)),
  'pathway.get': def('A product pathway: stages, milestones with their computed schedule, dependencies, clocks', ProductRefInput, PathwayView, ['NOT_FOUND']),
  'pathway.instantiate': def('Give a product the stages and milestones of a pathway template', PathwayInstantiateInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'pathway.markEarlierWorkDone': def('Record the work of every stage before the given one as done, each stage on the date it finished (a product joining its pathway mid-way)', MarkEarlierWorkDoneInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'pathway.branches': def('The branches of a product pathway template (cell banks, INTERACT, clinical hold): automatic or optional, and whether added', PathwayBranchesInput, z.array(PathwayBranch), ['NOT_FOUND']),
  'pathway.addBranch': def('Add an optional branch of the template (e.g. a clinical hold) to a product pathway', PathwayAddBranchInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'pathway.updateSettings': def('Change the pathway start date or calendar', PathwaySettingsInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'milestones.create': def('Add a milestone to a stage', MilestoneCreateInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'milestones.update': def('Edit a milestone: dates (planned, actual), duration, owner...', MilestoneUpdateInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'milestones.move': def('Move a milestone within or between stages', MilestoneMoveInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'milestones.remove': def('Remove a milestone with its dependencies', MilestoneRemoveInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'dependencies.add': def('Make a milestone wait for another (finish-to-start plus lag); refuses cycles', DependencyInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'dependencies.update': def('Change the lag of a dependency', DependencyInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'dependencies.remove': def('Remove a dependency', DependencyRemoveInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'clocks.record': def('Record a clock trigger event (e.g. FDA received the IND) for a product', ClockRecordInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'clocks.override': def('Change the date a trigger runs from, with the reason', ClockOverrideInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'clocks.remove': def('Remove a recorded trigger', ClockRemoveInput, PathwayView, ['NOT_FOUND', 'CONFLICT']),
  'clocks.calculate': def('Every deadline that follows an event on a date (no product needed)', ClockCalculateInput, z.array(ClockDeadline)),
  'clocks.catalogue': def('The trigger events, meeting types and clock rules with citations', Empty, ClockCatalogue),
  'checklists.templates': def('Checklist templates: the defaults and those imported', Empty, z.array(ChecklistTemplateSummary)),
  'checklists.get': def('A product checklists with items, due dates, readiness and gates', ChecklistsGetInput, ChecklistsView, ['NOT_FOUND']),
  'checklists.generate': def('Generate, or regenerate after a profile change, the checklists that fit a product (never deletes user data)', ProductRefInput, ChecklistsView, ['NOT_FOUND', 'CONFLICT']),
  'checklistItems.update': def('Change an item: status (not applicable needs a justification), owner, due date, linked document, notes', ChecklistItemUpdateInput, ChecklistsView, ['NOT_FOUND', 'CONFLICT']),
  'checklistItems.bulkUpdate': def('Change status, owner or due date of many items in one transaction', ChecklistBulkUpdateInput, ChecklistsView, ['NOT_FOUND', 'CONFLICT']),
  'checklistItems.revert': def('Undo a checklist change (a bulk change set or one entry) in one step: each field back to its old value, audited as a reversal', ChecklistRevertInput, ChecklistsView, ['NOT_FOUND', 'CONFLICT']),
  'checklistItems.create': def('Add a custom item to a checklist', ChecklistItemCreateInput, ChecklistsView, ['NOT_FOUND', 'CONFLICT']),
  'checklistItems.remove': def('Remove a custom item (template items are kept; mark them not applicable instead)', ChecklistItemRemoveInput, ChecklistsView, ['NOT_FOUND', 'CONFLICT']),
  'checklistTemplates.import': def('Import an organisation checklist template file (validated; nothing is imported on error)', ChecklistTemplateImportInput, ChecklistTemplateSummary, ['CONFLICT']),
  'baselines.list': def('Saved baselines of a product plan, newest first', BaselineListInput, z.array(Baseline), ['NOT_FOUND']),
  'baselines.create': def('Save the current plan as a named, dated baseline (optionally the reference)', BaselineCreateInput, z.array(Baseline), ['NOT_FOUND', 'CONFLICT']),
  'baselines.setReference': def('Make a baseline the reference the live plan is measured against', BaselineRef, z.array(Baseline), ['NOT_FOUND', 'CONFLICT']),
  'baselines.compare': def('The live plan against a baseline: key dates and every milestone, with variance', BaselineRef, BaselineComparison, ['NOT_FOUND']),
  'scenarios.list': def('Planning scenarios of a product, newest first', BaselineListInput, z.array(ScenarioSummary), ['NOT_FOUND']),
  'scenarios.create': def('Start a planning scenario from the live plan (the live plan is not touched)', ScenarioCreateInput, ScenarioView, ['NOT_FOUND', 'CONFLICT']),
  'scenarios.get': def('A scenario with its recomputed schedule, key dates and changes', ScenarioRef, ScenarioView, ['NOT_FOUND']),
  'scenarios.edit': def('Change a scenario: durations, lags, dependencies, planned dates, milestones, meeting type', ScenarioEditInput, ScenarioView, ['NOT_FOUND', 'CONFLICT']),
  'scenarios.apply': def('Apply a scenario to the live plan in one transaction, audited as one change set', ScenarioApplyInput, ScenarioView, ['NOT_FOUND', 'CONFLICT']),
  'scenarios.discard': def('Discard a scenario (kept for the record, no longer editable)', ScenarioDiscardInput, ScenarioView, ['NOT_FOUND', 'CONFLICT']),
  'plans.compare': def('Compare 2 to 4 plans (live, baselines, scenarios): key dates, critical paths, what moved and why', PlansCompareInput, PlanComparison, ['NOT_FOUND']),
  'dashboard.get': def('Portfolio dashboard: stage, progress, next milestone, deadlines, overdue items, slips', DashboardInput, DashboardView),
  'signers.list': def('The people who can sign on this installation', Empty, z.array(Signer)),
  'signers.create': def('Add a signer: printed name and signing password (stored as a salted scrypt hash)', SignerCreateInput, Signer, ['CONFLICT']),
  'signers.changePassword': def('Change a signing password (needs the old one)', SignerPasswordChangeInput, Signer, ['NOT_FOUND', 'CONFLICT']),
  'signers.resetPassword': def('Reset a lost signing password, with an audited reason (earlier signatures stay valid)', SignerPasswordResetInput, Signer, ['NOT_FOUND']),
  'signatures.session': def('The signing session: who signs with the password only, and until when', Empty, SigningSession),
  'signatures.endSession': def('End the signing session (the next signature needs signer and password)', Empty, SigningSession),
  'signatures.sign': def('Sign a checklist item (Approved, with evidence), a readiness gate (Approved for submission) or the IND checklist export (Reviewed)', SignInput, SignatureView, ['NOT_FOUND', 'CONFLICT']),
  'signatures.verify': def('Check every signature (or a product\'s) against its record and the installation key; lists failures with reasons', SignaturesInput, VerifyReport),
  'lots.specs': def('A product release specifications: the version in force, every earlier version, and the suggested templates', LotsProductInput, SpecsView, ['NOT_FOUND']),
  'lots.createSpec': def('Save a new specification version (earlier lots keep the version they were made under)', SpecCreateInput, Spec, ['NOT_FOUND', 'CONFLICT']),
  'lots.list': def('A product lots with their judgements against their specification version and what blocks release', LotsProductInput, LotsView, ['NOT_FOUND']),
  'lots.get': def('One lot: results line by line, judged against its specification version', LotRef, LotView, ['NOT_FOUND']),
  'lots.create': def('Record a lot (lot number unique per product) under the specification in force', LotCreateInput, LotView, ['NOT_FOUND', 'CONFLICT']),
  'lots.update': def('Change a lot: number, purpose, dates, process version, source, scale, milestone, notes', LotUpdateInput, LotView, ['NOT_FOUND', 'CONFLICT']),
  'lots.setStatus': def('Move a lot on (on test, released, rejected, quarantined); release is refused while a required result is missing or OOS without a deviation', LotStatusInput, LotView, ['NOT_FOUND', 'CONFLICT']),
  'lots.recordResults': def('Record results of a lot (converted to the specification unit, or refused), all or nothing', ResultsRecordInput, LotView, ['NOT_FOUND', 'CONFLICT']),
  'lots.trends': def('Per attribute across lots: individuals control chart (mean ± 3σ from reference lots), Western Electric signals, spec limits, Cpk for two-sided specs', TrendsInput, TrendsView, ['NOT_FOUND']),
  'lots.compare': def('Comparability of two process versions per attribute: difference of means with its confidence interval and a TOST equivalence test against ± margin%', CompareInput, ComparisonView, ['NOT_FOUND']),
  'lots.renderCertificate': def('A certificate of analysis of one lot (Word, base64): each specified test, result, judgement, conclusion and sign-off lines', CertificateInput, ExportRendered, ['NOT_FOUND']),
  'lots.saveCertificate': def('Write a lot certificate of analysis to a .docx file (desktop and CLI; atomically)', CertificateSaveInput, ExportSaved, ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN']),
  'lots.renderBatchAnalysis': def('The batch analyses report for Module 3 (3.2.S.4.4 / 3.2.P.5.4): lots, lots × attributes results, trend charts (Word, base64)', BatchAnalysisInput, ExportRendered, ['NOT_FOUND', 'CONFLICT']),
  'lots.saveBatchAnalysis': def('Write the batch analyses report to a .docx file (desktop and CLI; atomically)', BatchAnalysisSaveInput, ExportSaved, ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN']),
  'lots.importPreview': def('Read a results CSV through a column mapping (given, saved for the source, or guessed): the results it holds and every bad line, nothing written', ImportInput, ImportPreview, ['NOT_FOUND']),
  'lots.import': def('Import a results CSV in one transaction (bad lines reported by number, nothing written on error); the mapping is saved for the source', ImportInput, ImportDone, ['NOT_FOUND', 'CONFLICT']),
  'lots.mappings': def('The CSV column mappings saved per source for a product', LotsProductInput, ImportMappings, ['NOT_FOUND']),
  'lots.investigate': def('Record the investigation note of an out-of-specification result', InvestigationInput, LotView, ['NOT_FOUND', 'CONFLICT']),
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
