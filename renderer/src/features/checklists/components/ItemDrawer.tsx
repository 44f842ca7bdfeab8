import { Alert, Badge, Button, Divider, Drawer, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { memo, useState, type ReactNode } from 'react';
import { STAGE_KINDS, type Checklist, type ChecklistItem, type ChannelInput, type ItemStatusId } from '../../../../../electron/contract';
import { formatInstant } from '../../../lib/format';
import { fieldErrors, notifySuccess } from '../../../lib/notify';
import { useChecklistWrite } from '../hooks/useChecklists';
import { describeDue, draftOf, dueOf, sameDue, sectionLabel, type DueDraft, ectdLabel } from '../lib/items';
import { DueFields, type MilestoneOption } from './DueEditor';
import { StatusBadge, StatusSelect } from './status';
import { itemTarget, SignatureLines, SignDialog } from '../../signatures/components/SignDialog';

type Changes = ChannelInput<'checklistItems.update'>['changes'];

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

function RemoveDialog({ item, onClose, onRemoved }: { item: ChecklistItem; onClose(): void; onRemoved(): void }) {
  const [reason, setReason] = useState('');
  const remove = useChecklistWrite('checklistItems.remove', 'The item was not removed');
  return (
    <Modal opened onClose={onClose} title="Remove this custom item?">
      <Stack>
        <Text size="sm">
          <b>{item.title}</b> is removed from the checklist. The audit trail keeps a record of it and of your reason.
        </Text>
        <TextInput label="Reason (kept in the audit trail)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            // mutateAsync: this dialog unmounts with the drawer as soon as the item leaves the view.
            onClick={() =>
              remove.mutateAsync({ id: item.id, reason: reason.trim() || undefined }).then(() => {
                notifySuccess(`Removed “${item.title}”`);
                onRemoved();
              }, () => undefined)
            }
          >
            Remove
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The editable fields of one item; remounted after each save (keyed on updatedAt), so it starts from the saved values. */
function ItemForm({
  item,
  milestones,
  today,
  editable,
  onClose,
}: {
  item: ChecklistItem;
  milestones: MilestoneOption[];
  today: string;
  editable: boolean;
  onClose(): void;
}) {
  const update = useChecklistWrite('checklistItems.update');
  const [status, setStatus] = useState<ItemStatusId>(item.status);
  const [justification, setJustification] = useState(item.justification);
  const [owner, setOwner] = useState(item.owner);
  const [due, setDue] = useState<DueDraft>(() => draftOf(item.due));
  const [documentPath, setDocumentPath] = useState(item.documentPath);
  const [notes, setNotes] = useState(item.notes);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [removing, setRemoving] = useState(false);
  const [signing, setSigning] = useState(false);

  const nextDue = dueOf(due);
  const changes: Changes = {};
  if (status !== item.status) changes.status = status;
  if (justification.trim() !== item.justification) changes.justification = justification.trim();
  if (owner.trim() !== item.owner) changes.owner = owner.trim();
  if (nextDue !== undefined && !sameDue(nextDue, item.due)) changes.due = nextDue;
  if (documentPath.trim() !== item.documentPath) changes.documentPath = documentPath.trim();
  if (notes.trim() !== item.notes) changes.notes = notes.trim();
  const dirty = Object.keys(changes).length > 0;
  const showJustification = status === 'not-applicable' || item.justification !== '';
  const err = (field: string) => errors[`changes.${field}`];
  const otherErrors = Object.entries(errors).filter(([path]) => !/^changes\.(status|justification|owner|due|documentPath|notes)/.test(path) && path !== 'reason');

  const save = () => {
    setErrors({});
    // mutateAsync: a save remounts this form (keyed on updatedAt), which would drop mutate's callbacks.
    update.mutateAsync({ id: item.id, changes, reason: reason.trim() || undefined }).then(
      () => notifySuccess('Saved'),
      (error: unknown) => setErrors(fieldErrors(error)),
    );
  };

  return (
    <Stack gap="md">
      <StatusSelect
        label="Status"
        value={status}
        disabled={!editable}
        onPick={setStatus}
        error={err('status')}
        comboboxProps={{ withinPortal: true }}
      />
      <SignatureLines recordId={item.id} />
      {editable && item.applicable && item.status !== 'approved' && (
        <Button variant="light" onClick={() => setSigning(true)} disabled={dirty}>
          Sign approval…
        </Button>
      )}
      {signing && <SignDialog target={itemTarget(item)} onClose={() => setSigning(false)} />}
      {showJustification && (
        <Textarea
          label="Justification for not applicable"
          description="Required to mark the item not applicable; kept in the audit trail"
          withAsterisk={status === 'not-applicable'}
          autosize
          minRows={2}
          maxRows={6}
          value={justification}
          readOnly={!editable}
          onChange={(e) => setJustification(e.currentTarget.value)}
          error={err('justification')}
        />
      )}
      <TextInput label="Owner" value={owner} readOnly={!editable} onChange={(e) => setOwner(e.currentTarget.value)} error={err('owner')} />
      <div>
        <Text size="sm" fw={500} mb={4}>
          Due
        </Text>
        {editable ? (
          <DueFields draft={due} onChange={setDue} milestones={milestones} today={today} picker="input" error={err('due') ?? errors['changes.due.date'] ?? errors['changes.due.milestone'] ?? errors['changes.due.offsetDays']} />
        ) : (
          <Text size="sm">{describeDue(item.due, (k) => milestones.find((m) => m.value === k)?.label ?? k)}</Text>
        )}
        {item.dueDate && (
          <Text size="xs" c={item.overdue ? 'red' : 'dimmed'} mt={4}>
            Due {item.dueDate}
            {item.overdue ? ' · overdue' : ''}
          </Text>
        )}
      </div>
      <TextInput
        label="Linked document"
        description="Path of the file on this computer or a shared drive"
        placeholder="e.g. /shared/IND/m3/3.2.S.4.1-specifications.docx"
        value={documentPath}
        readOnly={!editable}
        onChange={(e) => setDocumentPath(e.currentTarget.value)}
        error={err('documentPath')}
        rightSection={item.documentExists === false && documentPath === item.documentPath ? <IconAlertTriangle size={16} color="var(--mantine-color-orange-filled)" aria-label="File not found" /> : undefined}
      />
      {item.documentExists === false && documentPath === item.documentPath && (
        <Text size="xs" c="orange" mt={-10}>
          No file at this path (checked when the checklist was read).
        </Text>
      )}
      <Textarea label="Notes" autosize minRows={3} maxRows={10} value={notes} readOnly={!editable} onChange={(e) => setNotes(e.currentTarget.value)} error={err('notes')} />
      {editable && (
        <TextInput label="Reason for change" description="Kept in the audit trail with every changed field" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
      )}
      {otherErrors.length > 0 && (
        <Alert color="red" variant="light">
          {otherErrors.map(([path, message]) => (
            <div key={path}>{message}</div>
          ))}
        </Alert>
      )}
      {editable && (
        <Group justify="space-between">
          {item.templateItemId === null ? (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setRemoving(true)}>
              Remove custom item
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button leftSection={<IconDeviceFloppy size={16} />} disabled={!dirty || nextDue === undefined} loading={update.isPending} onClick={save}>
              Save
            </Button>
          </Group>
        </Group>
      )}
      {removing && <RemoveDialog item={item} onClose={() => setRemoving(false)} onRemoved={onClose} />}
    </Stack>
  );
}

/** Everything about one item: what the template says, and every field the user can change. */
export const ItemDrawer = memo(function ItemDrawer({
  item,
  checklist,
  milestones,
  milestoneName,
  today,
  editable,
  onClose,
}: {
  item: ChecklistItem | null;
  checklist: Checklist | null;
  milestones: MilestoneOption[];
  milestoneName(key: string): string;
  today: string;
  editable: boolean;
  onClose(): void;
}) {
  return (
    <Drawer
      opened={item !== null}
      onClose={onClose}
      position="right"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close the item' }}
      title={
        <Text fw={600} size="sm" c="dimmed">
          {checklist?.name ?? 'Checklist item'}
        </Text>
      }
    >
      {item && (
        <Stack gap="md" aria-label={`Item ${item.title}`}>
          <Stack gap={6}>
            <Title order={3} size="h4">{item.title}</Title>
            <Group gap={6}>
              <StatusBadge status={item.status} />
              <Badge size="sm" variant={item.required ? 'light' : 'outline'} color={item.required ? 'indigo' : 'gray'}>
                {item.required ? 'Required' : 'Optional'}
              </Badge>
              {item.ectdModule && (
                <Badge size="sm" variant="outline" color="cyan" style={{ textTransform: 'none' }}>
                  eCTD {ectdLabel(item.ectdModule)}
                </Badge>
              )}
              <Badge size="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>
                {STAGE_KINDS[item.stage]}
              </Badge>
              {item.templateItemId === null && (
                <Badge size="sm" variant="dot" color="grape" style={{ textTransform: 'none' }}>
                  custom item
                </Badge>
              )}
              {!item.applicable && (
                <Badge size="sm" color="orange" variant="light">
                  no longer applies
                </Badge>
              )}
            </Group>
          </Stack>
          {!item.applicable && (
            <Alert color="orange" variant="light" title="No longer applies to this product">
              The product profile changed and this item's condition ({item.appliesWhen ?? 'its template condition'}) no longer holds. It is kept
              with everything entered on it; it does not count towards readiness.
            </Alert>
          )}
          <Fact label="Section">{sectionLabel(item.section, item.sectionTitle)}</Fact>
          {item.guidance && <Fact label="Guidance">{item.guidance}</Fact>}
          {item.citation && <Fact label="Citation">{item.citation}</Fact>}
          {item.appliesWhen && <Fact label="Applies">{item.appliesWhen}</Fact>}
          {item.milestone && <Fact label="Pathway milestone">{milestoneName(item.milestone)}</Fact>}
          <Divider />
          <ItemForm key={`${item.id}:${item.updatedAt}`} item={item} milestones={milestones} today={today} editable={editable} onClose={onClose} />
          <Text size="xs" c="dimmed">
            Last changed {formatInstant(item.updatedAt)}
          </Text>
        </Stack>
      )}
    </Drawer>
  );
});
