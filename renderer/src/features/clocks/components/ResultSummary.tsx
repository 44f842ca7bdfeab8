import { Alert, Stack, Text } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { ClockDeadline } from '../../../../../electron/contract';
import { CALENDAR_FLAG_RULES, weekday, type CalculateInput, type Catalogue } from '../lib/calculator';
import { DeadlinesTable } from './DeadlinesTable';

/** What was asked (event, date, meeting) and the deadlines it starts. */
export function ResultSummary({ catalogue, input, rows }: { catalogue: Catalogue; input: CalculateInput; rows: ClockDeadline[] }) {
  const event = catalogue.events.find((e) => e.id === input.event)?.label ?? input.event;
  const meetingType = catalogue.meetingTypes.find((m) => m.id === input.meetingType)?.label;
  const flags = rows.filter((r) => CALENDAR_FLAG_RULES.includes(r.rule));
  const long = (iso: string) => `${weekday(iso)} ${dayjs(iso).format('D MMMM YYYY')}`;
  return (
    <Stack gap="sm">
      <Text size="sm">
        From <b>{event}</b> on <b>{long(input.date)}</b>
        {input.receiptTime && ` at ${input.receiptTime} Eastern time`}.
      </Text>
      {meetingType && (
        <Text size="sm">
          Meeting type: <b>{meetingType}</b>. {input.meetingDate ? <>Meeting scheduled for <b>{long(input.meetingDate)}</b>.</> : 'No meeting date yet: dates count back from the latest permitted one.'}
        </Text>
      )}
      {flags.map((f) => (
        <Alert key={f.rule} color="yellow" icon={<IconCalendarExclamation size={18} />} title={f.label} data-flag={f.rule}>
          {f.note ?? f.citation}
          {f.unconfirmed && ' (Unconfirmed: check FDA’s acknowledgement.)'}
        </Alert>
      ))}
      <Text size="xs" c="dimmed">
        Deadlines in date order.
      </Text>
      <DeadlinesTable deadlines={rows} trigger={input.date} />
    </Stack>
  );
}
