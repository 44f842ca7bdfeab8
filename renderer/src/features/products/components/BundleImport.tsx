import { Button, Checkbox, FileButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../../lib/api';
import { readText } from '../../../lib/files';
import { notifyError, notifySuccess } from '../../../lib/notify';

interface Pending {
  fileName: string;
  content: string;
  message: string;
}

type ImportInput = { fileName: string; content: string; mode?: 'copy' | 'replace'; trust?: { reason: string } };

/** An unsigned or unknown-signer bundle: the refusal names the signer and fingerprint; the user may trust the file, with a reason. */
function TrustDialog({ pending, onClose, onTrust, busy }: { pending: Pending | null; onClose: () => void; onTrust: (reason: string) => void; busy: boolean }) {
  const [trusted, setTrusted] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Modal opened={pending !== null} onClose={onClose} title="Who made this bundle?">
      <Stack>
        <Text size="sm">{pending?.message.replace(' Nothing was imported.', '')}</Text>
        <Checkbox label="I trust this file" checked={trusted} onChange={(e) => setTrusted(e.currentTarget.checked)} />
        <TextInput label="Why (kept in the audit trail)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} disabled={!trusted} placeholder="e.g. handed over in person by the sender" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="orange" disabled={!trusted || reason.trim() === ''} loading={busy} onClick={() => onTrust(reason.trim())}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Import a colleague's bundle; an existing product asks "copy or replace", never merges. */
export function BundleImport() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState<Pending | null>(null);
  const [untrusted, setUntrusted] = useState<Pending | null>(null);
  const [trust, setTrust] = useState<{ reason: string } | undefined>(undefined);
  const importBundle = useMutation({
    mutationFn: (input: ImportInput) => api.bundles.import(input),
    onSuccess: async (r) => {
      setPending(null);
      setUntrusted(null);
      setTrust(undefined);
      await client.invalidateQueries();
      const from = r.signer.state === 'unsigned' ? 'unsigned file' : `signed by ${r.signer.name ?? '?'}, key ${r.signer.fingerprint ?? '?'}`;
      notifySuccess(`Imported ${r.code} (${from}; ${r.mode === 'new' ? 'new product' : r.mode === 'copy' ? 'as a copy' : 'replacing the product here'}): ${r.counts.milestones} milestones, ${r.counts.checklistItems} checklist items, ${r.counts.lots} lots, ${r.counts.auditEntries} audit entries.`);
      navigate(`/products/${r.productId}`);
    },
  });
  const attempt = (input: ImportInput) =>
    importBundle.mutate(input, {
      onError: (error) => {
        const { fileName, content } = input;
        if (error instanceof ApiError && error.code === 'CONFLICT' && error.issues.some((i) => i.path === 'trust')) {
          setUntrusted({ fileName, content, message: error.message });
        } else if (error instanceof ApiError && error.code === 'CONFLICT' && error.issues.some((i) => i.path === 'mode')) {
          setUntrusted(null);
          setPending({ fileName, content, message: error.message });
        } else notifyError('The bundle was not imported', error);
      },
    });
  const start = async (file: File | null) => {
    if (!file) return;
    setTrust(undefined);
    attempt({ fileName: file.name, content: await readText(file) });
  };
  return (
    <>
      <FileButton onChange={start} accept=".rptbundle,application/json">
        {(props) => (
          <Button variant="default" leftSection={<IconFileImport size={18} />} loading={importBundle.isPending && !pending && !untrusted} {...props}>
            Import bundle
          </Button>
        )}
      </FileButton>
      <TrustDialog
        key={untrusted?.content.length ?? 0}
        pending={untrusted}
        busy={importBundle.isPending}
        onClose={() => setUntrusted(null)}
        onTrust={(reason) => {
          if (!untrusted) return;
          setTrust({ reason });
          attempt({ fileName: untrusted.fileName, content: untrusted.content, trust: { reason } });
        }}
      />
      <Modal opened={pending !== null} onClose={() => setPending(null)} title="This product already exists here">
        <Stack>
          <Text size="sm">{pending?.message.replace(' Nothing was imported.', '')}</Text>
          <Text size="sm" c="dimmed">
            A copy gets new ids and its own code. Replacing swaps this product's pathway, clocks and checklists for the bundle's;
            its audit trail stays and records the replacement.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              Cancel
            </Button>
            <Button variant="light" loading={importBundle.isPending} onClick={() => pending && importBundle.mutate({ fileName: pending.fileName, content: pending.content, mode: 'copy', trust }, { onError: (e) => notifyError('Not imported', e) })}>
              Import as a copy
            </Button>
            <Button color="orange" loading={importBundle.isPending} onClick={() => pending && importBundle.mutate({ fileName: pending.fileName, content: pending.content, mode: 'replace', trust }, { onError: (e) => notifyError('Not imported', e) })}>
              Replace
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
