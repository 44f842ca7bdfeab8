import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { LOT_PURPOSE_LABELS, type LotsView } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { ExportButton } from './ExportButton';
import { JudgementBadge, LotStatusBadge } from './labels';
import { LotFormModal } from './LotFormModal';

export function LotList({ productId, view, onOpen }: { productId: string; view: LotsView; onOpen(id: string): void }) {
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {view.lots.length} lot{view.lots.length === 1 ? '' : 's'}
          {view.spec ? ` · specification in force: v${view.spec.version}` : ''}
        </Text>
        <Group>
          {view.lots.length > 0 && <ExportButton label="Batch analyses (3.2.S.4.4 / 3.2.P.5.4)" render={() => api.lots.renderBatchAnalysis({ productId })} />}
          {view.lots.length > 0 && <ExportButton label="Batch table (Excel)" render={() => api.lots.renderBatchAnalysis({ productId, format: 'xlsx' })} />}
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} disabled={!view.spec}>
            New lot
          </Button>
        </Group>
      </Group>
      {!view.spec && <Alert color="blue">This product has no specification yet. Open “Specification” to start one from the suggested template.</Alert>}
      {view.lots.length > 0 && (
        <Table striped highlightOnHover aria-label="Lots">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lot</Table.Th>
              <Table.Th>Purpose</Table.Th>
              <Table.Th>Process</Table.Th>
              <Table.Th>Made</Table.Th>
              <Table.Th>Spec</Table.Th>
              <Table.Th>Results</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.lots.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Anchor component="button" onClick={() => onOpen(l.id)}>
                    {l.lotNumber}
                  </Anchor>
                  {l.illustrative && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (illustrative)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{LOT_PURPOSE_LABELS[l.purpose]}</Table.Td>
                <Table.Td>{l.processVersion}</Table.Td>
                <Table.Td>{l.manufacturedOn}</Table.Td>
                <Table.Td>v{l.specVersion}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Text size="sm">{l.counts.conforms} conform</Text>
                    {l.counts.oos > 0 && <JudgementBadge judgement="oos" />}
                    {l.counts.missing > 0 && (
                      <Text size="sm" c="dimmed">
                        · {l.counts.missing} missing
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <LotStatusBadge status={l.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LotFormModal productId={productId} lot={null} opened={adding} onClose={() => setAdding(false)} onSaved={(id) => { setAdding(false); onOpen(id); }} />
    </Stack>
  );
}
