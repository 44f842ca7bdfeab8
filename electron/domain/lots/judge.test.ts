import { describe, expect, it } from 'vitest';
import { criterionText, judge, readEntered, type Criterion } from './judge';
import { convert, normaliseUnit } from './units';

const range: Criterion = { name: 'Particle concentration', kind: 'range', unit: 'particles/mL', lower: 1e9, upper: 5e10 };
const endotoxin: Criterion = { name: 'Endotoxin', kind: 'max', unit: 'EU/mL', lower: null, upper: 0.5 };
const sterility: Criterion = { name: 'Sterility', kind: 'negative', unit: '', lower: null, upper: null };
const identity: Criterion = { name: 'Identity', kind: 'conforms', unit: '', lower: null, upper: null };
const cd63: Criterion = { name: 'CD63 positivity', kind: 'min', unit: '%', lower: 70, upper: null };

describe('units', () => {
  it('converts within a dimension and refuses across dimensions', () => {
    expect(convert(2, 'particles/µL', 'particles/mL')).toEqual({ ok: true, value: 2000 });
    expect(convert(250, 'ug/mL', 'mg/mL')).toEqual({ ok: true, value: 0.25 });
    expect(convert(0.1, 'µm', 'nm')).toEqual({ ok: true, value: 100 });
    expect(convert(1, 'mg/mL', 'nm')).toMatchObject({ ok: false, reason: expect.stringMatching(/mass concentration.*cannot be converted.*length/) });
    expect(convert(1, 'furlongs', 'nm')).toMatchObject({ ok: false, reason: expect.stringMatching(/furlongs/) });
    expect(normaliseUnit(' μg/ML ')).toBe('µg/ml');
  });
});

describe('judging a result against its criterion', () => {
  it('reads numbers, converts units, and judges ranges and limits', () => {
    const r = readEntered(range, '2.0e7', 'particles/µL');
    expect(r).toEqual({ ok: true, text: '2E10', num: 2e10, belowLimit: false });
    expect(judge(range, r.ok ? r : null)).toBe('conforms');
    expect(judge(range, { text: '6E10', num: 6e10 })).toBe('oos');
    expect(judge(range, { text: '5E8', num: 5e8 })).toBe('oos');
    expect(judge(range, null)).toBe('missing');
    expect(readEntered(range, '3 x 10^9', 'particles/mL')).toMatchObject({ ok: true, num: 3e9 });
    expect(judge(endotoxin, { text: '0.5', num: 0.5 })).toBe('conforms');
    expect(judge(endotoxin, { text: '0.51', num: 0.51 })).toBe('oos');
    const below = readEntered(endotoxin, '<0.05', 'EU/mL');
    expect(below).toMatchObject({ ok: true, text: '<0.05', belowLimit: true });
    expect(judge(cd63, { text: '65', num: 65 })).toBe('oos');
  });

  it('refuses what cannot be read, naming the field and the reason', () => {
    expect(readEntered(range, 'lots', 'particles/mL')).toMatchObject({ ok: false, field: 'value', reason: expect.stringMatching(/"lots" is not a number.*particles\/mL/) });
    expect(readEntered(range, '1e10', 'mg/mL')).toMatchObject({ ok: false, field: 'unit', reason: expect.stringMatching(/cannot be converted/) });
    expect(readEntered(sterility, 'maybe', '')).toMatchObject({ ok: false, field: 'value', reason: expect.stringMatching(/Negative or Positive/) });
    expect(readEntered(range, '  ', '')).toMatchObject({ ok: false, reason: 'a value is required' });
  });

  it('judges words for negative and conforms criteria', () => {
    expect(judge(sterility, { text: 'No growth', num: null })).toBe('conforms');
    expect(judge(sterility, { text: 'Positive', num: null })).toBe('oos');
    expect(judge(identity, { text: 'Conforms', num: null })).toBe('conforms');
    expect(judge(identity, { text: 'Does not conform', num: null })).toBe('oos');
  });

  it('states criteria as a certificate prints them', () => {
    expect(criterionText(range)).toBe('1E9 – 5E10 particles/mL');
    expect(criterionText(endotoxin)).toBe('≤ 0.5 EU/mL');
    expect(criterionText(cd63)).toBe('≥ 70 %');
    expect(criterionText(sterility)).toBe('Negative');
  });
});
