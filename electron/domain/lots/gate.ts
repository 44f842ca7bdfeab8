/**
 * The lots the IND gate needs (issue 15, item 7): where the pathway has a "toxicology lot
 * released" and/or a "clinical lot released" milestone, a lot of that purpose released against
 * the specification in force. Pure: the service passes what it read.
 */
export const LOT_MILESTONES = [
  { milestone: 'tox-lot-released', purpose: 'toxicology', title: 'Toxicology lot released against the current specification' },
  { milestone: 'clinical-lot-released', purpose: 'clinical', title: 'Clinical lot released against the current specification' },
] as const;

export interface GateLot {
  lotNumber: string;
  purpose: string;
  status: string;
  specId: string;
}

export interface LotGateBlocker {
  id: string;
  title: string;
  reason: string;
}

export function lotGateBlockers(milestoneKeys: ReadonlySet<string>, currentSpec: { id: string; version: number } | null, lots: readonly GateLot[]): LotGateBlocker[] {
  const blockers: LotGateBlocker[] = [];
  for (const need of LOT_MILESTONES) {
    if (!milestoneKeys.has(need.milestone)) continue;
    const ofPurpose = lots.filter((l) => l.purpose === need.purpose);
    if (ofPurpose.some((l) => l.status === 'released' && currentSpec && l.specId === currentSpec.id)) continue;
    const releasedEarlier = ofPurpose.filter((l) => l.status === 'released');
    const reason = !currentSpec
      ? 'No specification yet: create one on the Lots tab, then release a lot against it.'
      : releasedEarlier.length > 0
        ? `${releasedEarlier.map((l) => l.lotNumber).join(', ')} released against an earlier specification; release a lot against version ${currentSpec.version}.`
        : ofPurpose.length > 0
          ? `${ofPurpose.map((l) => l.lotNumber).join(', ')} not released yet.`
          : `No ${need.purpose} lot recorded yet (Lots tab).`;
    blockers.push({ id: `lot:${need.purpose}`, title: need.title, reason });
  }
  return blockers;
}
