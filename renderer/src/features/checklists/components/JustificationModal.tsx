import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/notify';

/**
 * "Not applicable" must say why: the back end refuses it without a justification (a required
 * document quietly marked N/A is how an IND goes out incomplete). The refusal is shown here,
 * on the field, and nothing changes until it is accepted.
 */
export function JustificationModal({
  subject,
  onClose,
  onConfirm,
}: {
  /** What is being marked, e.g. the item title or "12 items". */
  subject: string;
  onClose(): void;
  /** Resolves when saved; rejects with the back end's refusal. */
  onConfirm(justification: string, reason: string): Promise<unknown>;
}) {
  const [justification, setJustification] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const justificationError = errors['changes.justification'] ?? errors.justification;
  const other = Object.entries(errors).filter(([path]) => path !== 'changes.justification' && path !== 'justification');
  const submit = async () => {
    setBusy(true);
    setErrors({});
    try {
      await onConfirm(justification.trim(), reason.trim());
      onClose();
    } catch (error) {
      setErrors(fieldErrors(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Mark not applicable" size="md">
      <Stack>
        <Text size="sm">
          Say why <b>{subject}</b> does not apply to this product. The justification is kept with the item and in the audit trail; an item
          marked not applicable counts as done only with one.
        </Text>
        <Textarea
          label="Justification"
          withAsterisk
          autosize
          minRows={3}
          maxRows={8}
          placeholder="e.g. No placebo arm in the phase 1 protocol"
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          error={justificationError}
          data-autofocus
        />
        <TextInput label="Reason for change (audit trail)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
        {other.length > 0 && (
          <Alert color="red" variant="light">
            {other.map(([path, message]) => (
              <div key={path}>{message}</div>
            ))}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="violet" loading={busy} onClick={() => void submit()}>
            Mark not applicable
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
