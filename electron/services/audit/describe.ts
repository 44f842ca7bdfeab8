import type { AuditEntryRecord, RecordName, TrailNameRow } from '../../../db';
import {
  auditEntityLabel,
  auditFieldLabel,
  CLOCK_EVENT_LABELS,
  DONOR_TYPES,
  DOSE_UNITS,
  FRACTIONS,
  ITEM_STATUS_LABELS,
  MEETING_TYPE_LABELS,
  LOT_PURPOSE_LABELS,
  LOT_STATUS_LABELS,
  OXYGEN,
  PRODUCING_CELLS,
  ROUTE_CATEGORIES,
  SOURCE_KINDS,
  STAGE_KINDS,
  TRIAL_PHASES,
} from '../../contract';
import { PATHWAY_TEMPLATES } from '../pathway/templates';

/*
 * The audit trail in words. Stored entries keep their machine-readable fields (entity, id,
 * field, old and new value); this module says what each one means to a person: which record
 * ("Milestone 'GLP toxicology in-life'"), and what happened to it ("duration 120 → 210 days"),
 * with dates as dates, enumerations by their labels and never an id or a JSON text. It runs
 * when the trail is read, so entries written by earlier versions read the same way.
 */

/** Names of the records a set of entries touches: as the tables hold them now, or as the trail last saw them. */
export interface NameBook {
  product(id: string | null): { code: string; name: string } | null;
  /** The record's own name (milestone name, item section and title...), or null if unknown. */
  name(id: string): string | null;
  /** A clock trigger's event id, when known. */
  event(id: string): string | null;
}

type Format = (value: string) => string;

const EMPTY = '—';
const labelled =
  (labels: Readonly<Record<string, string>>): Format =>
  (v) =>
    labels[v] ?? v;
const days: Format = (v) => `${v} ${v === '1' || v === '-1' ? 'day' : 'days'}`;
const date: Format = (v) => v;
const bool = (yes: string, no: string): Format => (v) => (v === 'true' || v === '1' ? yes : v === 'false' || v === '0' ? no : v);
const instant: Format = (v) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? `${v.slice(0, 10)} ${v.slice(11, 16)} UTC` : v);
const quoted: Format = (v) => `“${v}”`;
const CALENDARS = { calendar: 'calendar days', working: 'working days (Monday–Friday)' };
const SCENARIO_STATUS = { open: 'open', applied: 'applied', discarded: 'discarded' };

/** How each field's values read, by record kind. A field not listed reads as plain text. */
const FORMATS: Readonly<Record<string, Readonly<Record<string, Format>>>> = {
  product: {
    donorType: labelled(DONOR_TYPES),
    fraction: labelled(FRACTIONS),
    oxygen: labelled(OXYGEN),
    stage: labelled(STAGE_KINDS),
    serumFree: bool('yes', 'no'),
    sourceKind: labelled(SOURCE_KINDS),
    producingCell: labelled(PRODUCING_CELLS),
    doseUnit: labelled(DOSE_UNITS),
    routeCategory: labelled(ROUTE_CATEGORIES),
    subpartE: bool('yes', 'no'),
    trialPhase: labelled(TRIAL_PHASES),
    archivedAt: instant,
  },
  milestone: {
    name: quoted,
    description: quoted,
    durationDays: days,
    gate: bool('yes', 'no'),
    notes: quoted,
    plannedStart: date,
    plannedFinish: date,
    actualStart: date,
    actualFinish: date,
    meetingType: labelled(MEETING_TYPE_LABELS),
  },
  checklist_item: {
    status: labelled(ITEM_STATUS_LABELS),
    justification: quoted,
    notes: quoted,
    applicable: bool('yes', 'no'),
  },
  clock_trigger: { date, meetingDate: date },
  dependency: { lagDays: days },
  pathway: { startDate: date, calendar: labelled(CALENDARS) },
  baseline: { name: quoted, reference: quoted },
  scenario: { name: quoted, status: labelled(SCENARIO_STATUS) },
  setting: { displayName: quoted },
  lot: { status: labelled(LOT_STATUS_LABELS), purpose: labelled(LOT_PURPOSE_LABELS), deviation: quoted, notes: quoted, milestoneId: quoted },
  lot_result: { investigation: quoted },
  lot_import_mapping: { mapping: () => 'changed' },
};

function fieldOf(entity: string, field: string | null) {
  if (field === null) return null;
  return { label: auditFieldLabel(entity, field), format: FORMATS[entity]?.[field] };
}

/** A stored value in words; JSON texts are read, never shown. */
function valueText(entity: string, field: string | null, value: string | null): string {
  if (value === null || value === '') return EMPTY;
  if (entity === 'checklist_item' && field === 'due') return dueText(value);
  const spec = fieldOf(entity, field);
  return spec?.format ? spec.format(value) : value;
}

function parse(value: string | null): Record<string, unknown> | null {
  if (value === null || !value.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

function dueText(value: string): string {
  const due = parse(value);
  if (!due) return value;
  if (due.kind === 'fixed') return text(due.date) ?? EMPTY;
  const offset = typeof due.offsetDays === 'number' ? due.offsetDays : 0;
  const milestone = text(due.milestone)?.replace(/-/g, ' ') ?? 'a milestone';
  if (offset === 0) return `on “${milestone}”`;
  return `${days(String(Math.abs(offset)))} ${offset < 0 ? 'before' : 'after'} “${milestone}”`;
}

/** The record an entry is about, in words. */
export function recordText(e: AuditEntryRecord, names: NameBook): string {
  const noun = auditEntityLabel(e.entity);
  switch (e.entity) {
    case 'product':
    case 'pathway':
    case 'database':
      return noun;
    case 'setting':
      return `${noun} “${fieldOf('setting', e.entityId)?.label ?? e.entityId}”`;
    case 'dependency': {
      const [pred, succ] = e.entityId.split('>') as [string, string | undefined];
      const from = names.name(pred) ?? 'a removed milestone';
      const to = succ ? (names.name(succ) ?? 'a removed milestone') : 'a removed milestone';
      return `${noun} “${to}” waits for “${from}”`;
    }
    case 'clock_trigger': {
      const event = names.event(e.entityId) ?? (e.field && e.field in CLOCK_EVENT_LABELS ? e.field : null);
      const label = event ? CLOCK_EVENT_LABELS[event as keyof typeof CLOCK_EVENT_LABELS] : null;
      const own = names.name(e.entityId);
      if (label && own && own !== label) return `${noun} “${label}” (${own})`;
      return label ? `${noun} “${label}”` : own ? `${noun} “${own}”` : noun;
    }
    default: {
      const name = names.name(e.entityId);
      return name ? `${noun} “${name}”` : `${noun} (no longer present)`;
    }
  }
}

/** What happened to the record, in words. */
export function changeText(e: AuditEntryRecord, names: NameBook): string {
  const spec = fieldOf(e.entity, e.field);
  switch (e.action) {
    case 'archive':
      return 'archived';
    case 'restore':
      return e.entity === 'database' ? `restored from the backup ${e.newValue ?? ''}; the data before is kept as ${e.oldValue ?? ''}`.trim() : 'restored from the archive';
    case 'delete':
      if (e.entity === 'dependency') return `removed (the lag was ${valueText(e.entity, 'lagDays', e.oldValue)})`;
      if (e.entity === 'clock_trigger') return `removed (it was dated ${e.oldValue ?? EMPTY})`;
      return 'removed';
    case 'create':
      return createdText(e, names);
    default: {
      const label = spec?.label ?? 'value';
      return `${label} ${valueText(e.entity, e.field, e.oldValue)} → ${valueText(e.entity, e.field, e.newValue)}`;
    }
  }
}

function createdText(e: AuditEntryRecord, names: NameBook): string {
  const json = parse(e.newValue);
  switch (e.entity) {
    case 'product': {
      if (e.field === 'bundle') {
        const file = text(json?.file);
        const by = text(json?.exportedBy);
        return `imported from the sharing bundle${file ? ` ${file}` : ''}${by ? ` (exported by ${by}${text(json?.exportedAt) ? ` on ${instant(text(json?.exportedAt)!)}` : ''})` : ''}`;
      }
      const product = names.product(e.entityId);
      const name = text(json?.name) ?? product?.name;
      return name ? `created: “${name}”` : 'created';
    }
    case 'pathway': {
      const start = text(json?.startDate);
      const count = text(json?.milestones);
      const calendar = text(json?.calendar);
      const id = text(json?.template);
      const template = id ? (PATHWAY_TEMPLATES.find((t) => t.id === id)?.name ?? id) : null;
      return `set up from the template${template ? ` “${template}”` : ''}${json?.version !== undefined ? ` v${String(json.version)}` : ''}${start ? `, starting ${start}` : ''}${count ? `, ${count} milestones` : ''}${calendar ? `, counting ${labelled(CALENDARS)(calendar)}` : ''}`;
    }
    case 'milestone': {
      const duration = json && typeof json.durationDays === 'number' ? `, ${days(String(json.durationDays))}` : '';
      const stage = text(json?.stage);
      return `added${stage ? ` to the stage “${stage}”` : ''}${duration}`;
    }
    case 'checklist_item':
      return e.field === 'templateItem' ? 'added from the template' : `added${text(json?.checklist) ? ` to the checklist “${text(json?.checklist)}”` : ''}`;
    case 'checklist': {
      const version = /\bv(\d+)$/.exec(e.newValue ?? '')?.[1];
      return `created from its template${version ? `, version ${version}` : ''}`;
    }
    case 'clock_trigger':
      return `recorded on ${e.newValue ?? EMPTY}`;
    case 'dependency':
      return `added, lag ${valueText(e.entity, 'lagDays', e.newValue)}`;
    case 'baseline':
    case 'scenario':
      return `saved as ${valueText(e.entity, 'name', e.newValue)}`;
    case 'checklist_template':
      return `imported, version ${e.newValue ?? EMPTY}`;
    default:
      return 'created';
  }
}

/** A checklist item in words: its section and title ("312.23(a)(7) CMC: lot release"), the section once. */
function itemName(section: string | null, title: string): string {
  return section && !title.startsWith(section) ? `${section} ${title}` : title;
}

/** Reads record names out of create and delete entries: what a removed record was called. */
function nameFromTrail(row: TrailNameRow): string | null {
  const value = row.action === 'delete' ? row.oldValue : row.newValue;
  const json = parse(value);
  if (row.entity === 'checklist_item') {
    const title = text(json?.title);
    const section = text(json?.section);
    return title ? itemName(section, title) : null;
  }
  if (json) return text(json.name) ?? text(json.title);
  // Older and bulk deletes keep the plain name.
  if (row.action === 'delete' && (row.entity === 'milestone' || row.entity === 'scenario' || row.entity === 'baseline') && value) return value;
  if (row.action === 'create' && (row.entity === 'scenario' || row.entity === 'baseline') && value) return value;
  return null;
}

/** Builds the name book for a set of entries from what the tables hold now and what the trail remembers. */
export function nameBook(
  entries: readonly AuditEntryRecord[],
  lookup: { current(ids: readonly string[]): RecordName[]; trail(ids: readonly string[]): TrailNameRow[]; products(): Array<{ id: string; code: string; name: string }> },
): NameBook {
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.entity === 'dependency') for (const id of e.entityId.split('>')) ids.add(id);
    else ids.add(e.entityId);
  }
  const wanted = [...ids];
  const names = new Map<string, string>();
  const events = new Map<string, string>();
  for (const row of lookup.trail(wanted)) {
    const name = nameFromTrail(row);
    if (name) names.set(row.entityId, name);
    // A removed trigger's event is the field of its create or delete entry.
    if (row.entity === 'clock_trigger' && row.field && row.field in CLOCK_EVENT_LABELS) events.set(row.entityId, row.field);
  }
  for (const r of lookup.current(wanted)) {
    if (r.kind === 'checklist_item') names.set(r.id, itemName(r.extra, r.name));
    else if (r.kind === 'clock_trigger') {
      if (r.name) names.set(r.id, r.name);
      if (r.extra) events.set(r.id, r.extra);
    } else names.set(r.id, r.name);
  }
  const products = new Map(lookup.products().map((p) => [p.id, p]));
  return {
    product: (id) => (id === null ? null : (products.get(id) ?? null)),
    name: (id) => names.get(id) ?? null,
    event: (id) => events.get(id) ?? null,
  };
}
