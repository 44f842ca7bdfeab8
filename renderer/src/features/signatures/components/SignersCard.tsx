import { Button, Group, Modal, Paper, PasswordInput, Stack, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Signer } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { formatInstant } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { FormFooter } from '../../../components/FormFooter';

type Action = { kind: 'add' } | { kind: 'change'; signer: Signer } | { kind: 'reset'; signer: Signer };

const TITLES = { add: 'Add a signer', change: 'Change signing password', reset: 'Reset a lost signing password' } as const;

/** One form for the three password actions: add a signer, change a password knowing the old one, reset one with a reason. */
function PasswordDialog({ action, onClose }: { action: Action; onClose(): void }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [oldPassword, setOldPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [reason, setReason] = useState('');
  const { submit, errors, busy } = useFormSubmit(async () => {
    if (action.kind === 'add') await api.signers.create({ displayName: name, password: newPassword });
    else if (action.kind === 'change') await api.signers.changePassword({ signerId: action.signer.id, oldPassword, newPassword });
    else await api.signers.resetPassword({ signerId: action.signer.id, newPassword, reason });
    await client.invalidateQueries({ queryKey: ['signers'] });
    notifySuccess(action.kind === 'add' ? `Added ${name} as a signer` : `Signing password ${action.kind === 'change' ? 'changed' : 'reset'} for ${action.signer.displayName}`);
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={TITLES[action.kind]}>
      <form onSubmit={submit}>
        <Stack>
          {action.kind === 'add' ? (
            <TextInput label="Printed name" description="As it should appear on every signature" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.displayName} data-autofocus />
          ) : (
            <Text size="sm">
              Signer: <b>{action.signer.displayName}</b> ({action.signer.osAccount})
            </Text>
          )}
          {action.kind === 'change' && <PasswordInput label="Current signing password" value={oldPassword} onChange={(e) => setOldPassword(e.currentTarget.value)} error={errors.oldPassword ?? errors.password} data-autofocus />}
          {action.kind === 'reset' && (
            <Text size="sm" c="dimmed">
              A lost password cannot be recovered. The reset and its reason go into the audit trail; signatures made before stay valid.
            </Text>
          )}
          <PasswordInput label="New signing password (at least 10 characters)" value={newPassword} onChange={(e) => setNewPassword(e.currentTarget.value)} error={errors.newPassword ?? errors.password} {...(action.kind === 'reset' ? { 'data-autofocus': true } : {})} />
          {action.kind === 'reset' && <Textarea label="Reason for the reset" autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />}
          <FormFooter error={errors.form} busy={busy} submitLabel={action.kind === 'add' ? 'Add signer' : action.kind === 'change' ? 'Change password' : 'Reset password'} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The people who sign on this installation: add one, change a password, reset a lost one. */
export function SignersCard() {
  const signers = useQuery({ queryKey: ['signers'], queryFn: () => api.signers.list() });
  const [action, setAction] = useState<Action | null>(null);
  const list = signers.data ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="signers-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="signers-title">
          Signers on this installation
        </Title>
        <Button variant="light" onClick={() => setAction({ kind: 'add' })}>
          Add signer…
        </Button>
      </Group>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          No signer yet: add one here, or at a first signature.
        </Text>
      ) : (
        <Table aria-label="Signers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Printed name</Table.Th>
              <Table.Th>OS account</Table.Th>
              <Table.Th>Password set</Table.Th>
              <Table.Th>Signing</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.displayName}</Table.Td>
                <Table.Td>{s.osAccount}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(s.passwordSetAt)}</Table.Td>
                <Table.Td>{s.lockedUntil && s.lockedUntil > new Date().toISOString() ? <Text size="sm" c="red">Locked until {formatInstant(s.lockedUntil)}</Text> : 'Open'}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="subtle" onClick={() => setAction({ kind: 'change', signer: s })} aria-label={`Change password of ${s.displayName}`}>
                      Change password…
                    </Button>
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => setAction({ kind: 'reset', signer: s })} aria-label={`Reset password of ${s.displayName}`}>
                      Reset…
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {action && <PasswordDialog action={action} onClose={() => setAction(null)} />}
    </Paper>
  );
}
