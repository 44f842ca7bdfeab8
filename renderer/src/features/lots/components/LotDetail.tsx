import { Alert, Anchor, Button, Group, Menu, Modal, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { LOT_PURPOSE_LABELS, LOT_STATUS_LABELS, type LotStatusId, type LotView } from '../../../../../electron/contract';
import { DateField } from '../../../components/DateField';
import { fieldErrors, notifySuccess } from '../../../lib/notify';
import { api } from '../../../lib/api';
import { useLot, useLotWrite } from '../hooks/useLots';
import { ExportButton } from './ExportButton';
import { JudgementBadge, LotStatusBadge } from './labels';
import { LotFormModal } from './LotFormModal';

type Draft = Record<string, { value: string; unit: string }>;

/** Results entry: one line per attribute of the lot's specification; blank lines are left as they are. */
function ResultsForm({ view, onDone }: { view: LotView; onDone(): void }) {
  const record = useLotWrite('lots.recordResults', 'The results were not recorded');
  const [testedOn, setTestedOn] = useState<string>('');
  const [analyst, setAnalyst] = useState('');
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(view.lines.map((l) => [l.attribute.id, { value: '', unit: l.attribute.unit }])));
  const entered = view.lines.filter((l) => draft[l.attribute.id]?.value.trim());
  const errors = record.isError ? fieldErrors(record.error) : {};
  const errorOf = (i: number, field: string) => errors[`results.${i}.${field}`];
  const submit = () =>
    record.mutate(
      {
        lotId: view.lot.id,
        results: entered.map((l) => ({ attribute: l.attribute.key, value: draft[l.attribute.id]!.value, unit: draft[l.attribute.id]!.unit || undefined, testedOn, analyst: analyst || undefined })),
      },
      { onSuccess: () => { notifySuccess(`Recorded ${entered.length} result${entered.length === 1 ? '' : 's'}`); onDone(); } },
    );
  return (
    <Stack>
      <Group grow>
        <DateField label="Test date" required value={testedOn || null} onChange={(d) => setTestedOn(d ?? '')} />
        <TextInput label="Analyst" value={analyst} onChange={(e) => setAnalyst(e.currentTarget.value)} />
      </Group>
      <Table aria-label="Enter results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Attribute</Table.Th>
            <Table.Th>Acceptance criterion</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th>Unit</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.lines.map((l) => {
            const i = entered.indexOf(l);
            const d = draft[l.attribute.id]!;
            const set = (patch: Partial<Draft[string]>) => setDraft((prev) => ({ ...prev, [l.attribute.id]: { ...d, ...patch } }));
            return (
              <Table.Tr key={l.attribute.id}>
                <Table.Td>{l.attribute.name}</Table.Td>
                <Table.Td>{l.attribute.criterion}</Table.Td>
                <Table.Td>
                  <TextInput aria-label={`${l.attribute.name} value`} placeholder={l.result?.value ?? ''} value={d.value} onChange={(e) => set({ value: e.currentTarget.value })} error={i >= 0 ? errorOf(i, 'value') ?? errorOf(i, 'attribute') : undefined} />
                </Table.Td>
                <Table.Td>
                  {l.attribute.unit ? <TextInput aria-label={`${l.attribute.name} unit`} w={130} value={d.unit} onChange={(e) => set({ unit: e.currentTarget.value })} error={i >= 0 ? errorOf(i, 'unit') : undefined} /> : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {record.isError && <Alert color="red">{record.error.message}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} loading={record.isPending} disabled={entered.length === 0 || !testedOn}>
          Record {entered.length || ''} result{entered.length === 1 ? '' : 's'}
        </Button>
      </Group>
    </Stack>
  );
}

function StatusMenu({ view }: { view: LotView }) {
  const setStatus = useLotWrite('lots.setStatus', 'The status was not changed');
  const [target, setTarget] = useState<LotStatusId | null>(null);
  const [deviation, setDeviation] = useState(view.lot.deviation);
  const [reason, setReason] = useState('');
  const close = () => { setTarget(null); setReason(''); setStatus.reset(); };
  const confirm = () =>
    setStatus.mutate(
      { lotId: view.lot.id, status: target!, deviation: deviation.trim() !== view.lot.deviation ? deviation : undefined, reason: reason || undefined },
      { onSuccess: (v) => { notifySuccess(`Lot ${v.lot.lotNumber}: ${LOT_STATUS_LABELS[v.lot.status].toLowerCase()}`); close(); } },
    );
  const blocked = view.lot.releaseBlockers;
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={14} />}>
            Change status
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(Object.keys(LOT_STATUS_LABELS) as LotStatusId[])
            .filter((s) => s !== view.lot.status)
            .map((s) => (
              <Menu.Item key={s} onClick={() => setTarget(s)}>
                {s === 'released' ? 'Release…' : LOT_STATUS_LABELS[s]}
              </Menu.Item>
            ))}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={target !== null} onClose={close} title={target ? `Lot ${view.lot.lotNumber}: ${LOT_STATUS_LABELS[target]}` : ''}>
        <Stack>
          {target === 'released' && blocked.length > 0 && (
            <Alert color="orange" title="Release is blocked">
              {blocked.map((b) => (
                <Text key={b} size="sm">
                  {b}
                </Text>
              ))}
            </Alert>
          )}
          {target === 'released' && (
            <Textarea label="Deviation and its justification (needed to release with a missing or OOS required result)" autosize minRows={2} value={deviation} onChange={(e) => setDeviation(e.currentTarget.value)} />
          )}
          <TextInput label="Reason (kept in the audit trail)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          {setStatus.isError && <Alert color="red">{setStatus.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={confirm} loading={setStatus.isPending}>
              {target === 'released' ? 'Release lot' : 'Change status'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function InvestigationButton({ resultId, current, name }: { resultId: string; current: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState(current);
  const save = useLotWrite('lots.investigate', 'The investigation note was not saved');
  return (
    <>
      <Anchor component="button" size="sm" c={current ? undefined : 'red'} onClick={() => setOpen(true)}>
        {current ? 'Investigation' : 'Needs investigation'}
      </Anchor>
      <Modal opened={open} onClose={() => setOpen(false)} title={`OOS investigation: ${name}`}>
        <Stack>
          <Textarea label="Investigation note (reference, root cause, conclusion)" autosize minRows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button onClick={() => save.mutate({ resultId, investigation: note }, { onSuccess: () => setOpen(false) })} loading={save.isPending} disabled={!note.trim()}>
              Save note
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function LotDetail({ lotId, onBack }: { lotId: string; onBack(): void }) {
  const lot = useLot(lotId);
  const [entering, setEntering] = useState(false);
  const [editing, setEditing] = useState(false);
  if (lot.isPending) return <Text>Loading…</Text>;
  if (lot.isError) return <Alert color="red">{lot.error.message}</Alert>;
  const view = lot.data;
  const l = view.lot;
  const closed = l.status === 'released' || l.status === 'rejected';
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            All lots
          </Button>
          <Title order={3}>Lot {l.lotNumber}</Title>
          <LotStatusBadge status={l.status} />
          {l.illustrative && <Text c="dimmed" size="sm">Illustrative example data</Text>}
        </Group>
        <Group>
          {!closed && !entering && <Button onClick={() => setEntering(true)}>Enter results</Button>}
          <Button variant="default" onClick={() => setEditing(true)}>
            Edit lot
          </Button>
          <ExportButton label="Certificate of analysis" render={() => api.lots.renderCertificate({ lotId: l.id })} />
          <StatusMenu view={view} />
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Group gap="xl">
          <Text size="sm">Purpose: {LOT_PURPOSE_LABELS[l.purpose]}</Text>
          <Text size="sm">Made: {l.manufacturedOn}</Text>
          <Text size="sm">Process: {l.processVersion}</Text>
          <Text size="sm">Specification: v{l.specVersion}</Text>
          {l.source && <Text size="sm">Source: {l.source}</Text>}
          {l.scale && <Text size="sm">Scale: {l.scale}</Text>}
          {l.milestoneName && <Text size="sm">Serves: {l.milestoneName}</Text>}
          {l.releasedOn && <Text size="sm">Released: {l.releasedOn}</Text>}
          {l.expiryOn && <Text size="sm">Expiry: {l.expiryOn}</Text>}
          {l.retestOn && <Text size="sm">Retest: {l.retestOn}</Text>}
        </Group>
        {l.deviation && (
          <Text size="sm" mt="xs">
            Deviation: {l.deviation}
          </Text>
        )}
      </Paper>
      {editing && <LotFormModal productId={l.productId} lot={l} opened onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {l.notes && (
        <Text size="sm" c="dimmed">
          {l.notes}
        </Text>
      )}
      {!closed && l.releaseBlockers.length > 0 && (
        <Alert color="orange" variant="light" title="Not releasable yet">
          {l.releaseBlockers.join(' · ')}
        </Alert>
      )}
      {entering ? (
        <ResultsForm view={view} onDone={() => setEntering(false)} />
      ) : (
        <Table striped aria-label="Results">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Attribute</Table.Th>
              <Table.Th>Method</Table.Th>
              <Table.Th>Acceptance criterion</Table.Th>
              <Table.Th>Result</Table.Th>
              <Table.Th>Judgement</Table.Th>
              <Table.Th>Tested</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.lines.map((line) => (
              <Table.Tr key={line.attribute.id}>
                <Table.Td>
                  {line.attribute.name}
                  {!line.attribute.required && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (not required)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{line.result?.method || line.attribute.method}</Table.Td>
                <Table.Td>{line.attribute.criterion}</Table.Td>
                {/* A value stays on one line with its unit ("3.51 cells/mL", never "3.51 | cells/mL"). */}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {line.result ? `${line.result.value}${line.attribute.unit ? ` ${line.attribute.unit}` : ''}` : '—'}
                  {line.result && line.result.enteredUnit && line.result.enteredUnit !== line.attribute.unit && (
                    <Text size="xs" c="dimmed">
                      entered {line.result.enteredValue} {line.result.enteredUnit}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td miw={130}>
                  <JudgementBadge judgement={line.judgement} />
                </Table.Td>
                <Table.Td>{line.result ? `${line.result.testedOn}${line.result.analyst ? ` · ${line.result.analyst}` : ''}` : ''}</Table.Td>
                <Table.Td>{line.result && (line.judgement === 'oos' || line.result.investigation) ? <InvestigationButton resultId={line.result.id} current={line.result.investigation} name={line.attribute.name} /> : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
