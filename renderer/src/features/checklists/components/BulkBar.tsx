import { Button, Group, Menu, Paper, Popover, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarDue, IconChevronDown, IconSquareCheck, IconSquareOff, IconUser } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { ITEM_STATUS_IDS, ITEM_STATUS_LABELS, type ChannelInput, type ItemStatusId } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { BulkStatusModal } from './BulkStatusModal';
import { useChecklistWrite } from '../hooks/useChecklists';
import { dueOf, type DueDraft } from '../lib/items';
import { DueFields, type MilestoneOption } from './DueEditor';
import { JustificationModal } from './JustificationModal';
import { StatusDot } from './status';

type BulkChanges = ChannelInput<'checklistItems.bulkUpdate'>['changes'];

/** Many items at once, in one transaction: status, owner or due date. */
export const BulkBar = memo(function BulkBar({
  selected,
  hiddenSelected,
  shownCount,
  onSelectAllShown,
  onClear,
  editable,
  milestones,
  today,
  productId,
}: {
  productId: string;
  selected: string[];
  /** Selected items the filters hide (they are changed too). */
  hiddenSelected: number;
  shownCount: number;
  onSelectAllShown(): void;
  onClear(): void;
  editable: boolean;
  milestones: MilestoneOption[];
  today: string;
}) {
  const bulk = useChecklistWrite('checklistItems.bulkUpdate', 'The selected items were not changed');
  const revert = useChecklistWrite('checklistItems.revert', 'The change was not undone');
  const [justifying, setJustifying] = useState(false);
  const [asking, setAsking] = useState<ItemStatusId | null>(null);
  const [ownerOpen, setOwnerOpen] = useState(false);
  const [owner, setOwner] = useState('');
  const [dueOpen, setDueOpen] = useState(false);
  const [due, setDue] = useState<DueDraft>({ kind: 'fixed', date: null });
  const n = selected.length;
  const noun = `${n} item${n === 1 ? '' : 's'}`;
  // After a bulk change: the selection is cleared, and the notification offers to undo it in
  // one step (the change set it wrote, reverted and audited as a reversal).
  const offerUndo = async () => {
    const [latest] = await api.audit.list({ productId, limit: 1 });
    const target = latest?.kind === 'change-set' ? { changeSetId: latest.changeSet.id } : latest ? { entryId: latest.entry.id } : null;
    const id = `bulk-${Date.now()}`;
    notifications.show({
      id,
      color: 'teal',
      autoClose: 12_000,
      message: (
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm">Changed {noun}</Text>
          {target && (
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => {
                notifications.hide(id);
                revert.mutateAsync({ ...target, reason: `Undo of the bulk change of ${noun}` }).then(
                  () => notifySuccess(`Undid the change of ${noun}`),
                  (e: unknown) => notifyError('The change was not undone', e),
                );
              }}
            >
              Undo
            </Button>
          )}
        </Group>
      ),
    });
  };
  const apply = (changes: BulkChanges, reason?: string) =>
    bulk.mutateAsync({ ids: selected, changes, reason }).then(() => {
      onClear();
      return offerUndo().catch(() => notifySuccess(`Changed ${noun}`));
    });
  const none = n === 0 || !editable;
  const nextDue = dueOf(due);

  return (
    <Paper withBorder radius="md" px="md" py={8} role="toolbar" aria-label="Bulk actions" bg={n > 0 ? 'var(--mantine-primary-color-light)' : undefined}>
      <Group gap="sm" justify="space-between">
        <Group gap="xs">
          <Text size="sm" fw={600} aria-live="polite">
            {n} selected
            {hiddenSelected > 0 && (
              <Text span size="sm" c="dimmed" fw={400}>
                {' '}
                ({hiddenSelected} not shown)
              </Text>
            )}
          </Text>
          <Button size="compact-sm" variant="subtle" leftSection={<IconSquareCheck size={14} />} onClick={onSelectAllShown} disabled={shownCount === 0}>
            Select all shown
          </Button>
          <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconSquareOff size={14} />} onClick={onClear} disabled={n === 0}>
            Clear selection
          </Button>
        </Group>
        <Group gap="xs">
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="compact-sm" variant="default" rightSection={<IconChevronDown size={14} />} disabled={none} loading={bulk.isPending}>
                Set status
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {ITEM_STATUS_IDS.map((status: ItemStatusId) => (
                <Menu.Item
                  key={status}
                  leftSection={<StatusDot status={status} />}
                  disabled={status === 'approved'}
                  title={status === 'approved' ? 'Approval needs an electronic signature: open each item and use “Sign approval…”' : undefined}
                  onClick={() => (status === 'not-applicable' ? setJustifying(true) : setAsking(status))}
                >
                  {ITEM_STATUS_LABELS[status]}
                  {status === 'not-applicable' ? '…' : status === 'approved' ? ' (sign each item)' : ''}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Popover opened={ownerOpen} onChange={setOwnerOpen} position="bottom-end" withArrow shadow="md" trapFocus>
            <Popover.Target>
              <Button size="compact-sm" variant="default" leftSection={<IconUser size={14} />} disabled={none} onClick={() => setOwnerOpen((o) => !o)}>
                Set owner
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  setOwnerOpen(false);
                  void apply({ owner: owner.trim() }).catch(() => undefined);
                }}
              >
                <Stack gap="xs" w={240}>
                  <TextInput label={`Owner of ${noun}`} description="Leave empty to clear" value={owner} onChange={(e) => setOwner(e.currentTarget.value)} data-autofocus />
                  <Group justify="flex-end">
                    <Button size="compact-sm" type="submit">
                      Apply
                    </Button>
                  </Group>
                </Stack>
              </form>
            </Popover.Dropdown>
          </Popover>
          <Popover opened={dueOpen} onChange={setDueOpen} position="bottom-end" withArrow shadow="md" trapFocus width={300}>
            <Popover.Target>
              <Button size="compact-sm" variant="default" leftSection={<IconCalendarDue size={14} />} disabled={none} onClick={() => setDueOpen((o) => !o)}>
                Set due date
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs">
                <Text size="sm" fw={500}>
                  Due date of {noun}
                </Text>
                <DueFields draft={due} onChange={setDue} milestones={milestones} today={today} picker="calendar" />
                <Group justify="flex-end">
                  <Button
                    size="compact-sm"
                    disabled={nextDue === undefined}
                    onClick={() => {
                      if (nextDue === undefined) return;
                      setDueOpen(false);
                      void apply({ due: nextDue }).catch(() => undefined);
                    }}
                  >
                    Apply
                  </Button>
                </Group>
              </Stack>
            </Popover.Dropdown>
          </Popover>
        </Group>
      </Group>
      {asking && (
        <BulkStatusModal
          status={asking}
          noun={noun}
          onClose={() => setAsking(null)}
          onConfirm={(reason) => {
            const status = asking;
            setAsking(null);
            void apply({ status }, reason).catch(() => undefined);
          }}
        />
      )}
      {justifying && (
        <JustificationModal
          subject={noun}
          onClose={() => setJustifying(false)}
          onConfirm={(justification, reason) => apply({ status: 'not-applicable', justification }, reason || undefined)}
        />
      )}
    </Paper>
  );
});
