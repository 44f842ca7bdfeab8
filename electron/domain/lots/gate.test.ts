import { describe, expect, it } from 'vitest';
import { lotGateBlockers } from './gate';

const both = new Set(['tox-lot-released', 'clinical-lot-released', 'ind-submitted']);
const spec = { id: 's2', version: 2 };

describe('lots in the IND gate', () => {
  it('needs a released toxicology and clinical lot under the current spec, where the pathway has those milestones', () => {
    expect(lotGateBlockers(new Set(['ind-submitted']), null, [])).toEqual([]);
    expect(lotGateBlockers(both, null, []).map((b) => b.reason)).toEqual([expect.stringMatching(/No specification yet/), expect.stringMatching(/No specification yet/)]);
    const lots = [
      { lotNumber: 'T-1', purpose: 'toxicology', status: 'released', specId: 's1' },
      { lotNumber: 'C-1', purpose: 'clinical', status: 'on-test', specId: 's2' },
    ];
    expect(lotGateBlockers(both, spec, lots)).toEqual([
      { id: 'lot:toxicology', title: 'Toxicology lot released against the current specification', reason: 'T-1 released against an earlier specification; release a lot against version 2.' },
      { id: 'lot:clinical', title: 'Clinical lot released against the current specification', reason: 'C-1 not released yet.' },
    ]);
    expect(lotGateBlockers(both, spec, [...lots, { lotNumber: 'T-2', purpose: 'toxicology', status: 'released', specId: 's2' }, { lotNumber: 'C-2', purpose: 'clinical', status: 'released', specId: 's2' }])).toEqual([]);
    expect(lotGateBlockers(new Set(['tox-lot-released']), spec, [])).toEqual([{ id: 'lot:toxicology', title: expect.any(String), reason: 'No toxicology lot recorded yet (Lots tab).' }]);
  });
});
