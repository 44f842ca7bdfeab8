import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { LOT_PURPOSE_LABELS, type LotPurposeId, type LotSummary } from '../../../../../electron/contract';
import { DateField } from '../../../components/DateField';
import { fieldErrors, notifySuccess } from '../../../lib/notify';
import { usePathway } from '../../pathway/hooks/usePathway';
import { useLotWrite } from '../hooks/useLots';

const purposes = Object.entries(LOT_PURPOSE_LABELS).map(([value, label]) => ({ value, label }));

interface Values {
  lotNumber: string;
  purpose: LotPurposeId;
  manufacturedOn: string;
  processVersion: string;
  source: string;
  scale: string;
  milestoneId: string | null;
  retestOn: string;
  expiryOn: string;
  notes: string;
}

const valuesOf = (lot: LotSummary | null): Values => ({
  lotNumber: lot?.lotNumber ?? '',
  purpose: lot?.purpose ?? 'clinical',
  manufacturedOn: lot?.manufacturedOn ?? '',
  processVersion: lot?.processVersion ?? 'v1',
  source: lot?.source ?? '',
  scale: lot?.scale ?? '',
  milestoneId: lot?.milestoneId ?? null,
  retestOn: lot?.retestOn ?? '',
  expiryOn: lot?.expiryOn ?? '',
  notes: lot?.notes ?? '',
});

/** A lot's identification: new (lots.create) or changed (lots.update, only what changed). */
export function LotFormModal({ productId, lot, opened, onClose, onSaved }: { productId: string; lot: LotSummary | null; opened: boolean; onClose(): void; onSaved(id: string): void }) {
  const create = useLotWrite('lots.create', 'The lot was not recorded');
  const update = useLotWrite('lots.update', 'The lot was not changed');
  const pathway = usePathway(productId);
  const milestones = (pathway.data?.stages ?? []).flatMap((s) => s.milestones.map((m) => ({ value: m.id, label: `${s.name}: ${m.name}` })));
  const form = useForm<Values>({ initialValues: valuesOf(lot) });
  const write = lot ? update : create;
  const submit = form.onSubmit((v) => {
    const fields = { ...v, source: v.source, scale: v.scale, notes: v.notes, retestOn: v.retestOn || null, expiryOn: v.expiryOn || null };
    const done = {
      onSuccess: (view: { lot: LotSummary }) => {
        notifySuccess(lot ? `Lot ${view.lot.lotNumber} changed` : `Lot ${view.lot.lotNumber} recorded`);
        if (!lot) form.reset();
        onSaved(view.lot.id);
      },
      onError: (e: Error) => form.setErrors(Object.fromEntries(Object.entries(fieldErrors(e)).map(([k, m]) => [k.replace(/^changes\./, ''), m]))),
    };
    if (lot) {
      const before = valuesOf(lot);
      const changes = Object.fromEntries(Object.entries(fields).filter(([k, value]) => (before[k as keyof Values] ?? '') !== (value ?? '')));
      update.mutate({ lotId: lot.id, changes }, done);
    } else create.mutate({ productId, ...fields }, done);
  });
  return (
    <Modal opened={opened} onClose={onClose} title={lot ? `Edit lot ${lot.lotNumber}` : 'New lot'} size="lg">
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
            <DateField label="Retest date" clearable value={form.values.retestOn || null} onChange={(d) => form.setFieldValue('retestOn', d ?? '')} />
            <DateField label="Expiry date" clearable value={form.values.expiryOn || null} onChange={(d) => form.setFieldValue('expiryOn', d ?? '')} />
          </Group>
          <Select label="Pathway milestone this lot serves" placeholder="None" data={milestones} clearable searchable {...form.getInputProps('milestoneId')} />
          <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
          {write.isError && <Alert color="red">{write.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={write.isPending}>
              {lot ? 'Save lot' : 'Record lot'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
