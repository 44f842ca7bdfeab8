import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateChecklist } from './checklist';
import { parseChecklistTemplate, type ProfileFacts, type StageKind } from './checklistTemplate';

/*
 * Applicability of the shipped templates for the three kinds of product issue 13 names: a
 * cell-free biofluid EV product (never cultured), conditioned medium from cultured MSC, and
 * MSC exosomes. Each rule is checked by the item ids it adds or leaves out.
 */
const DIR = new URL('../../templates/checklists/', import.meta.url);
const TEMPLATES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseChecklistTemplate(JSON.parse(readFileSync(new URL(f, DIR), 'utf8')), f));

const STAGES: StageKind[] = ['in-vitro', 'in-vivo', 'pre-ind', 'ind', 'phase-1-2'];
const ids = (profile: ProfileFacts) => new Set(generateChecklist(TEMPLATES, profile, { stageKinds: STAGES }).map((p) => p.item.id));

const BIOFLUID_EV: ProfileFacts = {
  donorType: 'allogeneic',
  fraction: 'ev',
  oxygen: 'normoxia',
  serumFree: true,
  sourceKind: 'biofluid',
  producingCell: 'other',
  doseUnit: 'per-kg',
  routeCategory: 'intravenous',
  subpartE: true,
  trialPhase: 'phase-1-2',
};
const MSC_CM: ProfileFacts = {
  donorType: 'allogeneic',
  fraction: 'conditioned-medium',
  oxygen: 'normoxia',
  serumFree: true,
  sourceKind: 'cell-culture',
  producingCell: 'msc',
  doseUnit: 'per-cm2',
  routeCategory: 'topical',
  subpartE: false,
  trialPhase: 'phase-1',
};
const MSC_EXOSOME: ProfileFacts = { ...MSC_CM, fraction: 'exosome', doseUnit: 'per-kg', routeCategory: 'respiratory' };

const CULTURE_ONLY = [
  'cmc-secretome-source-cells',
  'cmc-secretome-cell-bank-testing',
  'cmc-secretome-culture-conditions',
  'cmc-secretome-passage-window',
  'cmc-secretome-harvest-record',
  'cmc-secretome-serum-free-medium',
];
const MSC_EV = ['cmc-secretome-msc-ev-cellular-origin', 'cmc-secretome-msc-ev-integrity', 'cmc-secretome-msc-ev-reference-material'];

describe('cell-free biofluid EV product (e.g. amniotic fluid EVs, never cultured)', () => {
  const items = ids(BIOFLUID_EV);

  it('gets no cell-bank, culture, passage, conditioned-medium harvest or serum-free medium item (21 CFR 610.18(c) and ICH Q5D concern cell substrates)', () => {
    for (const id of CULTURE_ONLY) expect(items.has(id), id).toBe(false);
    expect(items.has('cmc-secretome-ev-source')).toBe(false);
  });

  it('describes its biofluid source and pre-analytical handling instead', () => {
    expect(items.has('cmc-secretome-biofluid-source')).toBe(true);
    expect(items.has('cmc-secretome-ev-biofluid-source')).toBe(true);
  });

  it('gets the lipoprotein and albumin co-isolate items MISEV asks for with biofluids, although no serum is used', () => {
    expect(items.has('cmc-secretome-ev-lipoproteins')).toBe(true);
    expect(items.has('cmc-secretome-ev-albumin')).toBe(true);
  });

  it('does not get the MSC small EV specifics (Witwer 2019)', () => {
    for (const id of MSC_EV) expect(items.has(id), id).toBe(false);
  });

  it('has a phase I/II first trial: Form 3674 certifies registration as an applicable clinical trial (42 CFR 11.22)', () => {
    expect(items.has('ind-initial-form-3674-act')).toBe(true);
    expect(items.has('ind-initial-form-3674')).toBe(false);
  });
});

describe('conditioned medium from cultured MSC, dosed per cm² (topical)', () => {
  const items = ids(MSC_CM);

  it('gets every cell-substrate and culture item and no biofluid item', () => {
    for (const id of CULTURE_ONLY) expect(items.has(id), id).toBe(true);
    expect(items.has('cmc-secretome-biofluid-source')).toBe(false);
  });

  it('gets no EV item, MSC EV item, or lipoprotein item (serum-free culture)', () => {
    for (const id of [...MSC_EV, 'cmc-secretome-ev-lipoproteins', 'cmc-secretome-ev-albumin']) expect(items.has(id), id).toBe(false);
  });

  it('words the animal dose per cm², not per kg', () => {
    expect(items.has('preclinical-dose-per-cm2')).toBe(true);
    expect(items.has('preclinical-dose-per-kg')).toBe(false);
    expect(items.has('preclinical-dose-flat')).toBe(false);
  });

  it('has a phase 1 first trial: Form 3674 certifies that registration does not apply', () => {
    expect(items.has('ind-initial-form-3674')).toBe(true);
    expect(items.has('ind-initial-form-3674-act')).toBe(false);
  });
});

describe('MSC exosomes from serum-free culture', () => {
  const items = ids(MSC_EXOSOME);

  it('gets the MSC small EV specifics and the exosome terminology item', () => {
    for (const id of [...MSC_EV, 'cmc-secretome-ev-terminology', 'cmc-secretome-ev-source']) expect(items.has(id), id).toBe(true);
  });

  it('leaves lipoproteins out for serum-free culture, and gets them back with serum', () => {
    expect(items.has('cmc-secretome-ev-lipoproteins')).toBe(false);
    expect(ids({ ...MSC_EXOSOME, serumFree: false }).has('cmc-secretome-ev-lipoproteins')).toBe(true);
  });

  it('drops the MSC specifics when the producing cells are not MSC (e.g. AFSC)', () => {
    const afsc = ids({ ...MSC_EXOSOME, producingCell: 'afsc' });
    for (const id of MSC_EV) expect(afsc.has(id), id).toBe(false);
  });

  it('words the animal dose per kg, and as a fixed dose for a flat-dosed product', () => {
    expect(items.has('preclinical-dose-per-kg')).toBe(true);
    expect(ids({ ...MSC_EXOSOME, doseUnit: 'flat' }).has('preclinical-dose-flat')).toBe(true);
  });
});
