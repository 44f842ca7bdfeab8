import { Modal, NativeSelect, PasswordInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SIGNATURE_MEANINGS, type ChecklistItem, type SignatureKindId } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { notifySuccess } from '../../../lib/notify';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { FormFooter } from '../../../components/FormFooter';

const NEW_SIGNER = '__new__';

/** What a dialog signs: the record, how it is named to the signer, and what else the signature needs. */
export interface SignTarget {
  kind: SignatureKindId;
  recordId: string;
  /** The record in words: "IND checklist export of EV-01". */
  subject: string;
  /** An item's approval needs evidence: the notes it starts from. */
  evidenceNotes?: string;
  /** Applying a planning session needs a reason. */
  needsReason?: boolean;
}

export const itemTarget = (item: ChecklistItem): SignTarget => ({ kind: 'checklist_item', recordId: item.id, subject: item.title, evidenceNotes: item.notes });

const TITLES: Record<SignatureKindId, string> = { checklist_item: 'Sign approval', gate: 'Sign readiness gate', export: 'Sign export as reviewed', scenario: 'Apply and sign planning session' };

/**
 * Sign a record (an item's approval, a readiness gate, an export, a planning session): the first
 * signature of a session asks for the signer and their password, later ones the password only.
 * Everything works from the keyboard: the form submits on Enter.
 */
export function SignDialog({ target, onClose, onSigned }: { target: SignTarget; onClose(): void; onSigned?(): void }) {
  const withEvidence = target.evidenceNotes !== undefined;
  const client = useQueryClient();
  const signers = useQuery({ queryKey: ['signers'], queryFn: () => api.signers.list() });
  const session = useQuery({ queryKey: ['signing-session'], queryFn: () => api.signatures.session() });
  const [signerId, setSignerId] = useState('');
  const [newName, setNewName] = useState('');
  const [password, setPassword] = useState('');
  const [notes, setNotes] = useState(target.evidenceNotes ?? '');
  const [reason, setReason] = useState('');
  const inSession = session.data?.signer ?? null;
  const list = signers.data ?? [];
  const chosen = signerId || (list.length === 0 ? NEW_SIGNER : '');

  const { submit, errors, busy } = useFormSubmit(async () => {
    let id = inSession ? undefined : chosen;
    if (!inSession && chosen === NEW_SIGNER) id = (await api.signers.create({ displayName: newName, password })).id;
    if (!inSession && !id) return { signerId: 'Choose who is signing' };
    const signed = await api.signatures.sign({
      kind: target.kind,
      recordId: target.recordId,
      ...(id ? { signerId: id } : {}),
      password,
      ...(withEvidence ? { evidence: { notes } } : {}),
      ...(target.needsReason ? { reason } : {}),
    });
    await client.invalidateQueries();
    notifySuccess(`Signed: ${signed.manifestation}`);
    onSigned?.();
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title={TITLES[target.kind]}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            Signing <b>{target.subject}</b> with the meaning <b>{SIGNATURE_MEANINGS[target.kind]}</b>. Your printed name, the date and time and the meaning are recorded with it and printed in exports.
            {target.kind === 'scenario' && ' Signing applies the session: its plan replaces the live plan.'}
            {target.kind !== 'checklist_item' && ' A later change to what you sign supersedes the signature.'}
          </Text>
          {inSession ? (
            <Text size="sm">
              Signing as <b>{inSession.displayName}</b> (session open): enter your password.
            </Text>
          ) : (
            <NativeSelect
              label="Signer"
              value={chosen}
              onChange={(e) => setSignerId(e.currentTarget.value)}
              error={errors.signerId}
              data={[{ value: '', label: 'Choose…', disabled: true }, ...list.map((s) => ({ value: s.id, label: s.displayName })), { value: NEW_SIGNER, label: 'New signer…' }]}
              data-autofocus
            />
          )}
          {!inSession && chosen === NEW_SIGNER && <TextInput label="Printed name" value={newName} onChange={(e) => setNewName(e.currentTarget.value)} error={errors.displayName} />}
          <PasswordInput
            label={!inSession && chosen === NEW_SIGNER ? 'New signing password (at least 10 characters)' : 'Signing password'}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password ?? errors.newPassword}
            {...(inSession ? { 'data-autofocus': true } : {})}
          />
          {withEvidence && (
            <Textarea label="Evidence: where it is kept" description="Needed when no document is linked" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.evidence ?? errors['evidence.notes']} />
          )}
          {target.needsReason && <Textarea label="Reason for applying" description="Recorded with every change the session makes" autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />}
          <FormFooter error={errors.form} busy={busy} submitLabel="Sign" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The signatures of one record as manifested: printed name, meaning, date and time with zone, and state. */
export function SignatureLines({ recordId }: { recordId: string }) {
  const report = useQuery({ queryKey: ['signatures'], queryFn: () => api.signatures.verify({}) });
  const mine = (report.data?.signatures ?? []).filter((s) => s.recordId === recordId);
  if (mine.length === 0) return null;
  return (
    <Stack gap={4} aria-label="Electronic signatures">
      {mine.map((s) => (
        <Text key={s.id} size="sm" c={s.state === 'valid' ? undefined : s.state === 'superseded' ? 'orange' : 'red'} td={s.state === 'valid' ? undefined : 'line-through'}>
          {s.manifestation}
          {s.state !== 'valid' && <Text span size="xs" td="none"> ({s.problems.join('; ')})</Text>}
        </Text>
      ))}
    </Stack>
  );
}
