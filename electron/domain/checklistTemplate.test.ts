import { readFileSync, readdirSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  ChecklistTemplateError,
  assertUniqueAcrossTemplates,
  crossTemplateIdIssues,
  parseChecklistTemplate,
  type ChecklistTemplate,
  type ChecklistTemplateItem,
} from './checklistTemplate';

const TEMPLATE_DIR = new URL('../../templates/checklists/', import.meta.url);

function loadTemplate(fileName: string): ChecklistTemplate {
  return parseChecklistTemplate(JSON.parse(readFileSync(new URL(fileName, TEMPLATE_DIR), 'utf8')), fileName);
}

function parseError(json: unknown, fileName = 'broken.json'): ChecklistTemplateError {
  try {
    parseChecklistTemplate(json, fileName);
  } catch (error) {
    if (error instanceof ChecklistTemplateError) return error;
    throw error;
  }
  throw new Error('expected the template to be refused');
}

function validItem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'demo-sterility',
    section: 'CMC 4',
    sectionTitle: 'Lot release testing',
    title: 'Sterility test',
    guidance: 'Test every lot.',
    citation: '21 CFR 610.12',
    required: true,
    stage: 'ind',
    ...overrides,
  };
}

function validTemplate(items: unknown[] = [validItem()]): Record<string, unknown> {
  return { id: 'demo', name: 'Demo', description: 'A demo template.', version: 1, kind: 'cmc', items };
}

describe('parseChecklistTemplate: valid input', () => {
  it('accepts a minimal template and keeps optional fields', () => {
    const t = parseChecklistTemplate(
      validTemplate([
        validItem(),
        validItem({
          id: 'demo-ev',
          milestone: 'ev-characterisation-complete',
          ectdModule: '3',
          perInvestigator: false,
          appliesWhen: { all: [{ field: 'fraction', in: ['ev', 'exosome'] }, { not: { field: 'serumFree', equals: true } }] },
          due: { milestone: 'ind-submitted', offsetDays: -14 },
        }),
      ]),
      'demo.json',
    );
    expect(t.items).toHaveLength(2);
    expect(t.items[1]?.appliesWhen).toEqual({
      all: [{ field: 'fraction', in: ['ev', 'exosome'] }, { not: { field: 'serumFree', equals: true } }],
    });
  });

  it('accepts every shipped template and their item ids are unique across all of them', () => {
    const files = readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(
      ['clinical.json', 'cmc-secretome.json', 'ind-initial.json', 'pre-ind-meeting.json', 'preclinical.json'].sort(),
    );
    const templates = files.map(loadTemplate);
    expect(crossTemplateIdIssues(templates)).toEqual([]);
    expect(() => assertUniqueAcrossTemplates(templates)).not.toThrow();
    // Services will find a template by id; keeping file name and id equal avoids a lookup table.
    expect(templates.map((t) => `${t.id}.json`)).toEqual(files);
  });
});

describe('parseChecklistTemplate: broken input names the file, item and field', () => {
  it('reports a missing field as required, with the item id', () => {
    const item = validItem({ id: 'demo-sterility' });
    delete item.citation;
    const error = parseError(validTemplate([validItem({ id: 'demo-identity' }), item]), 'cmc-secretome.json');
    expect(error.message).toBe('cmc-secretome.json: items[1] (demo-sterility).citation: required');
    expect(error.fileName).toBe('cmc-secretome.json');
    expect(error.issues).toEqual([{ path: 'items[1] (demo-sterility).citation', message: 'required' }]);
  });

  it('refuses a condition on an unknown profile field', () => {
    const error = parseError(validTemplate([validItem({ appliesWhen: { field: 'indication', equals: 'wound' } })]));
    expect(error.message).toContain('broken.json: items[0] (demo-sterility).appliesWhen.field: unknown profile field "indication"');
    expect(error.message).toContain('donorType, fraction, oxygen, serumFree');
  });

  it('refuses a value that is not valid for the field, pointing at the list entry', () => {
    const error = parseError(validTemplate([validItem({ appliesWhen: { field: 'fraction', in: ['ev', 'vesicle'] } })]));
    expect(error.message).toContain('items[0] (demo-sterility).appliesWhen.in[1]: "vesicle" is not a valid fraction');
  });

  it('refuses a non-boolean for serumFree and a wrong-typed equals', () => {
    const error = parseError(
      validTemplate([
        validItem({ appliesWhen: { field: 'serumFree', equals: 'no' } }),
        validItem({ id: 'demo-b', appliesWhen: { field: 'oxygen', equals: true } }),
      ]),
    );
    expect(error.issues.map((i) => i.path)).toEqual([
      'items[0] (demo-sterility).appliesWhen.equals',
      'items[1] (demo-b).appliesWhen.equals',
    ]);
    expect(error.issues[0]?.message).toContain('expected true or false');
  });

  it('finds errors nested inside combinators', () => {
    const error = parseError(
      validTemplate([
        validItem({ appliesWhen: { all: [{ field: 'fraction', equals: 'ev' }, { not: { field: 'colour', equals: 'red' } }] } }),
      ]),
    );
    expect(error.issues[0]?.path).toBe('items[0] (demo-sterility).appliesWhen.all[1].not.field');
  });

  it('refuses malformed conditions: empty lists, both equals and in, unknown combinators, extra keys', () => {
    const cases: unknown[] = [
      { all: [] },
      { field: 'fraction', equals: 'ev', in: ['ev'] },
      { field: 'fraction' },
      { either: [{ field: 'fraction', equals: 'ev' }] },
      { field: 'fraction', equals: 'ev', note: 'x' },
      { all: [{ field: 'fraction', equals: 'ev' }], any: [{ field: 'oxygen', equals: 'hypoxia' }] },
      'fraction == ev',
      null,
    ];
    for (const appliesWhen of cases) {
      const error = parseError(validTemplate([validItem({ appliesWhen })]));
      expect(error.issues[0]?.path.startsWith('items[0] (demo-sterility).appliesWhen')).toBe(true);
    }
  });

  it('refuses a citation longer than a stored item (and a sharing bundle) can hold, naming the item', () => {
    const long = { id: 't', name: 'T', description: 'd', version: 1, kind: 'cmc', items: [{ id: 't-a', section: 'S', sectionTitle: 'S', title: 'T', guidance: 'g', citation: 'x'.repeat(401), required: true, stage: 'ind' }] };
    expect(parseError(long).message).toContain('items[0] (t-a).citation: must be at most 400 characters');
  });

  it('refuses a misspelt key rather than silently dropping it', () => {
    const error = parseError(validTemplate([validItem({ appliesWhn: { field: 'fraction', equals: 'ev' } })]));
    expect(error.message).toContain('items[0] (demo-sterility): Unrecognized key: "appliesWhn"');
  });

  it('refuses unknown stage, milestone, module and kind values', () => {
    const error = parseError({
      ...validTemplate([validItem({ stage: 'phase-3', milestone: 'ind-approved', ectdModule: '6' })]),
      kind: 'labeling',
    });
    const paths = error.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'kind',
        'items[0] (demo-sterility).stage',
        'items[0] (demo-sterility).milestone',
        'items[0] (demo-sterility).ectdModule',
      ]),
    );
  });

  it('refuses duplicate ids within a file and names both positions', () => {
    const error = parseError(validTemplate([validItem(), validItem({ title: 'Again' })]));
    expect(error.message).toBe('broken.json: items[1] (demo-sterility).id: duplicate id "demo-sterility" (first used by items[0])');
  });

  it('requires kebab-case ids prefixed with the template id', () => {
    const error = parseError(validTemplate([validItem({ id: 'demo_Sterility' })]));
    expect(error.message).toBe(
      'broken.json: items[0] (demo_Sterility).id: must be kebab-case (lower-case letters, digits, single hyphens)',
    );
    const prefix = parseError(validTemplate([validItem({ id: 'other-sterility' })]));
    expect(prefix.message).toBe('broken.json: items[0] (other-sterility).id: must start with the template id "demo-"');
  });

  it('omits the item id when the item has none, and reports empty text', () => {
    const item = validItem({ guidance: '   ' });
    delete item.id;
    const error = parseError(validTemplate([item]));
    expect(error.issues).toEqual([
      { path: 'items[0].id', message: 'required' },
      { path: 'items[0].guidance', message: 'must not be empty' },
    ]);
  });

  it('reports a file that is not a template object at all', () => {
    expect(parseError([1, 2], 'list.json').message).toMatch(/^list\.json: \(file\): /);
    expect(parseError(validTemplate([])).message).toBe('broken.json: items: a template needs at least one item');
  });
});

describe('cross-template uniqueness', () => {
  it('names the clashing id and the templates that share it', () => {
    const a = parseChecklistTemplate(validTemplate(), 'a.json');
    const b = { ...a, id: 'demo-b' } satisfies ChecklistTemplate;
    expect(crossTemplateIdIssues([a, b])).toEqual(['item id "demo-sterility" appears in more than one template: demo, demo-b']);
    expect(crossTemplateIdIssues([a, a])[0]).toBe('template id "demo" is used by 2 templates');
    expect(() => assertUniqueAcrossTemplates([a, b])).toThrow(ChecklistTemplateError);
  });
});

// --- content coverage: a later edit must not drop a regulatory element silently ---------

function bySection(template: ChecklistTemplate, section: string): ChecklistTemplateItem[] {
  return template.items.filter((i) => i.section === section);
}

function titlesOf(items: readonly ChecklistTemplateItem[]): string {
  return items.map((i) => i.title.toLowerCase()).join(' | ');
}

describe('ind-initial.json coverage of 21 CFR 312.23', () => {
  const ind = loadTemplate('ind-initial.json');

  it('is an IND template', () => {
    expect(ind.kind).toBe('ind');
  });

  const paragraphs: Record<string, string[]> = {
    '1': ['form fda 1571', 'sponsor', 'phase', 'not to begin', 'irb', 'monitoring', 'safety', 'contract research organisation', 'signature', 'countersignature'],
    '2': ['table of contents'],
    '3': ['introductory statement', 'rationale', 'indication', 'general approach', 'kinds of clinical trials', 'estimated number of patients', 'risks'],
    '5': ['investigator\'s brochure'],
    '6': ['qualifications', 'facilities', 'irb', 'selection', 'design', 'dos', 'monitor'],
    '7': ['drug substance', 'drug product', 'placebo', 'label', 'categorical exclusion', 'environmental assessment', '25.30', '25.31', '25.40'],
    '8': ['pharmacology', 'disposition', 'integrated summary', 'full tabulation', 'glp', 'evaluated'],
    '9': ['previous human experience'],
    '10': ['dependence', 'radioactive', 'pediatric', 'other information'],
    '11': ['fda'],
  };

  for (const [n, keywords] of Object.entries(paragraphs)) {
    it(`has items for 312.23(a)(${n}) covering ${keywords.join(', ')}`, () => {
      const items = bySection(ind, `312.23(a)(${n})`);
      expect(items.length).toBeGreaterThan(0);
      const titles = titlesOf(items);
      for (const keyword of keywords) expect(titles, `(a)(${n}) lacks "${keyword}"`).toContain(keyword);
      for (const item of items) expect(item.citation).toContain(`21 CFR 312.23(a)(${n})`);
    });
  }

  it('handles (a)(4) as reserved: optional, informational, and not mislabelled as the brochure', () => {
    const reserved = bySection(ind, '312.23(a)(4)');
    expect(reserved).toHaveLength(1);
    const [item] = reserved;
    expect(item?.required).toBe(false);
    expect(item?.title.toLowerCase()).toContain('reserved');
    expect(item?.sectionTitle).toBe('Reserved');
    expect(item?.title.toLowerCase()).not.toContain('brochure');
    const brochure = ind.items.filter((i) => i.title.toLowerCase().includes('brochure'));
    expect(new Set(brochure.map((i) => i.section))).toEqual(new Set(['312.23(a)(5)']));
  });

  it('has the forms: 1571, 1572 (one per investigator) and 3674', () => {
    const f1571 = ind.items.filter((i) => i.title.includes('Form FDA 1571'));
    // The form itself, then field by field: submission type and contents, cross-references.
    expect(f1571.map((i) => i.section)).toEqual(['312.23(a)(1)', '312.23(a)(1)', '312.23(a)(1)']);
    const f1572 = ind.items.filter((i) => i.title.includes('Form FDA 1572'));
    expect(f1572).toHaveLength(1);
    expect(f1572[0]?.perInvestigator).toBe(true);
    // One Form 3674 item per first-trial design: phase 1 only certifies registration does not
    // apply; a phase I/II trial is an applicable clinical trial (42 CFR 11.22) and is registered.
    const f3674 = ind.items.filter((i) => i.title.includes('Form FDA 3674'));
    expect(f3674.map((i) => i.appliesWhen)).toEqual([
      { field: 'trialPhase', equals: 'phase-1' },
      { field: 'trialPhase', equals: 'phase-1-2' },
    ]);
    expect(ind.items.filter((i) => i.perInvestigator === true)).toEqual(f1572);
  });

  it('has the cover letter and serial numbering from 0000 (312.23(e))', () => {
    expect(ind.items.some((i) => i.title.toLowerCase().includes('cover letter'))).toBe(true);
    const serial = bySection(ind, '312.23(e)');
    expect(serial).toHaveLength(1);
    expect(serial[0]?.title).toContain('0000');
    expect(serial[0]?.citation).toBe('21 CFR 312.23(e)');
  });

  it('places every item in an eCTD module, except the reserved paragraph and the format item', () => {
    const unplaced = ind.items.filter((i) => i.ectdModule === undefined).map((i) => i.id);
    expect(unplaced.sort()).toEqual(['ind-initial-a4-reserved', 'ind-initial-ectd-format']);
    const moduleOf = (id: string): string | undefined => ind.items.find((i) => i.id === id)?.ectdModule;
    expect(moduleOf('ind-initial-a1-form-1571')).toBe('1');
    expect(moduleOf('ind-initial-a7-drug-substance')).toBe('3');
    expect(moduleOf('ind-initial-a8-tox-tabulations')).toBe('4');
    expect(moduleOf('ind-initial-a6-objectives')).toBe('5');
  });

  it('ties every item to the IND stage and the ind-submitted milestone', () => {
    for (const item of ind.items) {
      expect(item.stage).toBe('ind');
      expect(item.milestone).toBe('ind-submitted');
    }
  });
});

describe('cmc-secretome.json coverage', () => {
  const cmc = loadTemplate('cmc-secretome.json');
  const find = (fragment: string): ChecklistTemplateItem => {
    const item = cmc.items.find((i) => i.id === `cmc-secretome-${fragment}`);
    if (item === undefined) throw new Error(`missing cmc-secretome-${fragment}`);
    return item;
  };

  it('has the release tests with their citations', () => {
    expect(find('sterility').citation).toBe('21 CFR 610.12');
    for (const id of ['mycoplasma', 'endotoxin', 'identity', 'purity', 'adventitious-agents', 'particle-number-size', 'protein-content', 'cytokine-panel']) {
      expect(find(id).required).toBe(true);
    }
    const potency = find('potency-assay');
    expect(potency.milestone).toBe('potency-assay-qualified');
    expect(potency.citation).toContain('January 2011');
    expect(potency.citation).toContain('December 2023');
  });

  it('has stability, comparability, GMP and lot records', () => {
    for (const id of ['stability-program', 'lot-consistency', 'gmp-facility', 'lot-records', 'passage-window', 'culture-conditions']) {
      expect(find(id).required).toBe(true);
    }
  });

  it('makes profile-specific items conditional', () => {
    const culture = { field: 'sourceKind', equals: 'cell-culture' };
    expect(find('donor-eligibility').appliesWhen).toEqual({ field: 'donorType', equals: 'allogeneic' });
    expect(find('hypoxia').appliesWhen).toEqual({ all: [culture, { field: 'oxygen', equals: 'hypoxia' }] });
    expect(find('serum-free-medium').appliesWhen).toEqual({ all: [culture, { field: 'serumFree', equals: true }] });
    expect(find('serum-components').appliesWhen).toEqual({ all: [culture, { field: 'serumFree', equals: false }] });
    for (const item of cmc.items.filter((i) => i.id.includes('-lyo-'))) {
      expect(item.appliesWhen).toEqual({ field: 'fraction', equals: 'lyophilised-secretome' });
    }
  });

  it('has every MISEV bullet of REGULATORY.md section 5, only for EV or exosome fractions', () => {
    const ev = cmc.items.filter((i) => i.section === 'CMC 7');
    const titles = titlesOf(ev);
    for (const keyword of [
      'source',
      'passage',
      'separation and concentration',
      'two global quantifications',
      'ratio',
      'cd9',
      'cd63',
      'cd81',
      'tsg101',
      'alix',
      'syntenin',
      'calnexin',
      'grp94',
      'histones',
      'argonaute',
      'apoa1',
      'apob',
      'electron microscopy',
      'nta',
      'trps',
    ]) {
      expect(titles, `EV section lacks "${keyword}"`).toContain(keyword);
    }
    for (const item of ev) {
      expect(item.citation).toContain('MISEV2023 (J Extracell Vesicles 2024, e12404)');
      expect(JSON.stringify(item.appliesWhen)).toContain('"fraction"');
    }
    const msc = cmc.items.filter((i) => i.section === 'CMC 8');
    expect(titlesOf(msc)).toMatch(/cellular origin.*integrity.*reference material/);
    for (const item of msc) {
      expect(item.citation).toContain('Witwer');
      expect(item.appliesWhen).toEqual({ all: [{ field: 'fraction', in: ['ev', 'exosome'] }, { field: 'producingCell', equals: 'msc' }] });
    }
  });

  it('places every CMC item in Module 3', () => {
    expect(new Set(cmc.items.map((i) => i.ectdModule))).toEqual(new Set(['3']));
  });
});

describe('preclinical.json coverage', () => {
  const pre = loadTemplate('preclinical.json');

  it('cites each GLP requirement of Part 58 named in the reference', () => {
    const citations = pre.items.map((i) => i.citation).join(' | ');
    for (const section of ['58.120', '58.33', '58.35', '58.185', '58.190', '58.195']) {
      expect(citations).toContain(`21 CFR ${section}`);
    }
  });

  it('covers efficacy models, dose per kg, biodistribution and the 2013 guidance', () => {
    const titles = titlesOf(pre.items);
    for (const keyword of ['disease', 'per kg body weight', 'biodistribution', 'toxicology']) expect(titles).toContain(keyword);
    expect(pre.items.filter((i) => i.citation.includes('November 2013')).length).toBeGreaterThan(5);
  });
});

describe('pre-ind-meeting.json coverage', () => {
  const meeting = loadTemplate('pre-ind-meeting.json');

  it('covers request, questions, briefing package, preliminary responses and minutes', () => {
    const titles = titlesOf(meeting.items);
    for (const keyword of ['type b', 'interact', 'request', 'question', 'package', 'preliminary responses', 'minutes']) {
      expect(titles).toContain(keyword);
    }
  });

  it('defaults the minutes to 30 days after the meeting and the package to 30 days before', () => {
    const minutes = meeting.items.find((i) => i.id === 'pre-ind-meeting-minutes-received');
    expect(minutes?.due).toEqual({ milestone: 'pre-ind-meeting-held', offsetDays: 30 });
    expect(minutes?.milestone).toBe('pre-ind-meeting-minutes-received');
    const packageItems = meeting.items.filter((i) => i.milestone === 'briefing-package-submitted');
    expect(packageItems.length).toBeGreaterThan(0);
    for (const item of packageItems) expect(item.due).toEqual({ milestone: 'pre-ind-meeting-held', offsetDays: -30 });
  });
});

describe('clinical.json coverage', () => {
  const clinical = loadTemplate('clinical.json');

  for (const stage of ['phase-1', 'phase-1-2', 'phase-2'] as const) {
    it(`has the full document set for ${stage}`, () => {
      const items = clinical.items.filter((i) => i.stage === stage);
      const text = items.map((i) => `${i.title} ${i.citation}`.toLowerCase()).join(' | ');
      for (const keyword of ['protocol', 'brochure', 'consent', 'irb', 'form fda 1572', 'form fda 3674', 'safety monitoring', '312.32', '3500a', '312.33', '312.30']) {
        expect(text, `${stage} lacks "${keyword}"`).toContain(keyword);
      }
      expect(items.filter((i) => i.perInvestigator === true)).toHaveLength(1);
    });
  }
});
