import { Badge } from '@mantine/core';
import { JUDGEMENT_LABELS, LOT_STATUS_LABELS, type JudgementId, type LotStatusId } from '../../../../../electron/contract';

const STATUS_COLOURS: Record<LotStatusId, string> = { 'in-production': 'gray', 'on-test': 'blue', released: 'teal', rejected: 'red', quarantined: 'orange' };
const JUDGEMENT_COLOURS: Record<JudgementId, string> = { conforms: 'teal', oos: 'red', missing: 'gray' };

export const LotStatusBadge = ({ status }: { status: LotStatusId }) => (
  <Badge color={STATUS_COLOURS[status]} variant="light">
    {LOT_STATUS_LABELS[status]}
  </Badge>
);

export const JudgementBadge = ({ judgement }: { judgement: JudgementId }) => (
  <Badge color={JUDGEMENT_COLOURS[judgement]} variant={judgement === 'oos' ? 'filled' : 'light'}>
    {judgement === 'oos' ? 'OOS' : JUDGEMENT_LABELS[judgement]}
  </Badge>
);
