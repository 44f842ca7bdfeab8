import { Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { CHECKLIST_KIND_LABELS, EXPORT_KINDS, type ChecklistKindId, type Product } from '../../../../../electron/contract';
import { DateField } from '../../../components/DateField';
import { api } from '../../../lib/api';
import { base64ToBytes, saveFile } from '../../../lib/files';
import { notifyError, notifySaved } from '../../../lib/notify';
import { SignatureLines, SignDialog } from '../../signatures/components/SignDialog';

/** Exports whose Word file carries a sign-off block that an electronic "Reviewed" signature fills. */
const SIGNABLE: Partial<Record<ExportKind, string>> = { 'ind-checklist': 'IND checklist export', plan: 'Development plan export' };

export type ExportKind = keyof typeof EXPORT_KINDS;

const FORMATS = [
  { value: 'docx', label: 'Word (.docx)' },
  { value: 'xlsx', label: 'Excel (.xlsx)' },
  { value: 'csv', label: 'CSV' },
];

/** Options of one export (Word, or a spreadsheet where the kind has one), then the save dialog (desktop) or a download (browser). */
export function ExportDialog({ product, kind, onClose }: { product: Product; kind: ExportKind; onClose(): void }) {
  const [paper, setPaper] = useState<'letter' | 'a4'>('letter');
  const [groupBy, setGroupBy] = useState<'section' | 'module'>('section');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  const signable = SIGNABLE[kind];
  const recordId = `${product.id}:${kind}`;
  // The IND checklist alone by default; the gate in the export still weighs every checklist.
  const [included, setIncluded] = useState<ChecklistKindId[]>(['ind']);
  const [format, setFormat] = useState<'docx' | 'xlsx' | 'csv'>('docx');
  const sheets = kind !== 'planning';
  const word = format === 'docx';
  const run = useMutation({
    mutationFn: async () => {
      const input = { kind, productId: product.id, paper, groupBy, from: from ?? undefined, to: to ?? undefined, format, ...(kind === 'ind-checklist' ? { checklists: included } : {}) };
      const file = await api.exports.render(input);
      return saveFile(file.fileName, base64ToBytes(file.base64), file.mime);
    },
    onSuccess: (where) => {
      if (where) notifySaved(`${EXPORT_KINDS[kind]} exported`, where);
      onClose();
    },
    onError: (error) => notifyError(`The ${EXPORT_KINDS[kind].toLowerCase()} was not exported`, error),
  });
  return (
    <Modal opened onClose={onClose} title={`${EXPORT_KINDS[kind]}: ${product.code}`}>
      <Stack>
        <Text size="sm" c="dimmed">
          {word
            ? 'A Word document built from the live data, with a table of contents, page numbers and a sign-off table where it applies.'
            : format === 'xlsx'
              ? 'One sheet, one row per record: a frozen header row with filters, dates as dates.'
              : 'Comma-separated values (RFC 4180, UTF-8), one row per record, for Excel, Smartsheet or MS Project.'}
        </Text>
        {sheets && (
          <div>
            <Text size="sm" fw={500} mb={4}>
              Format
            </Text>
            <SegmentedControl aria-label="Format" value={format} onChange={(v) => setFormat(v as typeof format)} data={FORMATS} />
          </div>
        )}
        {word && (
          <div>
            <Text size="sm" fw={500} mb={4}>
              Paper
            </Text>
            <SegmentedControl aria-label="Paper" value={paper} onChange={(v) => setPaper(v as typeof paper)} data={[{ value: 'letter', label: 'US Letter' }, { value: 'a4', label: 'A4' }]} />
          </div>
        )}
        {word && kind === 'ind-checklist' && (
          <div>
            <Text size="sm" fw={500} mb={4}>
              Group items by
            </Text>
            <SegmentedControl
              aria-label="Group items by"
              value={groupBy}
              onChange={(v) => setGroupBy(v as typeof groupBy)}
              data={[{ value: 'section', label: '21 CFR 312.23 paragraph' }, { value: 'module', label: 'eCTD module' }]}
            />
          </div>
        )}
        {word && kind === 'ind-checklist' && (
          <Checkbox.Group
            label="Checklists to list item by item"
            description="The IND checklist alone by default; readiness still counts blockers in every checklist"
            value={included}
            onChange={(v) => setIncluded(v as ChecklistKindId[])}
            error={included.length === 0 ? 'Choose at least one checklist' : undefined}
          >
            <Stack gap={6} mt={6}>
              {(Object.keys(CHECKLIST_KIND_LABELS) as ChecklistKindId[]).map((id) => (
                <Checkbox key={id} value={id} label={CHECKLIST_KIND_LABELS[id]} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {kind === 'audit' && (
          <Group grow>
            <DateField label="From (UTC date)" clearable value={from} onChange={setFrom} />
            <DateField label="To (UTC date)" clearable value={to} onChange={setTo} error={from && to && from > to ? 'Before “From”' : undefined} />
          </Group>
        )}
        {word && signable && (
          <Stack gap={6} aria-label="Sign-off">
            <Text size="sm" fw={500}>
              Sign-off
            </Text>
            <Text size="sm" c="dimmed">
              Sign as reviewed to print your electronic signature in the sign-off block. A later change to what it shows supersedes the signature.
            </Text>
            <SignatureLines recordId={recordId} />
            {!product.archivedAt && (
              <Group>
                <Button size="xs" variant="light" onClick={() => setSigning(true)}>
                  Sign as reviewed…
                </Button>
              </Group>
            )}
          </Stack>
        )}
        {signing && signable && <SignDialog target={{ kind: 'export', recordId, subject: `${signable} of ${product.code}` }} onClose={() => setSigning(false)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={run.isPending}>
            Cancel
          </Button>
          <Button onClick={() => run.mutate()} loading={run.isPending} disabled={(!!from && !!to && from > to) || (word && kind === 'ind-checklist' && included.length === 0)}>
            Export
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
