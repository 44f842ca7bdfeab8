import { Alert, Anchor, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { LOT_PURPOSE_LABELS, type LotPurposeId, type LotsView } from '../../../../../electron/contract';
import { DateField } from '../../../components/DateField';
import { fieldErrors, notifySuccess } from '../../../lib/notify';
import { usePathway } from '../../pathway/hooks/usePathway';
import { api } from '../../../lib/api';
import { useLotWrite } from '../hooks/useLots';
import { ExportButton } from './ExportButton';
import { JudgementBadge, LotStatusBadge } from './labels';

const purposes = Object.entries(LOT_PURPOSE_LABELS).map(([value, label]) => ({ value, label }));

function NewLotModal({ productId, opened, onClose, onCreated }: { productId: string; opened: boolean; onClose(): void; onCreated(id: string): void }) {
  const create = useLotWrite('lots.create', 'The lot was not recorded');
  const pathway = usePathway(productId);
  const milestones = (pathway.data?.stages ?? []).flatMap((s) => s.milestones.map((m) => ({ value: m.id, label: `${s.name}: ${m.name}` })));
  const form = useForm({
    initialValues: { lotNumber: '', purpose: 'clinical' as LotPurposeId, manufacturedOn: '', processVersion: 'v1', source: '', scale: '', milestoneId: null as string | null, expiryOn: '' },
  });
  const submit = form.onSubmit((v) =>
    create.mutate(
      { productId, ...v, source: v.source || undefined, scale: v.scale || undefined, expiryOn: v.expiryOn || null, milestoneId: v.milestoneId },
      {
        onSuccess: (view) => {
          notifySuccess(`Lot ${view.lot.lotNumber} recorded`);
          form.reset();
          onCreated(view.lot.id);
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={onClose} title="New lot" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Group grow>
            <TextInput label="Lot number" required data-autofocus {...form.getInputProps('lotNumber')} />
            <Select label="Purpose" data={purposes} allowDeselect={false} {...form.getInputProps('purpose')} />
          </Group>
          <Group grow>
            <DateField label="Manufacture date" required value={form.values.manufacturedOn || null} onChange={(d) => form.setFieldValue('manufacturedOn', d ?? '')} error={form.errors.manufacturedOn} />
            <TextInput label="Process version" required {...form.getInputProps('processVersion')} />
          </Group>
          <TextInput label="Source (cell bank lot and passage, or donor collection)" {...form.getInputProps('source')} />
          <Group grow>
            <TextInput label="Scale" placeholder="e.g. 10 L, 2 × HYPERFlask" {...form.getInputProps('scale')} />
            <DateField label="Expiry date" clearable value={form.values.expiryOn || null} onChange={(d) => form.setFieldValue('expiryOn', d ?? '')} />
          </Group>
          <Select label="Pathway milestone this lot serves" placeholder="None" data={milestones} clearable searchable {...form.getInputProps('milestoneId')} />
          {create.isError && Object.keys(fieldErrors(create.error)).length > 0 && <Alert color="red">{create.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Record lot
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

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
      <NewLotModal productId={productId} opened={adding} onClose={() => setAdding(false)} onCreated={(id) => { setAdding(false); onOpen(id); }} />
    </Stack>
  );
}
