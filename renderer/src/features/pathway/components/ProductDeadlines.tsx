import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { CLOCK_EVENT_LABELS, type ProductDeadline } from '../../../../../electron/contract';
import { DeadlineDate, UnconfirmedBadge } from './DeadlineTable';

function State({ d }: { d: ProductDeadline }) {
  if (d.metOn) {
    return (
      <Badge size="xs" color="teal" variant="light">
        met {d.metOn}
      </Badge>
    );
  }
  if (d.overdue) {
    return (
      <Badge size="xs" color="red" variant="filled">
        overdue {d.daysAway === null ? '' : `${-d.daysAway} d`}
      </Badge>
    );
  }
  return d.estimated ? (
    <Tooltip label="Counted from the forecast of a milestone that has not happened yet: it firms up when the event is recorded">
      <Badge size="xs" color="gray" variant="outline">
        estimated
      </Badge>
    </Tooltip>
  ) : (
    <Badge size="xs" color="blue" variant="light">
      firm
    </Badge>
  );
}

/**
 * Every deadline of the product, one row per rule: overdue first (marked), then by date. A row
 * runs from the event that happened (firm) or from its milestone's forecast (estimated), and
 * says which.
 */
export function ProductDeadlines({ deadlines }: { deadlines: ProductDeadline[] }) {
  return (
    <Table verticalSpacing={6} aria-label="Deadlines" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Deadline</Table.Th>
          <Table.Th w={230}>Date</Table.Th>
          <Table.Th w={260}>Runs from</Table.Th>
          <Table.Th>Rule and citation</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deadlines.map((d) => (
          <Table.Tr key={d.key} style={d.metOn ? { opacity: 0.6 } : undefined}>
            <Table.Td>
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {d.label}
                </Text>
                <State d={d} />
                {d.unconfirmed && <UnconfirmedBadge />}
              </Group>
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
              <Text size="xs">
                {CLOCK_EVENT_LABELS[d.basis.event]} {d.estimated ? '(forecast' : '('}
                {d.estimated ? ' ' : ''}
                {d.basis.date})
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {d.citation}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
