import { convert } from './units';

/** How an attribute's acceptance criterion is stated. */
export type CriterionKind = 'range' | 'max' | 'min' | 'negative' | 'conforms' | 'report';
export type Judgement = 'conforms' | 'oos' | 'missing';

export interface Criterion {
  name: string;
  kind: CriterionKind;
  unit: string;
  lower: number | null;
  upper: number | null;
}

export const NUMERIC_KINDS: readonly CriterionKind[] = ['range', 'max', 'min'];
export const isNumeric = (kind: CriterionKind) => NUMERIC_KINDS.includes(kind);

const NEGATIVE = ['negative', 'not detected', 'nd', 'absent', 'no growth', 'none detected'];
const POSITIVE = ['positive', 'detected', 'growth', 'present'];
const CONFORMS = ['conforms', 'complies', 'pass', 'passes', 'meets', 'consistent'];
const FAILS = ['does not conform', 'does not comply', 'fail', 'fails', 'not consistent'];

/** The criterion in words, as a certificate of analysis prints it: "1.0E9 – 5.0E10 particles/mL", "≤ 0.5 EU/mL". */
export function criterionText(c: Criterion): string {
  const n = (v: number | null) => (v === null ? '?' : formatNumber(v));
  const unit = c.unit ? ` ${c.unit}` : '';
  switch (c.kind) {
    case 'range':
      return `${n(c.lower)} – ${n(c.upper)}${unit}`;
    case 'max':
      return `≤ ${n(c.upper)}${unit}`;
    case 'min':
      return `≥ ${n(c.lower)}${unit}`;
    case 'negative':
      return 'Negative';
    case 'conforms':
      return 'Conforms';
    case 'report':
      return `Report result${unit ? ` (${c.unit})` : ''}`;
  }
}

/** Numbers as people write them in a spec: plain up to 6 digits, otherwise scientific (2.5E10). */
export function formatNumber(v: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-3) return v.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'E').replace('e-', 'E-');
  return String(Number(v.toPrecision(6)));
}

export type Entered =
  | { ok: true; text: string; num: number | null; belowLimit: boolean }
  | { ok: false; field: 'value' | 'unit'; reason: string };

/**
 * Reads an entered result against its criterion: numbers for numeric criteria ("1.2e10",
 * "<0.25" for a result below the method's limit), converted to the spec's unit; words for
 * negative/conforms criteria. Anything else is refused with the reason.
 */
export function readEntered(c: Criterion, value: string, unit: string): Entered {
  const raw = value.trim();
  if (raw === '') return { ok: false, field: 'value', reason: 'a value is required' };
  if (c.kind === 'negative' || c.kind === 'conforms') {
    const word = raw.toLowerCase().replace(/\s+/g, ' ');
    const known = c.kind === 'negative' ? [...NEGATIVE, ...POSITIVE] : [...CONFORMS, ...FAILS];
    if (!known.includes(word)) {
      return { ok: false, field: 'value', reason: c.kind === 'negative' ? `"${raw}" is not a result for ${c.name}: enter Negative or Positive` : `"${raw}" is not a result for ${c.name}: enter Conforms or Does not conform` };
    }
    return { ok: true, text: raw, num: null, belowLimit: false };
  }
  const match = /^([<≤]\s*)?([-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?)$/.exec(raw.replace(/\s*[x×]\s*10\^?([-+]?\d+)$/, 'e$1'));
  if (!match) {
    if (c.kind === 'report') return { ok: true, text: raw, num: null, belowLimit: false };
    return { ok: false, field: 'value', reason: `"${raw}" is not a number, and ${c.name} needs a number${c.unit ? ` in ${c.unit}` : ''}` };
  }
  const num = Number(match[2]!.replace(',', '.'));
  if (!Number.isFinite(num)) return { ok: false, field: 'value', reason: `"${raw}" is not a finite number` };
  const converted = c.unit ? convert(num, unit, c.unit) : unit.trim() ? { ok: false as const, reason: `${c.name} has no unit in the specification; enter the value without a unit` } : { ok: true as const, value: num };
  if (!converted.ok) return { ok: false, field: 'unit', reason: converted.reason };
  const belowLimit = Boolean(match[1]);
  return { ok: true, text: `${belowLimit ? '<' : ''}${formatNumber(converted.value)}`, num: converted.value, belowLimit };
}

/** A stored result against its criterion. A value "below the limit" (<x) conforms to a maximum at or above x. */
export function judge(c: Criterion, result: { text: string; num: number | null } | null): Judgement {
  if (!result) return 'missing';
  const word = result.text.trim().toLowerCase().replace(/\s+/g, ' ');
  switch (c.kind) {
    case 'negative':
      return NEGATIVE.includes(word) ? 'conforms' : 'oos';
    case 'conforms':
      return CONFORMS.includes(word) ? 'conforms' : 'oos';
    case 'report':
      return 'conforms';
    default: {
      const v = result.num;
      if (v === null) return 'oos';
      if (c.lower !== null && (c.kind === 'range' || c.kind === 'min') && v < c.lower) return 'oos';
      if (c.upper !== null && (c.kind === 'range' || c.kind === 'max') && v > c.upper) return 'oos';
      return 'conforms';
    }
  }
}
