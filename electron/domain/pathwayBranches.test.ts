import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { automaticBranchIds } from './pathwayBranches';
import { parsePathwayTemplate, TemplateError } from './pathwayTemplate';

const json = () => JSON.parse(readFileSync(new URL('../../templates/pathways/fda-ind-secretome.json', import.meta.url), 'utf8')) as {
  branches: { milestones: { feeds?: { key: string; lagDays: number }[]; dependsOn: { key: string; lagDays: number }[] }[] }[];
};

describe('pathway template branches', () => {
  const template = parsePathwayTemplate(json(), 'fda-ind-secretome.json');
  const profile = { donorType: 'allogeneic', fraction: 'ev', oxygen: 'normoxia', serumFree: true, producingCell: 'msc', doseUnit: 'per-kg', routeCategory: 'intravenous', subpartE: false, trialPhase: 'phase-1' } as const;

  it('adds cell banks for a culture source and donor eligibility for an allogeneic or donated source; INTERACT and clinical hold only on request', () => {
    expect(automaticBranchIds(template, { ...profile, sourceKind: 'cell-culture' })).toEqual(['cell-banks', 'donor-eligibility']);
    expect(automaticBranchIds(template, { ...profile, sourceKind: 'biofluid' })).toEqual(['donor-eligibility']);
    expect(automaticBranchIds(template, { ...profile, sourceKind: 'cell-culture', donorType: 'autologous' })).toEqual(['cell-banks']);
  });

  it('refuses a branch that feeds or depends on a milestone the template does not have, naming the branch', () => {
    const broken = json();
    broken.branches[3]!.milestones[5]!.feeds = [{ key: 'no-such-milestone', lagDays: 0 }];
    broken.branches[0]!.milestones[0]!.dependsOn = [{ key: 'nowhere', lagDays: 0 }];
    let error: unknown;
    try {
      parsePathwayTemplate(broken, 'broken.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    const message = (error as TemplateError).message;
    expect(message).toContain('branches[3].milestones[5].feeds[0].key: unknown milestone key "no-such-milestone"');
    expect(message).toMatch(/branches\[0\] \(cell-banks\).*unknown milestone key "nowhere"/);
  });
});
