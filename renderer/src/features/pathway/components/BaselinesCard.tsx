import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import type { PathwayView } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { formatInstant } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { pathwayKey } from '../hooks/usePathway';

function Variance({ days }: { days: number | null }) {
  if (days === null) return <Text span c="dimmed">—</Text>;
  if (days === 0) return <Badge variant="light" color="gray">on baseline</Badge>;
  return (
    <Badge variant="light" color={days > 0 ? 'red' : 'teal'}>
      {days > 0 ? `${days} d later` : `${-days} d earlier`}
    </Badge>
  );
}

/** Save the plan as a named baseline; the reference one is what the live plan is measured against. */
export function BaselinesCard({ view }: { view: PathwayView }) {
  const client = useQueryClient();
  const productId = view.product.id;
  const baselines = useQuery({ queryKey: ['baselines', productId], queryFn: () => api.baselines.list({ productId }) });
  const reference = baselines.data?.find((b) => b.isReference) ?? null;
  const comparison = useQuery({
    queryKey: ['baselines', productId, 'compare', reference?.id],
    enabled: !!reference,
    queryFn: () => api.baselines.compare({ id: reference!.id }),
  });
  const [name, setName] = useState('');
  const [asReference, setAsReference] = useState(true);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['baselines', productId] });
    await client.invalidateQueries({ queryKey: pathwayKey(productId) });
    await client.invalidateQueries({ queryKey: ['audit'] });
  };
  const create = useMutation({
    mutationFn: () => api.baselines.create({ productId, name, reference: asReference }),
    onSuccess: async () => {
      await refresh();
      notifySuccess(`Saved baseline "${name}"`);
      setName('');
    },
    onError: (e) => notifyError('The baseline was not saved', e),
  });
  const setReference = useMutation({
    mutationFn: (id: string) => api.baselines.setReference({ id }),
    onSuccess: refresh,
    onError: (e) => notifyError('The reference was not changed', e),
  });
  const editable = !view.product.archivedAt;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Baselines">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h4">Baselines</Title>
            <Text size="sm" c="dimmed">
              {reference ? `Measured against "${reference.name}" (${formatInstant(reference.createdAt)}).` : 'Save the plan as it stands to measure later changes against it.'}
            </Text>
          </div>
          {editable && (
            <Group align="flex-end" gap="xs">
              <TextInput label="Baseline name" placeholder="e.g. Board plan Q1" value={name} onChange={(e) => setName(e.currentTarget.value)} w={220} />
              <Checkbox label="Reference" checked={asReference} onChange={(e) => setAsReference(e.currentTarget.checked)} mb={8} />
              <Button leftSection={<IconDeviceFloppy size={16} />} disabled={!name.trim()} loading={create.isPending} onClick={() => create.mutate()}>
                Save baseline
              </Button>
            </Group>
          )}
        </Group>
        {(baselines.data?.length ?? 0) > 1 && (
          <Select
            label="Reference baseline"
            w={360}
            data={baselines.data!.map((b) => ({ value: b.id, label: `${b.name} · ${formatInstant(b.createdAt)}` }))}
            value={reference?.id ?? null}
            onChange={(id) => id && id !== reference?.id && setReference.mutate(id)}
            allowDeselect={false}
            disabled={!editable}
          />
        )}
        {reference && comparison.data && (
          <Table verticalSpacing={4} aria-label="Key dates against the baseline">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key date</Table.Th>
                <Table.Th>Baseline</Table.Th>
                <Table.Th>Now</Table.Th>
                <Table.Th>Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {comparison.data.keyDates.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>{k.label}</Table.Td>
                  <Table.Td ff="monospace">{k.baseline ?? '—'}</Table.Td>
                  <Table.Td ff="monospace">{k.live ?? '—'}</Table.Td>
                  <Table.Td>
                    <Variance days={k.varianceDays} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
