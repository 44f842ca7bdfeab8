import { ActionIcon, Badge, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { AuditEntry, AuditItem } from '../../../../../electron/contract';
import { formatInstant } from '../../../lib/format';

const ACTION_COLORS: Record<AuditEntry['action'], string> = {
  create: 'teal',
  update: 'blue',
  delete: 'red',
  archive: 'orange',
  restore: 'grape',
};

const PAGE_SIZE = 100;

/** One change in words: the record, then what happened to it. */
function Change({ entry }: { entry: AuditEntry }) {
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      <Text size="sm" fw={500} span>
        {entry.record}
      </Text>{' '}
      <Text size="sm" span>
        {entry.change}
      </Text>
    </div>
  );
}

/**
 * The trail as a logbook: each row names the product, the record and what changed, in words. A
 * change made of many entries (a generated checklist, an applied planning session) is one row
 * with its summary; its members open under it. `showProduct` adds the Product column.
 */
export function AuditTable({ items, showProduct = false }: { items: AuditItem[]; showProduct?: boolean }) {
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = items.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  if (items.length === 0) return <Text c="dimmed">No changes recorded yet.</Text>;
  const toggle = (id: number) =>
    setOpen((was) => {
      const next = new Set(was);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const columns = showProduct ? 6 : 5;
  return (
    <Stack gap="sm">
      {pages > 1 && <Pagination total={pages} value={current} onChange={setPage} size="sm" aria-label="Audit pages" getControlProps={(control) => ({ 'aria-label': `${control} page` })} getItemProps={(p) => ({ 'aria-label': `Page ${p}` })} />}
      <Table verticalSpacing="xs" striped aria-label="Audit trail" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>When (local time)</Table.Th>
            {showProduct && <Table.Th w={110}>Product</Table.Th>}
            <Table.Th w={150}>Who</Table.Th>
            <Table.Th w={110}>Action</Table.Th>
            <Table.Th>What changed</Table.Th>
            <Table.Th w={180}>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((item) => {
            if (item.kind === 'entry') {
              const e = item.entry;
              return (
                <Table.Tr key={`e${e.id}`}>
                  <Table.Td title={e.at}>{formatInstant(e.at)}</Table.Td>
                  {showProduct && <Table.Td ff="monospace">{e.productCode ?? '—'}</Table.Td>}
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.actor}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={ACTION_COLORS[e.action]}>
                      {e.action}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Change entry={e} />
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.reason ?? ''}</Table.Td>
                </Table.Tr>
              );
            }
            const set = item.changeSet;
            const expanded = open.has(set.id);
            return (
              <Fragment key={`s${set.id}`}>
                <Table.Tr>
                  <Table.Td title={set.at}>{formatInstant(set.at)}</Table.Td>
                  {showProduct && <Table.Td ff="monospace">{set.productCode ?? '—'}</Table.Td>}
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{set.actor}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color="gray">
                      change set
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        onClick={() => toggle(set.id)}
                        aria-expanded={expanded}
                        aria-label={`${expanded ? 'Hide' : 'Show'} the ${set.members.length} changes of “${set.summary}”`}
                      >
                        {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                      </ActionIcon>
                      <div style={{ overflowWrap: 'anywhere' }}>
                        <Text size="sm" fw={500}>
                          {set.summary}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {set.members.length} changes
                        </Text>
                      </div>
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{set.reason ?? ''}</Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td colSpan={columns} p={0}>
                      <Table verticalSpacing={4} fz="sm" aria-label={`Changes of “${set.summary}”`} layout="fixed">
                        <Table.Tbody>
                          {set.members.map((e) => (
                            <Table.Tr key={e.id}>
                              <Table.Td w={120} pl="xl">
                                <Badge size="xs" variant="light" color={ACTION_COLORS[e.action]}>
                                  {e.action}
                                </Badge>
                              </Table.Td>
                              {showProduct && !set.productCode && (
                                <Table.Td w={110} ff="monospace">
                                  {e.productCode ?? '—'}
                                </Table.Td>
                              )}
                              <Table.Td>
                                <Change entry={e} />
                              </Table.Td>
                              <Table.Td w={180} style={{ overflowWrap: 'anywhere' }}>
                                {e.reason ?? ''}
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
