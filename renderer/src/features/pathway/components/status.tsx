import { Badge, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconProgress } from '@tabler/icons-react';
import { MILESTONE_STATUSES, type Milestone } from '../../../../../electron/contract';

const ICON = { 'not-started': IconCircleDashed, 'in-progress': IconProgress, done: IconCircleCheck } as const;
const COLOR = { 'not-started': 'gray', 'in-progress': 'blue', done: 'teal' } as const;

/** Compact form for dense tables: the icon, with the status as tooltip and accessible name. */
export function StatusIcon({ status }: { status: Milestone['status'] }) {
  const Icon = ICON[status];
  return (
    <Tooltip label={MILESTONE_STATUSES[status]}>
      <ThemeIcon variant="light" color={COLOR[status]} size="md" radius="xl" role="img" aria-label={MILESTONE_STATUSES[status]}>
        <Icon size={16} />
      </ThemeIcon>
    </Tooltip>
  );
}

export function StatusBadge({ status }: { status: Milestone['status'] }) {
  const Icon = ICON[status];
  return (
    <Badge variant="light" color={COLOR[status]} leftSection={<Icon size={12} />} style={{ textTransform: 'none' }}>
      {MILESTONE_STATUSES[status]}
    </Badge>
  );
}

/** Positive = late. Shown only when the forecast differs from the plan. */
export function VarianceBadge({ days }: { days: number | null }) {
  if (days === null || days === 0) return null;
  return (
    <Tooltip label={days > 0 ? `Forecast ${days} days after the planned finish` : `Forecast ${-days} days ahead of the planned finish`}>
      <Badge size="sm" variant="light" color={days > 0 ? 'red' : 'teal'}>
        {days > 0 ? '+' : '−'}
        {Math.abs(days)} d
      </Badge>
    </Tooltip>
  );
}
