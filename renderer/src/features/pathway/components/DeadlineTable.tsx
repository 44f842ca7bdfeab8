import { Badge, Table, Text, Tooltip } from '@mantine/core';
import type { ClockDeadline } from '../../../../../electron/contract';

/** A rule the reference does not settle says so, wherever a deadline is shown. */
export function UnconfirmedBadge() {
  return (
    <Tooltip label="The reference marks this rule unconfirmed: check it before relying on it">
      <Badge size="xs" color="orange" variant="light">
        unconfirmed
      </Badge>
    </Tooltip>
  );
}

/** A deadline's date, or its window. */
export function DeadlineDate({ d }: { d: Pick<ClockDeadline, 'date' | 'window'> }) {
  return (
    <Text size="sm" ff="monospace">
      {d.window ? `${d.window.from} → ${d.window.to}` : (d.date ?? '—')}
    </Text>
  );
}

/** One row per derived deadline, with its rule's citation; unconfirmed rules say so. */
export function DeadlineTable({ deadlines, today, label = 'Deadlines' }: { deadlines: ClockDeadline[]; today?: string; label?: string }) {
  return (
    <Table verticalSpacing={6} aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Deadline</Table.Th>
          <Table.Th w={230}>Date</Table.Th>
          <Table.Th>Rule and citation</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deadlines.map((d) => {
          const last = d.window?.to ?? d.date;
          const past = today && last ? last < today : false;
          return (
            <Table.Tr key={d.rule + (d.window?.from ?? d.date ?? '')} style={past ? { opacity: 0.55 } : undefined}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {d.label} {d.unconfirmed && <UnconfirmedBadge />}
                </Text>
                {d.note && (
                  <Text size="xs" c="dimmed">
                    {d.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <DeadlineDate d={d} />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {d.citation}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
