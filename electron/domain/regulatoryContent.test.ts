import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateChecklist } from './checklist';
import { parseChecklistTemplate, type ChecklistTemplateItem, type ProfileFacts } from './checklistTemplate';

/** The corrections and additions of issue 13, each held to its citation. */
const DIR = new URL('../../templates/checklists/', import.meta.url);
const TEMPLATES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseChecklistTemplate(JSON.parse(readFileSync(new URL(f, DIR), 'utf8')), f));
const ALL = TEMPLATES.flatMap((t) => t.items);
const item = (id: string): ChecklistTemplateItem => {
  const found = ALL.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

const CULTURED_MSC_EV_IV: ProfileFacts = {
  donorType: 'allogeneic',
  fraction: 'ev',
  oxygen: 'normoxia',
  serumFree: true,
  sourceKind: 'cell-culture',
  producingCell: 'msc',
  doseUnit: 'per-kg',
  routeCategory: 'intravenous',
  subpartE: false,
  trialPhase: 'phase-1',
};
const ids = (profile: ProfileFacts) =>
  new Set(generateChecklist(TEMPLATES, profile, { stageKinds: ['in-vitro', 'in-vivo', 'pre-ind', 'ind', 'phase-1', 'phase-2'] }).map((p) => p.item.id));

describe('citations corrected', () => {
  it('cites mycoplasma methods (USP <63>, Ph. Eur. 2.6.7) and 21 CFR 610.30 only by analogy; sterility (610.12) stays separate', () => {
    const citation = item('cmc-secretome-mycoplasma').citation;
    expect(citation).toMatch(/USP <63>/);
    expect(citation).toMatch(/Ph\. Eur\. 2\.6\.7/);
    expect(citation).toMatch(/610\.30 by analogy/);
    expect(item('cmc-secretome-sterility').citation).toMatch(/610\.12/);
  });

  it('cites 21 CFR 58.113 for dose-formulation analysis', () => {
    expect(item('preclinical-test-article').citation).toMatch(/58\.113/);
  });

  it('asks in (a)(8) where the studies were conducted and where the records are available for inspection', () => {
    expect(item('ind-initial-a8-evaluators').title).toMatch(/where the studies were conducted and where their records are available for inspection/);
  });

  it('pinpoints the protocol elements 312.23(a)(6)(iii)(a)–(g)', () => {
    const cited = ALL.filter((i) => i.id.startsWith('ind-initial-a6-')).map((i) => i.citation).join(' | ');
    for (const p of ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)–(g)']) expect(cited).toContain(`312.23(a)(6)(iii)${p}`);
  });

  it('lists the 15-day reports of 312.32(c)(1)(i)–(iv) and the 7-day one of (c)(2) in the safety-reporting items', () => {
    for (const id of ['clinical-p1-safety-reporting', 'clinical-p12-safety-reporting', 'clinical-p2-safety-reporting']) {
      expect(item(id).guidance).toMatch(/\(c\)\(1\)\(ii\).*\(c\)\(1\)\(iii\).*\(c\)\(1\)\(iv\)/);
      expect(item(id).guidance).toMatch(/7 calendar days of the sponsor's initial receipt/);
    }
    expect(item('ind-initial-a1-safety-reviewer').guidance).not.toMatch(/starts the 7- and 15-day clocks/);
  });
});

describe('items added', () => {
  it('cell substrate for a culture-based product: 610.18(c), ICH Q5D cell age and genetic stability, ICH Q5A with 9 CFR 113.47 and porcine parvovirus', () => {
    const cultured = ids(CULTURED_MSC_EV_IV);
    for (const id of ['cmc-secretome-cell-substrate-history', 'cmc-secretome-cell-age-limit', 'cmc-secretome-genetic-stability', 'cmc-secretome-viral-safety']) {
      expect(cultured.has(id), id).toBe(true);
    }
    expect(item('cmc-secretome-cell-substrate-history').citation).toMatch(/610\.18\(c\)/);
    expect(item('cmc-secretome-cell-age-limit').citation).toMatch(/ICH Q5D/);
    expect(item('cmc-secretome-genetic-stability').title).toMatch(/Karyotype/);
    expect(item('cmc-secretome-viral-safety').citation).toMatch(/ICH Q5A.*9 CFR 113\.47/);
    expect(item('cmc-secretome-viral-safety').title).toMatch(/porcine parvovirus/);
    const biofluid = ids({ ...CULTURED_MSC_EV_IV, sourceKind: 'biofluid', producingCell: 'other' });
    expect(biofluid.has('cmc-secretome-cell-substrate-history')).toBe(false);
    expect(biofluid.has('cmc-secretome-biofluid-donor-testing')).toBe(true);
  });

  it('release tests for the cell-free claim: no intact or viable cells, residual DNA', () => {
    expect(item('cmc-secretome-no-intact-cells').title).toMatch(/no intact or viable cells/);
    expect(item('cmc-secretome-residual-dna').title).toMatch(/Residual DNA/);
  });

  it('classification: not an HCT/P (1271.3(d)(3)) so a 351 biologic; FDA’s exosome warning; donor eligibility by analogy', () => {
    expect(item('pre-ind-meeting-classification').citation).toMatch(/1271\.3\(d\)\(3\).*section 351/);
    expect(item('pre-ind-meeting-exosome-warning').citation).toMatch(/Exosome Products/);
    expect(item('cmc-secretome-donor-eligibility').citation).toMatch(/by analogy/);
  });

  it('EV safety for intravenous EVs (pro-coagulant TF/PS, haemocompatibility) and sentinel dosing (FDA 2015 early-phase CGT guidance)', () => {
    const iv = ids(CULTURED_MSC_EV_IV);
    expect(iv.has('preclinical-ev-procoagulant')).toBe(true);
    expect(iv.has('preclinical-ev-haemocompatibility')).toBe(true);
    expect(ids({ ...CULTURED_MSC_EV_IV, routeCategory: 'topical' }).has('preclinical-ev-procoagulant')).toBe(false);
    expect(item('preclinical-ev-procoagulant').title).toMatch(/tissue factor.*phosphatidylserine/);
    expect(item('clinical-p1-sentinel-dosing').citation).toMatch(/Early-Phase Clinical Trials of Cellular and Gene Therapy Products \(June 2015\)/);
    expect(item('clinical-p12-sentinel-dosing').stage).toBe('phase-1-2');
  });

  it('Module 3: the map (3.2.S.1–7, 3.2.P.1–8, 3.2.A.1–3), container closure, cold chain, assay qualification, specification table', () => {
    expect(item('cmc-secretome-module3-map').title).toMatch(/3\.2\.S\.1–3\.2\.S\.7, 3\.2\.P\.1–3\.2\.P\.8 and 3\.2\.A\.1–3\.2\.A\.3/);
    for (const id of ['cmc-secretome-container-closure', 'cmc-secretome-cold-chain', 'cmc-secretome-assay-qualification', 'cmc-secretome-specification-table']) {
      expect(item(id).ectdModule, id).toBe('3');
    }
  });

  it('Form 1571 field by field, the consent form, IB sections (ICH E6) and 312.45 inactive status', () => {
    expect(item('ind-initial-a1-1571-submission').title).toMatch(/serial number 0000/);
    expect(item('ind-initial-a1-1571-cross-references').title).toMatch(/master files.*letter of authorisation/);
    expect(item('ind-initial-a6-informed-consent').citation).toMatch(/50\.25/);
    expect(item('ind-initial-a5-brochure-sections').citation).toMatch(/312\.23\(a\)\(5\)\(i\)–\(v\); ICH E6/);
    expect(item('clinical-p1-inactive-status').citation).toBe('21 CFR 312.45(a)–(d)');
  });
});
