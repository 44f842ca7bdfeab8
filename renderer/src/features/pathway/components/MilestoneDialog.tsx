import { ActionIcon, Button, Checkbox, Divider, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Milestone, PathwayView } from '../../../../../electron/contract';
import { DateField } from '../../../components/DateField';
import { fieldErrors } from '../../../lib/notify';
import { usePathwayWrite } from '../hooks/usePathway';

interface Values {
  name: string;
  description: string;
  durationDays: number;
  gate: boolean;
  owner: string;
  citation: string;
  notes: string;
  plannedStart: string | null;
  plannedFinish: string | null;
  actualStart: string | null;
  actualFinish: string | null;
}

const blank: Values = {
  name: '',
  description: '',
  durationDays: 0,
  gate: false,
  owner: '',
  citation: '',
  notes: '',
  plannedStart: null,
  plannedFinish: null,
  actualStart: null,
  actualFinish: null,
};

function valuesOf(m: Milestone): Values {
  return {
    name: m.name,
    description: m.description,
    durationDays: m.durationDays,
    gate: m.gate,
    owner: m.owner,
    citation: m.citation,
    notes: m.notes,
    plannedStart: m.plannedStart,
    plannedFinish: m.plannedFinish,
    actualStart: m.actualStart,
    actualFinish: m.actualFinish,
  };
}

/** Predecessors of a milestone, editable: add with a lag, change the lag, remove. */
function Predecessors({ view, milestone }: { view: PathwayView; milestone: Milestone }) {
  const all = view.stages.flatMap((s) => s.milestones);
  const name = new Map(all.map((m) => [m.id, m.name]));
  const incoming = view.dependencies.filter((d) => d.successorId === milestone.id);
  const [adding, setAdding] = useState<string | null>(null);
  const [lag, setLag] = useState<number | string>(0);
  const add = usePathwayWrite('dependencies.add', 'The dependency was not added');
  const update = usePathwayWrite('dependencies.update', 'The lag was not changed');
  const remove = usePathwayWrite('dependencies.remove', 'The dependency was not removed');
  const candidates = all.filter((m) => m.id !== milestone.id && !incoming.some((d) => d.predecessorId === m.id)).map((m) => ({ value: m.id, label: m.name }));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Waits for (finish-to-start)
      </Text>
      {incoming.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing: it starts at the pathway start date.
        </Text>
      ) : (
        <Table withRowBorders={false} aria-label="Predecessors">
          <Table.Tbody>
            {incoming.map((d) => (
              <Table.Tr key={d.predecessorId}>
                <Table.Td>{name.get(d.predecessorId)}</Table.Td>
                <Table.Td w={140}>
                  <NumberInput
                    size="xs"
                    aria-label={`Lag after ${name.get(d.predecessorId)}`}
                    suffix=" d lag"
                    allowDecimal={false}
                    defaultValue={d.lagDays}
                    onBlur={(e) => {
                      const v = Number.parseInt(e.currentTarget.value, 10);
                      if (Number.isInteger(v) && v !== d.lagDays) update.mutate({ predecessorId: d.predecessorId, successorId: milestone.id, lagDays: v });
                    }}
                  />
                </Table.Td>
                <Table.Td w={40}>
                  <ActionIcon variant="subtle" color="red" aria-label={`Stop waiting for ${name.get(d.predecessorId)}`} onClick={() => remove.mutate({ predecessorId: d.predecessorId, successorId: milestone.id })}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end" gap="xs">
        <Select label="Add a predecessor" placeholder="Milestone" searchable data={candidates} value={adding} onChange={setAdding} style={{ flex: 1 }} comboboxProps={{ withinPortal: true }} />
        <NumberInput label="Lag (days)" w={110} allowDecimal={false} value={lag} onChange={setLag} />
        <Button
          leftSection={<IconPlus size={16} />}
          variant="light"
          disabled={!adding}
          loading={add.isPending}
          onClick={() =>
            adding &&
            add.mutate({ predecessorId: adding, successorId: milestone.id, lagDays: Number(lag) || 0 }, { onSuccess: () => setAdding(null) })
          }
        >
          Add
        </Button>
      </Group>
    </Stack>
  );
}

interface Props {
  view: PathwayView;
  /** Edit this milestone, or create one in `stageId`. */
  milestone?: Milestone;
  stageId?: string;
  onClose(): void;
}

export function MilestoneDialog({ view, milestone, stageId, onClose }: Props) {
  const form = useForm<Values>({ initialValues: milestone ? valuesOf(milestone) : blank });
  const [reason, setReason] = useState('');
  const create = usePathwayWrite('milestones.create', 'The milestone was not added');
  const update = usePathwayWrite('milestones.update', 'The milestone was not saved');
  const busy = create.isPending || update.isPending;
  const stage = view.stages.find((s) => s.id === (milestone?.stageId ?? stageId));

  const submit = form.onSubmit(async (values) => {
    try {
      if (milestone) {
        const before = valuesOf(milestone);
        const changes = Object.fromEntries(Object.entries(values).filter(([k, v]) => before[k as keyof Values] !== v));
        if (Object.keys(changes).length > 0) await update.mutateAsync({ id: milestone.id, changes, reason: reason || undefined });
      } else {
        await create.mutateAsync({ stageId: stageId!, ...values });
      }
      onClose();
    } catch (error) {
      form.setErrors(Object.fromEntries(Object.entries(fieldErrors(error)).map(([k, v]) => [k.replace(/^changes\./, ''), v])));
    }
  });

  return (
    <Modal opened onClose={onClose} size="xl" title={milestone ? `Edit milestone: ${milestone.name}` : `New milestone in ${stage?.name ?? 'stage'}`}>
      <form onSubmit={submit} aria-label="Milestone" noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} style={{ gridColumn: 'span 2' }} />
            <NumberInput label="Duration (days)" description="0 for an event" min={0} allowDecimal={false} {...form.getInputProps('durationDays')} />
            <TextInput label="Owner" {...form.getInputProps('owner')} />
            <TextInput label="Citation" placeholder="e.g. 21 CFR 312.40(b)" {...form.getInputProps('citation')} style={{ gridColumn: 'span 2' }} />
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <DateField label="Planned start" clearable {...form.getInputProps('plannedStart')} />
            <DateField label="Planned finish" clearable {...form.getInputProps('plannedFinish')} />
            <DateField label="Actual start" clearable {...form.getInputProps('actualStart')} />
            <DateField label="Actual finish" clearable {...form.getInputProps('actualFinish')} />
          </SimpleGrid>
          <Checkbox label="Gate: the pathway does not move past this point until it is done" {...form.getInputProps('gate', { type: 'checkbox' })} />
          <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
          {milestone && <TextInput label="Reason for change" description="Kept in the audit trail" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {milestone ? 'Save milestone' : 'Add milestone'}
            </Button>
          </Group>
        </Stack>
      </form>
      {milestone && (
        <>
          <Divider my="md" />
          <Predecessors view={view} milestone={milestone} />
        </>
      )}
    </Modal>
  );
}
