import { z } from 'zod';
import { CLOCK_EVENT_IDS, CriterionKind, DonorType, DoseUnit, Fraction, ITEM_STATUS_IDS, LotPurpose, LotStatus, MEETING_TYPE_IDS, Oxygen, ProducingCell, RouteCategory, SourceKind, SpecPhase, StageKind, TrialPhase } from '../../contract';

/**
 * The sharing bundle: one product with its pathway, clocks, checklists, lot register and audit trail, as rows
 * of the tables that hold them. Every row is checked here before anything is written: types,
 * enumerations, lengths and counts (so a hostile or corrupted file cannot smuggle in oversized
 * or malformed data), and a SHA-256 of the data detects truncation and flipped bits.
 */
export const BUNDLE_FORMAT = 'secretome-tracker-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
/** Bundles are JSON text; this bounds memory use and refuses absurd files early. */
export const MAX_BUNDLE_CHARS = 50 * 1024 * 1024;

const id = z.string().min(1).max(64);
const str = (max: number) => z.string().max(max);
const nstr = (max: number) => z.string().max(max).nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable();
const instant = z.string().max(40);
const flag = z.union([z.literal(0), z.literal(1)]);
const int = z.number().int().min(-1_000_000).max(1_000_000);

export const ProductRow = z.strictObject({
  id,
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,19}$/),
  name: str(120),
  sponsor: str(120),
  source_cell: str(120),
  source_tissue: str(120),
  donor_type: DonorType,
  fraction: Fraction,
  oxygen: Oxygen,
  passage_window: str(40),
  serum_free: flag,
  indication: str(200),
  route: str(80),
  dose_basis: str(120),
  // Optional: a bundle from a version before these columns imports with the table's defaults.
  source_kind: SourceKind.optional(),
  producing_cell: ProducingCell.optional(),
  dose_unit: DoseUnit.optional(),
  route_category: RouteCategory.optional(),
  subpart_e: flag.optional(),
  trial_phase: TrialPhase.optional(),
  ind_number: str(12),
  stage: StageKind,
  notes: str(4000),
  archived_at: nstr(40),
  created_at: instant,
  updated_at: instant,
  pathway_template_id: nstr(80),
  start_date: isoDate,
  calendar: z.enum(['calendar', 'working']),
});
export const StageRow = z.strictObject({ id, product_id: id, kind: StageKind, name: str(160), position: int });
export const MilestoneRow = z.strictObject({
  id,
  product_id: id,
  stage_id: id,
  key: nstr(80),
  name: str(160),
  description: str(2000),
  duration_days: z.number().int().min(0).max(3650),
  gate: flag,
  citation: str(400),
  clock_event: z.enum(CLOCK_EVENT_IDS).nullable(),
  meeting_type: z.enum(MEETING_TYPE_IDS).nullable(),
  position: int,
  owner: str(80),
  notes: str(4000),
  planned_start: isoDate,
  planned_finish: isoDate,
  actual_start: isoDate,
  actual_finish: isoDate,
  created_at: instant,
  updated_at: instant,
});
export const DependencyRow = z.strictObject({ predecessor_id: id, successor_id: id, lag_days: z.number().int().min(-365).max(3650) });
export const TriggerRow = z.strictObject({
  id,
  product_id: id,
  event: z.enum(CLOCK_EVENT_IDS),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  original_date: isoDate,
  meeting_type: z.enum(MEETING_TYPE_IDS).nullable(),
  meeting_date: isoDate,
  label: str(120),
  reason: nstr(1000),
  milestone_id: id.nullable(),
  created_at: instant,
  updated_at: instant,
});
export const ChecklistRow = z.strictObject({
  id,
  product_id: id,
  template_id: nstr(80),
  template_version: z.number().int().min(0).max(100_000).nullable(),
  kind: str(40),
  name: str(200),
  position: int,
  created_at: instant,
});
export const ItemRow = z.strictObject({
  id,
  checklist_id: id,
  product_id: id,
  template_item_id: nstr(120),
  section: str(80),
  section_title: str(200),
  title: str(300),
  guidance: str(2000),
  citation: str(400),
  required: flag,
  stage: StageKind,
  milestone_key: nstr(80),
  ectd_module: nstr(4),
  applies_when: nstr(4000),
  applicable: flag,
  status: z.enum(ITEM_STATUS_IDS),
  justification: str(2000),
  owner: str(80),
  due: nstr(400),
  document_path: str(1000),
  notes: str(4000),
  position: int,
  created_at: instant,
  updated_at: instant,
});
export const AuditRow = z.strictObject({
  at: instant,
  actor: str(300),
  entity: str(60),
  entity_id: str(200),
  product_id: id.nullable(),
  action: z.enum(['create', 'update', 'delete', 'archive', 'restore']),
  field: nstr(80),
  old_value: nstr(100_000),
  new_value: nstr(100_000),
  reason: nstr(2000),
});

/** An electronic signature of the product's records, with the public key it was made with (it travels with the bundle). */
export const SignatureRow = z.strictObject({
  id,
  signer_id: id,
  record_kind: z.enum(['checklist_item', 'gate', 'export', 'scenario']),
  record_id: str(200),
  product_id: id.nullable(),
  meaning: str(120),
  printed_name: str(300),
  signed_at: instant,
  time_zone: str(80),
  content_hash: z.string().regex(/^[0-9a-f]{64}$/),
  signature: str(200),
  public_key: str(2000),
  key_fingerprint: str(200),
  superseded_at: instant.nullable(),
  superseded_reason: nstr(300),
});

/** The lot register (migration 009): specification versions, their attributes, lots, results, CSV mappings. */
const finite = z.number().finite().nullable();
export const LotSpecRow = z.strictObject({ id, product_id: id, version: z.number().int().min(1).max(10_000), phase: SpecPhase, notes: str(2000), source: str(120), created_at: instant });
export const LotSpecAttributeRow = z.strictObject({
  id,
  spec_id: id,
  key: z.string().min(1).max(60),
  name: z.string().min(1).max(120),
  method: str(200),
  unit: str(40),
  kind: CriterionKind,
  lower: finite,
  upper: finite,
  required: flag,
  checklist_item_id: id.nullable(),
  citation: str(500),
  position: int,
});
export const LotRow = z.strictObject({
  id,
  product_id: id,
  spec_id: id,
  lot_number: z.string().min(1).max(60),
  purpose: LotPurpose,
  manufactured_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  process_version: z.string().min(1).max(60),
  source: str(300),
  scale: str(120),
  status: LotStatus,
  retest_on: isoDate,
  expiry_on: isoDate,
  milestone_id: id.nullable(),
  deviation: str(4000),
  illustrative: flag,
  notes: str(4000),
  released_on: isoDate,
  created_at: instant,
  updated_at: instant,
});
export const LotResultRow = z.strictObject({
  id,
  lot_id: id,
  attribute_id: id,
  value_text: str(200),
  value_num: finite,
  entered_value: str(200),
  entered_unit: str(40),
  tested_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  analyst: str(120),
  method: str(200),
  investigation: str(4000),
  created_at: instant,
  updated_at: instant,
});
export const LotMappingRow = z.strictObject({ product_id: id, source: z.string().min(1).max(120), mapping: str(100_000), updated_at: instant });

export const BundleData = z.strictObject({
  product: ProductRow,
  stages: z.array(StageRow).max(100),
  milestones: z.array(MilestoneRow).max(5000),
  dependencies: z.array(DependencyRow).max(20_000),
  triggers: z.array(TriggerRow).max(2000),
  checklists: z.array(ChecklistRow).max(200),
  items: z.array(ItemRow).max(20_000),
  audit: z.array(AuditRow).max(200_000),
  /** Absent in bundles made before signatures travelled. */
  signatures: z.array(SignatureRow).max(20_000).optional(),
  /** The lot register; absent in bundles made before it travelled (such a bundle cannot replace a product that has lots). */
  lotSpecs: z.array(LotSpecRow).max(1000).optional(),
  lotAttributes: z.array(LotSpecAttributeRow).max(80_000).optional(),
  lots: z.array(LotRow).max(20_000).optional(),
  lotResults: z.array(LotResultRow).max(400_000).optional(),
  lotMappings: z.array(LotMappingRow).max(200).optional(),
});
export type BundleData = z.infer<typeof BundleData>;

export const Bundle = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  exportedAt: instant,
  exportedBy: str(300),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  /** The exporting installation's key and name, and its Ed25519 signature (see bundles/trust.ts). */
  signer: z.strictObject({ name: str(300), publicKey: str(2000), fingerprint: str(200) }).optional(),
  signature: str(200).optional(),
  data: BundleData,
});
export type Bundle = z.infer<typeof Bundle>;
