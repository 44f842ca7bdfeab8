import { Badge, Code, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { AuditEntry } from '../../../../../electron/contract';
import { formatInstant } from '../../../lib/format';

const ACTION_COLORS: Record<AuditEntry['action'], string> = {
  create: 'teal',
  update: 'blue',
  delete: 'red',
  archive: 'orange',
  restore: 'grape',
};

function Value({ value }: { value: string | null }) {
  if (value === null || value === '') return <Text c="dimmed" size="sm">—</Text>;
  return (
    <Code block={value.length > 60} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxWidth: 360 }}>
      {value.length > 400 ? value.slice(0, 400) + '…' : value}
    </Code>
  );
}

const PAGE_SIZE = 100;

/** `productCodes` adds a Product column (the portfolio-wide view). Long trails are paged. */
export function AuditTable({ entries, productCodes }: { entries: AuditEntry[]; productCodes?: Map<string, string> }) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = entries.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  if (entries.length === 0) return <Text c="dimmed">No changes recorded yet.</Text>;
  return (
    <Stack gap="sm">
      {pages > 1 && <Pagination total={pages} value={current} onChange={setPage} size="sm" aria-label="Audit pages" />}
    <Table verticalSpacing="xs" striped aria-label="Audit trail">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When (local time)</Table.Th>
          {productCodes && <Table.Th>Product</Table.Th>}
          <Table.Th>Who</Table.Th>
          <Table.Th>Action</Table.Th>
          <Table.Th>Field</Table.Th>
          <Table.Th>Old value</Table.Th>
          <Table.Th>New value</Table.Th>
          <Table.Th>Reason</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shown.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }} title={e.at}>
              {formatInstant(e.at)}
            </Table.Td>
            {productCodes && (
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {e.productId ? (productCodes.get(e.productId) ?? '?') : '—'}
                </Text>
              </Table.Td>
            )}
            <Table.Td>{e.actor}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={ACTION_COLORS[e.action]}>
                {e.action}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{e.field ?? e.entity}</Text>
              {e.field && (
                <Text size="xs" c="dimmed">
                  {e.entity}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Value value={e.oldValue} />
            </Table.Td>
            <Table.Td>
              <Value value={e.newValue} />
            </Table.Td>
            <Table.Td>{e.reason ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
    </Stack>
  );
}
