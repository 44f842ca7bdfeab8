/**
 * Units of lot results and their conversion. A unit belongs to one dimension with a factor to
 * that dimension's base; a result in another unit of the same dimension is converted to the
 * specification's unit, any other pair is refused (never guessed).
 */
interface UnitDef {
  dimension: string;
  factor: number;
}

const UNITS: Record<string, UnitDef> = {
  // particle concentration (base: particles/mL)
  'particles/ml': { dimension: 'particle concentration', factor: 1 },
  'p/ml': { dimension: 'particle concentration', factor: 1 },
  'particles/µl': { dimension: 'particle concentration', factor: 1e3 },
  'particles/l': { dimension: 'particle concentration', factor: 1e-3 },
  // mass concentration (base: mg/mL)
  'g/l': { dimension: 'mass concentration', factor: 1 },
  'mg/ml': { dimension: 'mass concentration', factor: 1 },
  'mg/l': { dimension: 'mass concentration', factor: 1e-3 },
  'µg/ml': { dimension: 'mass concentration', factor: 1e-3 },
  'µg/l': { dimension: 'mass concentration', factor: 1e-6 },
  'ng/ml': { dimension: 'mass concentration', factor: 1e-6 },
  'pg/ml': { dimension: 'mass concentration', factor: 1e-9 },
  // size (base: nm)
  nm: { dimension: 'length', factor: 1 },
  'µm': { dimension: 'length', factor: 1e3 },
  // endotoxin (base: EU/mL)
  'eu/ml': { dimension: 'endotoxin concentration', factor: 1 },
  'eu/l': { dimension: 'endotoxin concentration', factor: 1e-3 },
  // particle-to-protein ratio (base: particles/µg)
  'particles/µg': { dimension: 'particles per protein mass', factor: 1 },
  'particles/mg': { dimension: 'particles per protein mass', factor: 1e-3 },
  // fractions
  '%': { dimension: 'fraction', factor: 1 },
  fraction: { dimension: 'fraction', factor: 100 },
  // cells (base: cells/mL)
  'cells/ml': { dimension: 'cell concentration', factor: 1 },
  'cells/l': { dimension: 'cell concentration', factor: 1e-3 },
  // DNA per dose volume (base: ng/mL) shares mass concentration above; activity
  'u/ml': { dimension: 'activity', factor: 1 },
};

/** Case, spaces and the micro sign spelt "u" or Greek mu do not make a different unit. */
export function normaliseUnit(unit: string): string {
  return unit
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[μ]/g, 'µ')
    .replace(/^u(?=[gml])/, 'µ')
    .replace(/\/u(?=[gml])/, '/µ');
}

export function knownUnit(unit: string): boolean {
  return normaliseUnit(unit) in UNITS;
}

export type Conversion = { ok: true; value: number } | { ok: false; reason: string };

/** `value` in `from` expressed in `to`: the same unit passes through, units of one dimension convert. */
export function convert(value: number, from: string, to: string): Conversion {
  const f = normaliseUnit(from);
  const t = normaliseUnit(to);
  if (f === t || f === '') return { ok: true, value };
  const a = UNITS[f];
  const b = UNITS[t];
  if (!a) return { ok: false, reason: `the unit "${from}" is not one this app can convert; enter the result in ${to}` };
  if (!b) return { ok: false, reason: `the specification's unit "${to}" cannot be converted to; enter the result in ${to}` };
  if (a.dimension !== b.dimension) return { ok: false, reason: `"${from}" (${a.dimension}) cannot be converted to "${to}" (${b.dimension})` };
  // Rounded to 12 significant digits so 0.001 × 1000 reads 1, not 0.9999999999999999.
  return { ok: true, value: Number(((value * a.factor) / b.factor).toPrecision(12)) };
}
