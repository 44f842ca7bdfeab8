import { Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { ClockDeadline } from '../../../../../electron/contract';
import { weekday, type CalculateInput, type Catalogue } from '../lib/calculator';
import { DeadlinesTable } from './DeadlinesTable';

/** What was asked (event, date, meeting) and the deadlines it starts. */
export function ResultSummary({ catalogue, input, rows }: { catalogue: Catalogue; input: CalculateInput; rows: ClockDeadline[] }) {
  const event = catalogue.events.find((e) => e.id === input.event)?.label ?? input.event;
  const meetingType = catalogue.meetingTypes.find((m) => m.id === input.meetingType)?.label;
  return (
    <Stack gap="sm">
      <Text size="sm">
        From <b>{event}</b> on{' '}
        <b>
          {weekday(input.date)} {dayjs(input.date).format('D MMMM YYYY')}
        </b>
        {meetingType && ` (${meetingType}${input.meetingDate ? `, meeting on ${input.meetingDate}` : ''})`}:
      </Text>
      <DeadlinesTable deadlines={rows} trigger={input.date} />
    </Stack>
  );
}
