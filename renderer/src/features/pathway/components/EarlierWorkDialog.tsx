import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { STAGE_KINDS, type PathwayView, type StageKind } from '../../../../../electron/contract';
import { DateField } from '../../../components/DateField';
import { usePathwayWrite } from '../hooks/usePathway';

/**
 * "Mark earlier work done": for a product that joined its pathway mid-way, every stage before
 * the one chosen is recorded done, each on the date it finished (one date per stage).
 */
export function EarlierWorkDialog({ view, onClose }: { view: PathwayView; onClose(): void }) {
  const later = view.stages.slice(1);
  const [stage, setStage] = useState<StageKind | null>(later.find((s) => s.kind === view.product.stage)?.kind ?? later[0]?.kind ?? null);
  const [finishes, setFinishes] = useState<Partial<Record<StageKind, string | null>>>({});
  const [reason, setReason] = useState('');
  const mark = usePathwayWrite('pathway.markEarlierWorkDone', 'The earlier work was not recorded');
  const at = view.stages.findIndex((s) => s.kind === stage);
  const earlier = at > 0 ? view.stages.slice(0, at) : [];
  const fallback = view.startDate;
  const open = earlier.reduce((n, s) => n + s.total - s.done, 0);
  return (
    <Modal opened onClose={onClose} title="Mark earlier work done" size="lg">
      <Stack>
        <Text size="sm">
          For a product that joined the pathway mid-way: every milestone not yet done in the stages before the one you choose is recorded
          done, on the date its stage finished. Milestones already done keep their dates.
        </Text>
        <Select
          label="The product is now at"
          data={later.map((s) => ({ value: s.kind, label: STAGE_KINDS[s.kind] }))}
          value={stage}
          onChange={(v) => setStage(v as StageKind | null)}
          allowDeselect={false}
          data-autofocus
        />
        {earlier.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {earlier.map((s) => (
              <DateField key={s.id} label={`${s.name} finished`} value={finishes[s.kind] ?? fallback} onChange={(d) => setFinishes((f) => ({ ...f, [s.kind]: d }))} />
            ))}
          </SimpleGrid>
        )}
        <TextInput label="Reason (kept in the audit trail)" placeholder="e.g. Product transferred from the discovery group" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Text size="sm" c="dimmed">
          {open} milestone{open === 1 ? '' : 's'} will be recorded done.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!stage || earlier.length === 0}
            loading={mark.isPending}
            onClick={() =>
              stage &&
              mark.mutate(
                {
                  productId: view.product.id,
                  stage,
                  stageFinishes: Object.fromEntries(earlier.map((s) => [s.kind, finishes[s.kind] ?? fallback]).filter(([, d]) => d)),
                  reason: reason || undefined,
                },
                { onSuccess: onClose },
              )
            }
          >
            Record as done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
