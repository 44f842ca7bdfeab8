import type { Judgement } from './judge';

export interface ReleaseLine {
  name: string;
  required: boolean;
  judgement: Judgement;
  investigated: boolean;
}

/**
 * Why a lot cannot be released, in words. A required result that is missing or out of
 * specification blocks release unless a deviation with its justification is recorded; an OOS
 * result always needs its investigation note first.
 */
export function releaseBlockers(lines: readonly ReleaseLine[], deviation: string): string[] {
  const blockers: string[] = [];
  const hasDeviation = deviation.trim() !== '';
  for (const l of lines) {
    if (l.judgement === 'oos' && !l.investigated) blockers.push(`${l.name}: out of specification without an investigation note`);
    if (!l.required || hasDeviation) continue;
    if (l.judgement === 'missing') blockers.push(`${l.name}: result missing`);
    if (l.judgement === 'oos') blockers.push(`${l.name}: out of specification (record a deviation with its justification to release)`);
  }
  return blockers;
}
