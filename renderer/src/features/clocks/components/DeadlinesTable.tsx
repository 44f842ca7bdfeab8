import { Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ClockDeadline } from '../../../../../electron/contract';
import { daysAfter, isWeekend, weekday } from '../lib/calculator';
import { UnconfirmedBadge, WeekendBadge } from './ClockBadges';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** "from – to", which may break after the dash but never inside a date or a day name. */
function Span({ from, to, after }: { from: string | number; to: string | number; after?: ReactNode }) {
  return (
    <>
      <span style={NOWRAP}>{from} –</span>{' '}
      <span style={NOWRAP}>
        {to}
        {after}
      </span>
    </>
  );
}

/** Date, days after the event and weekday of a deadline: a single date, a window, or none. */
function WhenCells({ deadline, trigger }: { deadline: ClockDeadline; trigger: string }) {
  const { window, date } = deadline;
  if (window) {
    return (
      <>
        <Table.Td>
          <Span from={window.from} to={window.to} />
        </Table.Td>
        <Table.Td>
          <Span from={daysAfter(trigger, window.from)} to={daysAfter(trigger, window.to)} />
        </Table.Td>
        <Table.Td>
          <Span from={weekday(window.from)} to={weekday(window.to)} after={isWeekend(window.to) && <WeekendBadge />} />
        </Table.Td>
      </>
    );
  }
  if (date) {
    return (
      <>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{date}</Table.Td>
        <Table.Td>{daysAfter(trigger, date)}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {weekday(date)}
          {isWeekend(date) && <WeekendBadge />}
        </Table.Td>
      </>
    );
  }
  return (
    <>
      <Table.Td c="dimmed">No date</Table.Td>
      <Table.Td c="dimmed">—</Table.Td>
      <Table.Td c="dimmed">—</Table.Td>
    </>
  );
}

/** Every deadline that follows the event, with its rule's label, notes and citation. */
export function DeadlinesTable({ deadlines, trigger }: { deadlines: ClockDeadline[]; trigger: string }) {
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table aria-label="Deadlines" verticalSpacing="sm" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={240}>Deadline</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Days after event</Table.Th>
            <Table.Th>Weekday</Table.Th>
            <Table.Th miw={220}>Citation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deadlines.map((d, i) => (
            <Table.Tr key={`${d.rule}-${i}`} data-rule={d.rule}>
              <Table.Td maw={420}>
                {/* The badge wraps under the label rather than squeeze it a few letters wide. */}
                <Group gap="xs" style={{ rowGap: 2 }} align="flex-start">
                  <Text size="sm" fw={500}>
                    {d.label}
                  </Text>
                  {d.unconfirmed && <UnconfirmedBadge />}
                </Group>
                {d.note && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {d.note}
                  </Text>
                )}
              </Table.Td>
              <WhenCells deadline={d} trigger={trigger} />
              <Table.Td maw={300}>
                <Text size="xs">{d.citation}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
