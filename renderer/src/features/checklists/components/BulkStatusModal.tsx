import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ITEM_STATUS_LABELS, type ItemStatusId } from '../../../../../electron/contract';

/** A bulk status change says why before it runs: the reason goes to every audit entry of the change set. */
export function BulkStatusModal({ status, noun, onClose, onConfirm }: { status: ItemStatusId; noun: string; onClose(): void; onConfirm(reason: string): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    if (!reason.trim()) {
      setError('Say why these items change (kept in the audit trail)');
      return;
    }
    onConfirm(reason.trim());
  };
  return (
    <Modal opened onClose={onClose} title={`Set ${noun} to ${ITEM_STATUS_LABELS[status]}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        <Stack>
          <Text size="sm">The change is one step in the audit trail; you can undo it in one step right after.</Text>
          <TextInput label="Reason for the change" withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Set status</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
