import { Accordion, Group, Table, Text } from '@mantine/core';
import type { Catalogue } from '../lib/calculator';
import { UnconfirmedBadge } from './ClockBadges';

/** All clock rules with their citations, grouped by the event that starts them. */
export function RuleCatalogue({ catalogue }: { catalogue: Catalogue }) {
  const groups = catalogue.events
    .map((event) => ({ event, rules: catalogue.rules.filter((rule) => rule.trigger === event.id) }))
    .filter((group) => group.rules.length > 0);
  return (
    <Accordion variant="separated">
      <Accordion.Item value="rules">
        <Accordion.Control>
          All rules and citations{' '}
          <Text span size="sm" c="dimmed">
            ({catalogue.rules.length})
          </Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Table.ScrollContainer minWidth={880}>
            <Table aria-label="Clock rules" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th miw={220}>Citation</Table.Th>
                </Table.Tr>
              </Table.Thead>
              {groups.map(({ event, rules }) => (
                <Table.Tbody key={event.id}>
                  <Table.Tr bg="var(--mantine-color-default-hover)">
                    <Table.Th colSpan={3} scope="colgroup">
                      <Text size="sm" fw={600}>
                        From: {event.label}
                      </Text>
                    </Table.Th>
                  </Table.Tr>
                  {rules.map((rule) => (
                    <Table.Tr key={rule.id}>
                      <Table.Td maw={340}>
                        <Group gap="xs" style={{ rowGap: 2 }} align="flex-start">
                          <Text size="sm" fw={500}>
                            {rule.label}
                          </Text>
                          {rule.unconfirmed && <UnconfirmedBadge />}
                        </Group>
                      </Table.Td>
                      <Table.Td maw={420}>
                        <Text size="sm">{rule.description}</Text>
                      </Table.Td>
                      <Table.Td maw={300}>
                        <Text size="xs">{rule.citation}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              ))}
            </Table>
          </Table.ScrollContainer>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
