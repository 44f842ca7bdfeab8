import { Badge, Tooltip } from '@mantine/core';

const UNCONFIRMED_TIP = 'The reference marks this rule unconfirmed; check it before relying on it';

/** On a deadline or rule the reference marks unconfirmed. */
export function UnconfirmedBadge() {
  return (
    <Tooltip label={UNCONFIRMED_TIP} multiline w={260} withArrow>
      <Badge color="orange" variant="light" size="sm" style={{ flexShrink: 0 }}>
        Unconfirmed
      </Badge>
    </Tooltip>
  );
}

/** On a deadline that falls on a weekend (the clocks run in calendar days regardless). */
export function WeekendBadge() {
  return (
    <Tooltip label="Calendar days: regulatory clocks do not move off weekends or holidays" multiline w={260} withArrow>
      <Badge color="gray" variant="outline" size="xs" ml={6}>
        weekend
      </Badge>
    </Tooltip>
  );
}
