import { describe, expect, it } from 'vitest';
import { draftFrom, emptyRow, toAttributes } from './specDraft';

describe('specification editor rows', () => {
  it('keeps limits as typed and turns them back into numbers, dropping blank rows', () => {
    const rows = draftFrom([{ key: 'particles', name: 'Particles', unit: 'particles/mL', kind: 'range', lower: 1e9, upper: 5e10 }]);
    expect(rows[0]).toMatchObject({ lower: '1E9', upper: '5E10', required: true });
    rows[0]!.lower = '2E9';
    expect(toAttributes([...rows, emptyRow()])).toEqual([
      { key: 'particles', name: 'Particles', method: '', unit: 'particles/mL', kind: 'range', lower: 2e9, upper: 5e10, required: true, citation: '', checklistItemId: null },
    ]);
  });
  it('blank limits are no limit; words are NaN for the back end to refuse', () => {
    const [a] = toAttributes([{ ...emptyRow(), name: 'Endotoxin', kind: 'max', upper: 'half' }]);
    expect(a).toMatchObject({ lower: null });
    expect(Number.isNaN(a!.upper)).toBe(true);
  });
});
