import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, type Transport } from './client';

/** A client whose transport records what reaches it (nothing should, for a refused input). */
function client() {
  const transport = vi.fn<Transport>(async () => ({ ok: true, value: null }));
  return { api: createApi(transport), transport };
}

const refusal = async (call: Promise<unknown>) => call.then(() => null, (error: unknown) => error as ApiError);

describe('the typed client checks every input with the contract before any request', () => {
  it('refuses an empty not-applicable justification on the justification field, with the back end\'s words, and sends nothing', async () => {
    const { api, transport } = client();
    const error = await refusal(api.checklistItems.update({ id: 'a', changes: { status: 'not-applicable', justification: '  ' } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Please correct the input\. changes\.justification: .*justification/), issues: [{ path: 'changes.justification' }] });
    const bulk = await refusal(api.checklistItems.bulkUpdate({ ids: ['a'], changes: { status: 'not-applicable', justification: '' } }));
    expect(bulk!.issues.map((i) => i.path)).toEqual(['changes.justification']);
    expect(await refusal(api.checklistItems.bulkUpdate({ ids: [], changes: { status: 'drafting' } }))).toMatchObject({ issues: [{ path: 'ids', message: 'Select at least one item' }] });
    // Writes that had no form-level check before: a signer's password, a baseline's name.
    expect(await refusal(api.signers.create({ displayName: 'Ana', password: 'x' }))).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'password' }] });
    expect(await refusal(api.baselines.create({ productId: 'p', name: '' }))).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'name' }] });
    expect(transport).not.toHaveBeenCalled();
  });

  it('sends valid input as given (the dispatcher parses it again)', async () => {
    const { api, transport } = client();
    await api.checklistItems.update({ id: 'a', changes: { status: 'not-applicable', justification: 'No placebo arm' } });
    await api.products.list();
    expect(transport.mock.calls).toEqual([
      ['checklistItems.update', { id: 'a', changes: { status: 'not-applicable', justification: 'No placebo arm' } }],
      ['products.list', {}],
    ]);
  });
});
