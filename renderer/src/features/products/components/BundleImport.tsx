import { Button, FileButton, Group, Modal, Stack, Text } from '@mantine/core';
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

/** Import a colleague's bundle; an existing product asks "copy or replace", never merges. */
export function BundleImport() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState<Pending | null>(null);
  const importBundle = useMutation({
    mutationFn: (input: { fileName: string; content: string; mode?: 'copy' | 'replace' }) => api.bundles.import(input),
    onSuccess: async (r) => {
      setPending(null);
      await client.invalidateQueries();
      notifySuccess(`Imported ${r.code} (${r.mode === 'new' ? 'new product' : r.mode === 'copy' ? 'as a copy' : 'replacing the product here'}): ${r.counts.milestones} milestones, ${r.counts.checklistItems} checklist items, ${r.counts.auditEntries} audit entries.`);
      navigate(`/products/${r.productId}`);
    },
  });
  const start = async (file: File | null) => {
    if (!file) return;
    const content = await readText(file);
    importBundle.mutate(
      { fileName: file.name, content },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'CONFLICT' && error.issues.some((i) => i.path === 'mode')) {
            setPending({ fileName: file.name, content, message: error.message });
          } else notifyError('The bundle was not imported', error);
        },
      },
    );
  };
  return (
    <>
      <FileButton onChange={start} accept=".rptbundle,application/json">
        {(props) => (
          <Button variant="default" leftSection={<IconFileImport size={18} />} loading={importBundle.isPending && !pending} {...props}>
            Import bundle
          </Button>
        )}
      </FileButton>
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
            <Button variant="light" loading={importBundle.isPending} onClick={() => pending && importBundle.mutate({ ...pending, mode: 'copy' }, { onError: (e) => notifyError('Not imported', e) })}>
              Import as a copy
            </Button>
            <Button color="orange" loading={importBundle.isPending} onClick={() => pending && importBundle.mutate({ ...pending, mode: 'replace' }, { onError: (e) => notifyError('Not imported', e) })}>
              Replace
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
