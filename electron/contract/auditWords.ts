import { PRODUCT_FIELD_LABELS } from './product';

/** What each kind of record is called in the audit trail, its filters and its exports. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  product: 'Product profile',
  milestone: 'Milestone',
  checklist_item: 'Checklist item',
  checklist: 'Checklist',
  clock_trigger: 'FDA event',
  dependency: 'Dependency',
  pathway: 'Pathway',
  baseline: 'Baseline',
  scenario: 'Planning scenario',
  setting: 'Setting',
  database: 'Data file',
  checklist_template: 'Checklist template',
  stage: 'Stage',
  signer: 'Signer',
  signature: 'Electronic signature',
  trusted_signer: 'Trusted colleague',
  lot: 'Lot',
  lot_spec: 'Specification',
  lot_result: 'Lot result',
  lot_import_mapping: 'CSV column mapping',
};

/** Field names in words, by record kind (a field not listed is spelt out from its name). */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  product: {
    ...Object.fromEntries(Object.entries(PRODUCT_FIELD_LABELS).map(([field, label]) => [field, label.toLowerCase()])),
    stage: 'stage',
    archivedAt: 'archived',
    bundle: 'sharing bundle',
  },
  milestone: {
    name: 'name',
    description: 'description',
    durationDays: 'duration',
    gate: 'readiness gate',
    citation: 'citation',
    owner: 'owner',
    notes: 'notes',
    plannedStart: 'planned start',
    plannedFinish: 'planned finish',
    actualStart: 'actual start',
    actualFinish: 'actual finish',
    meetingType: 'meeting type',
    position: 'position',
  },
  checklist_item: {
    status: 'status',
    justification: 'justification',
    owner: 'owner',
    notes: 'notes',
    due: 'due',
    documentPath: 'linked document',
    applicable: 'applies to the product',
    templateItem: 'template item',
  },
  clock_trigger: { date: 'date', meetingDate: 'meeting date' },
  dependency: { lagDays: 'lag' },
  pathway: { startDate: 'start date', calendar: 'durations count', template: 'template' },
  baseline: { name: 'name', reference: 'reference baseline' },
  scenario: { name: 'name', status: 'status' },
  setting: { displayName: 'display name', backupKeep: 'backups kept' },
  trusted_signer: { fingerprint: 'key fingerprint' },
  database: { backup: 'backup' },
  checklist: { template: 'template' },
  checklist_template: { version: 'version' },
  lot: { lotNumber: 'lot number', purpose: 'purpose', manufacturedOn: 'manufacture date', processVersion: 'process version', retestOn: 'retest date', expiryOn: 'expiry date', milestoneId: 'milestone served', status: 'status', deviation: 'deviation' },
  lot_result: { value: 'result', testedOn: 'test date', investigation: 'OOS investigation' },
  lot_import_mapping: { mapping: 'column mapping' },
};

/** A stored field name in words: "durationDays" of a milestone reads "duration". */
export function auditFieldLabel(entity: string, field: string): string {
  return AUDIT_FIELD_LABELS[entity]?.[field] ?? field.replace(/([A-Z])/g, ' $1').replace(/[-_]/g, ' ').toLowerCase();
}

export function auditEntityLabel(entity: string): string {
  return AUDIT_ENTITY_LABELS[entity] ?? entity.replace(/_/g, ' ');
}
