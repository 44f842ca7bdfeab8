import type { z } from 'zod';
import type { LotRow } from '../../../db/repositories/lots';
import { ImportMapping, type FieldIssue, type ImportInput, type ImportPreview } from '../../contract';
import { parseCsv } from '../../domain/lots/csv';
import { delimiterName } from '../../domain/lots/csv';
import { judge, readEntered } from '../../domain/lots/judge';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { requireEditableProduct, requireProduct } from '../lookups';
import { writeResults, type PendingResult } from './results';
import { lotsOfProduct } from './view';

type Input = z.output<typeof ImportInput>;
type Mapping = z.output<typeof ImportMapping>;

const norm = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9µ%]+/g, ' ').trim();

/** Column names instruments use for the template attributes (NanoSight/ZetaView NTA exports, plate readers). */
const ALIASES: Record<string, string[]> = {
  'particle-concentration': ['concentration', 'particles', 'particle conc', 'conc'],
  'modal-size': ['mode', 'mode size', 'modal diameter'],
  'total-protein': ['protein', 'bca', 'protein concentration'],
  endotoxin: ['lal', 'endotoxin level'],
};

/** A first mapping from the column names: lot, date, analyst, long-format columns, and a column per attribute it recognises. */
function guessMapping(ctx: ServiceContext, productId: string, header: string[]): Mapping | null {
  const find = (re: RegExp) => header.find((h) => re.test(h));
  const lot = find(/\b(lot|batch)\b/i) ?? find(/sample/i);
  const testedOn = find(/date/i);
  if (!lot || !testedOn) return null;
  const spec = ctx.repos.lots.currentSpec(productId);
  const attributes = spec ? ctx.repos.lots.attributes(spec.id) : [];
  const taken = new Set([lot, testedOn]);
  const mapping: Mapping = { lot, testedOn };
  const analyst = find(/analyst|operator/i);
  if (analyst) {
    mapping.analyst = analyst;
    taken.add(analyst);
  }
  const attribute = find(/^(attribute|test|parameter|analyte)$/i);
  const value = find(/^(value|result)$/i);
  const unit = find(/^units?$/i);
  if (attribute && value) {
    Object.assign(mapping, { attribute, value, ...(unit ? { unit } : {}) });
    return mapping;
  }
  const columns = header
    .filter((h) => !taken.has(h))
    .flatMap((h) => {
      const base = norm(h.replace(/\([^)]*\)\s*$/, ''));
      const a = attributes.find((x) => [norm(x.name), norm(x.key.replace(/-/g, ' ')), ...(ALIASES[x.key] ?? [])].includes(base));
      const unitInName = /\(([^)]+)\)\s*$/.exec(h)?.[1];
      return a ? [{ column: h, attribute: a.key, ...(unitInName ? { unit: unitInName } : a.unit ? { unit: a.unit } : {}) }] : [];
    });
  return columns.length > 0 ? { ...mapping, columns } : null;
}

interface Prepared {
  columns: string[];
  delimiter: string;
  mapping: Mapping | null;
  mappingFrom: ImportPreview['mappingFrom'];
  pending: PendingResult[];
  issues: Array<{ line: number; field: string; message: string }>;
}

/** Reads the CSV through the mapping into results to record; problems by line and field, nothing written. */
function prepare(ctx: ServiceContext, input: Input): Prepared {
  const parsed = parseCsv(input.csv);
  if (!parsed.ok) throw new AppError('VALIDATION', `The CSV cannot be read: line ${parsed.line}: ${parsed.message}.`, [{ path: 'csv', message: `Line ${parsed.line}: ${parsed.message}` }]);
  const { header, rows, delimiter } = parsed.table;
  const saved = ctx.repos.lots.mapping(input.productId, input.source);
  let mappingFrom: Prepared['mappingFrom'] = 'given';
  let mapping: Mapping | null = input.mapping ?? null;
  if (!mapping && saved) {
    const stored = ImportMapping.safeParse(JSON.parse(saved.mapping));
    if (stored.success) {
      mapping = stored.data;
      mappingFrom = 'saved';
    }
  }
  if (!mapping) {
    mapping = guessMapping(ctx, input.productId, header);
    mappingFrom = 'guessed';
  }
  const result: Prepared = { columns: header, delimiter: delimiterName(delimiter), mapping, mappingFrom, pending: [], issues: [] };
  if (!mapping) return result;
  const index = new Map(header.map((h, i) => [h, i]));
  const used: Array<[string, string | undefined]> = [['lot', mapping.lot], ['testedOn', mapping.testedOn], ['analyst', mapping.analyst], ['attribute', mapping.attribute], ['value', mapping.value], ['unit', mapping.unit], ...(mapping.columns ?? []).map((c) => ['columns', c.column] as [string, string])];
  for (const [field, column] of used) {
    if (column && !index.has(column)) result.issues.push({ line: 1, field, message: `Line 1, ${field}: the file has no column "${column}" (its columns: ${header.join(', ')})` });
  }
  if ((mapping.attribute && !mapping.value) || (!mapping.attribute && mapping.value)) result.issues.push({ line: 1, field: 'value', message: 'Line 1: map both the attribute and the value column, or neither' });
  if (!mapping.attribute && !(mapping.columns?.length)) result.issues.push({ line: 1, field: 'columns', message: 'Line 1: map at least one result column (an attribute and value column, or a column per attribute)' });
  if (result.issues.length > 0) return result;
  const lots = new Map<string, LotRow | null>();
  const lotOf = (n: string) => {
    const key = n.toLowerCase();
    if (!lots.has(key)) lots.set(key, ctx.repos.lots.lotByNumber(input.productId, n) ?? null);
    return lots.get(key)!;
  };
  const cell = (cells: string[], column: string | undefined) => (column ? (cells[index.get(column)!] ?? '') : '');
  for (const { line, cells } of rows) {
    const lotNumber = cell(cells, mapping.lot);
    const testedOn = cell(cells, mapping.testedOn);
    const lot = lotNumber ? lotOf(lotNumber) : null;
    if (!lotNumber) {
      result.issues.push({ line, field: 'lot', message: `Line ${line}, lot: empty` });
      continue;
    }
    if (!lot) {
      result.issues.push({ line, field: 'lot', message: `Line ${line}, lot: "${lotNumber}" is not a lot of this product; record it first` });
      continue;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(testedOn) || Number.isNaN(Date.parse(testedOn))) {
      result.issues.push({ line, field: 'testedOn', message: `Line ${line}, test date: "${testedOn}" is not a date in the form YYYY-MM-DD` });
      continue;
    }
    const analyst = cell(cells, mapping.analyst) || undefined;
    if (lot.status === 'released' || lot.status === 'rejected') {
      result.issues.push({ line, field: 'lot', message: `Line ${line}, lot: ${lot.lot_number} is ${lot.status}; its results are closed` });
      continue;
    }
    const add = (attribute: string, value: string, unit: string) => {
      if (value !== '') result.pending.push({ lot, entry: { attribute, value, unit, testedOn, analyst }, where: `Line ${line}`, path: `rows.${line}` });
    };
    if (mapping.attribute && mapping.value) add(cell(cells, mapping.attribute), cell(cells, mapping.value), cell(cells, mapping.unit));
    for (const c of mapping.columns ?? []) add(c.attribute, cell(cells, c.column), c.unit ?? '');
  }
  if (result.pending.length === 0 && result.issues.length === 0) result.issues.push({ line: 1, field: 'csv', message: 'The file holds no results under this mapping' });
  return result;
}

const lineOf = (issue: FieldIssue) => Number(/^rows\.(\d+)\./.exec(issue.path)?.[1] ?? 0);
const fieldOf = (issue: FieldIssue) => issue.path.split('.').at(-1) ?? '';

class DryRun extends Error {}

/** What an import would record, judged, without writing anything (a dry run of the same transaction). */
export function previewImport(ctx: ServiceContext, input: Input): ImportPreview {
  requireProduct(ctx, input.productId);
  const p = prepare(ctx, input);
  const issues = [...p.issues];
  if (issues.length === 0 && p.pending.length > 0) {
    try {
      ctx.write((audit) => {
        writeResults(ctx, audit, p.pending);
        throw new DryRun();
      });
    } catch (e) {
      if (e instanceof AppError) issues.push(...(e.issues ?? []).map((i) => ({ line: lineOf(i), field: fieldOf(i), message: i.message })));
      else if (!(e instanceof DryRun)) throw e;
    }
  }
  const judged = lotsOfProduct(ctx, input.productId);
  const specOf = new Map(judged.lots.map((l) => [l.row.id, l.spec]));
  const rows = p.pending.slice(0, 100).map((r) => {
    const attribute = specOf.get(r.lot.id)?.attributes.find((a) => norm(a.key) === norm(r.entry.attribute) || norm(a.name) === norm(r.entry.attribute));
    const read = attribute ? readEntered(attribute, r.entry.value, r.entry.unit ?? '') : null;
    const judgement = attribute && read?.ok ? judge(attribute, read) : null;
    return { line: Number(r.where.slice(5)), lot: r.lot.lot_number, attribute: attribute?.name ?? r.entry.attribute, value: read?.ok ? read.text : r.entry.value, unit: read?.ok ? attribute!.unit : (r.entry.unit ?? ''), testedOn: r.entry.testedOn, judgement };
  });
  return { source: input.source, delimiter: p.delimiter, columns: p.columns, mapping: p.mapping, mappingFrom: p.mappingFrom, total: p.pending.length, rows, issues: issues.slice(0, 200) };
}

/** Records every result of the CSV in one transaction (and saves the mapping for the source); any bad line and nothing is written. */
export function importCsv(ctx: ServiceContext, input: Input) {
  const product = requireEditableProduct(ctx, input.productId, 'importing results');
  const p = prepare(ctx, input);
  if (!p.mapping) throw new AppError('VALIDATION', 'Map the columns first: the lot, the test date and the result columns could not be recognised from the column names.', [{ path: 'mapping', message: 'No mapping' }]);
  if (p.issues.length > 0) {
    const more = p.issues.length > 1 ? ` (and ${p.issues.length - 1} more)` : '';
    throw new AppError('VALIDATION', `Nothing was imported. ${p.issues[0]!.message}${more}.`, p.issues.slice(0, 200).map((i) => ({ path: `rows.${i.line}.${i.field}`, message: i.message })));
  }
  const mapping = p.mapping;
  return ctx.write((audit) => {
    const { created, updated } = writeResults(ctx, audit, p.pending);
    const save = input.saveMapping !== false;
    if (save) {
      const text = JSON.stringify(mapping);
      const old = ctx.repos.lots.mapping(product.id, input.source);
      if (old?.mapping !== text) {
        ctx.repos.lots.saveMapping({ product_id: product.id, source: input.source, mapping: text, updated_at: ctx.now() });
        audit({ entity: 'lot_import_mapping', entityId: `${product.id}:${input.source}`, productId: product.id, action: old ? 'update' : 'create', field: old ? 'mapping' : null, oldValue: old?.mapping ?? null, newValue: old ? text : JSON.stringify({ name: input.source }) });
      }
    }
    const lots = new Set(p.pending.map((r) => r.lot.id)).size;
    audit.summarise(`Imported ${created + updated} results for ${lots} lot${lots === 1 ? '' : 's'} from ${input.source} (CSV)`);
    return { created, updated, lots, mappingSaved: save };
  });
}
