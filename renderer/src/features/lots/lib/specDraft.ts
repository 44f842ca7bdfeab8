import type { SpecAttribute, SpecTemplate } from '../../../../../electron/contract';
import type { ChannelInput } from '../../../../../electron/contract';

type AttributeInput = ChannelInput<'lots.createSpec'>['attributes'][number];

/** One editable row of the specification editor: limits as typed text, so 1e9 and 2.5E10 stay as written. */
export interface DraftRow {
  key: string;
  name: string;
  method: string;
  unit: string;
  kind: AttributeInput['kind'];
  lower: string;
  upper: string;
  required: boolean;
  citation: string;
  /** The release-testing checklist item the attribute answers. */
  checklistItemId: string | null;
}

/** Large and tiny limits as people write them in a spec (1E9, 5E-4); others plainly. */
const limitText = (v: number | null | undefined) =>
  v === null || v === undefined ? '' : Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential().replace('e+', 'E').replace('e-', 'E-') : String(v);

export function draftFrom(attributes: ReadonlyArray<SpecAttribute | SpecTemplate['attributes'][number]>): DraftRow[] {
  return attributes.map((a) => ({
    key: a.key ?? '',
    name: a.name,
    method: a.method ?? '',
    unit: a.unit ?? '',
    kind: a.kind,
    lower: limitText(a.lower),
    upper: limitText(a.upper),
    required: a.required !== false,
    citation: a.citation ?? '',
    checklistItemId: a.checklistItemId ?? null,
  }));
}

export const emptyRow = (): DraftRow => ({ key: '', name: '', method: '', unit: '', kind: 'range', lower: '', upper: '', required: true, citation: '', checklistItemId: null });

/** A typed limit as a number: blank is no limit; text that is not a number is kept for the back end to refuse. */
function limit(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

/** The rows as the contract's attribute inputs (blank rows dropped). */
export function toAttributes(rows: readonly DraftRow[]): AttributeInput[] {
  return rows
    .filter((r) => r.name.trim() !== '')
    .map((r) => ({
      key: r.key || undefined,
      name: r.name,
      method: r.method,
      unit: r.unit,
      kind: r.kind,
      lower: limit(r.lower),
      upper: limit(r.upper),
      required: r.required,
      citation: r.citation,
      checklistItemId: r.checklistItemId,
    }));
}
