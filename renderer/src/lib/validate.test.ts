import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/contract';
import { checkInput } from './validate';

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return null;
};

describe('client-side validation with the contract schemas', () => {
  it('refuses an empty not-applicable justification before any request, on the justification field', () => {
    const error = refusal(() => checkInput('checklistItems.update', { id: 'a', changes: { status: 'not-applicable', justification: '  ' } }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('VALIDATION');
    expect((error as ApiError).issues).toEqual([{ path: 'changes.justification', message: expect.stringContaining('justification') }]);
    const bulk = refusal(() => checkInput('checklistItems.bulkUpdate', { ids: ['a'], changes: { status: 'not-applicable', justification: '' } }));
    expect((bulk as ApiError).issues.map((i) => i.path)).toEqual(['changes.justification']);
  });

  it('lets valid input through and keeps other refusals as the back end words them', () => {
    expect(refusal(() => checkInput('checklistItems.update', { id: 'a', changes: { status: 'not-applicable', justification: 'No placebo arm' } }))).toBeNull();
    expect(refusal(() => checkInput('checklistItems.update', { id: 'a', changes: { owner: 'Ana' } }))).toBeNull();
    const empty = refusal(() => checkInput('checklistItems.bulkUpdate', { ids: [], changes: { status: 'drafting' } })) as ApiError;
    expect(empty.issues).toEqual([{ path: 'ids', message: 'Select at least one item' }]);
  });
});
