import { ActionIcon, Alert, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { CRITERION_KIND_LABELS, SPEC_PHASE_LABELS, type CriterionKindId, type SpecPhaseId } from '../../../../../electron/contract';
import { fieldErrors, notifySuccess } from '../../../lib/notify';
import { useChecklists } from '../../checklists/hooks/useChecklists';
import { useCreateSpec, useSpecs } from '../hooks/useLots';
import { draftFrom, emptyRow, toAttributes, type DraftRow } from '../lib/specDraft';

const kinds = Object.entries(CRITERION_KIND_LABELS).map(([value, label]) => ({ value, label }));
const phases = Object.entries(SPEC_PHASE_LABELS).map(([value, label]) => ({ value, label }));

function Editor({ productId, start, source, onDone }: { productId: string; start: DraftRow[]; source: string; onDone(): void }) {
  const [rows, setRows] = useState(start);
  const [phase, setPhase] = useState<SpecPhaseId>('phase-1');
  const save = useCreateSpec(productId);
  const checklists = useChecklists(productId);
  const items = (checklists.data?.checklists ?? []).filter((c) => c.kind === 'cmc' || c.kind === 'ind').flatMap((c) => c.items.map((i) => ({ value: i.id, label: `${c.name}: ${i.title}` })));
  const errors = save.isError ? fieldErrors(save.error) : {};
  const set = (i: number, patch: Partial<DraftRow>) => setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const numeric = (k: CriterionKindId) => k === 'range' || k === 'max' || k === 'min';
  return (
    <Stack>
      <Group align="flex-end">
        <Select label="Phase it applies to" data={phases} value={phase} onChange={(v) => v && setPhase(v as SpecPhaseId)} allowDeselect={false} w={260} />
        {source && <Text size="sm" c="dimmed">Starting from: {source}</Text>}
      </Group>
      <Table.ScrollContainer minWidth={1350}>
      <Table aria-label="Specification editor">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Attribute</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th>Criterion</Table.Th>
            <Table.Th>Low</Table.Th>
            <Table.Th>High</Table.Th>
            <Table.Th>Unit</Table.Th>
            <Table.Th>Required</Table.Th>
            <Table.Th>Checklist item it answers</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput aria-label={`Attribute ${i + 1} name`} miw={190} value={r.name} onChange={(e) => set(i, { name: e.currentTarget.value })} error={errors[`attributes.${i}.name`]} />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label={`Attribute ${i + 1} method`} miw={170} value={r.method} onChange={(e) => set(i, { method: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <Select aria-label={`Attribute ${i + 1} criterion`} data={kinds} value={r.kind} onChange={(v) => v && set(i, { kind: v as CriterionKindId })} allowDeselect={false} w={170} />
              </Table.Td>
              <Table.Td>
                {(r.kind === 'range' || r.kind === 'min') && <TextInput aria-label={`Attribute ${i + 1} low limit`} w={110} value={r.lower} onChange={(e) => set(i, { lower: e.currentTarget.value })} error={errors[`attributes.${i}.lower`]} />}
              </Table.Td>
              <Table.Td>
                {(r.kind === 'range' || r.kind === 'max') && <TextInput aria-label={`Attribute ${i + 1} high limit`} w={110} value={r.upper} onChange={(e) => set(i, { upper: e.currentTarget.value })} error={errors[`attributes.${i}.upper`]} />}
              </Table.Td>
              <Table.Td>{(numeric(r.kind) || r.kind === 'report') && <TextInput aria-label={`Attribute ${i + 1} unit`} w={120} value={r.unit} onChange={(e) => set(i, { unit: e.currentTarget.value })} />}</Table.Td>
              <Table.Td>
                <Checkbox aria-label={`Attribute ${i + 1} required`} checked={r.required} onChange={(e) => set(i, { required: e.currentTarget.checked })} />
              </Table.Td>
              <Table.Td>
                <Select aria-label={`Attribute ${i + 1} checklist item`} placeholder={items.length ? 'None' : 'Generate checklists first'} data={items} value={r.checklistItemId} onChange={(v) => set(i, { checklistItemId: v })} searchable clearable w={220} error={errors[`attributes.${i}.checklistItemId`]} />
              </Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" color="red" aria-label={`Remove attribute ${i + 1}`} onClick={() => setRows((prev) => prev.filter((_, j) => j !== i))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setRows((prev) => [...prev, emptyRow()])}>
          Add attribute
        </Button>
        <Group>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button
            loading={save.isPending}
            onClick={() => save.mutate({ productId, phase, source: source || undefined, attributes: toAttributes(rows) }, { onSuccess: (s) => { notifySuccess(`Specification v${s.version} saved`); onDone(); } })}
          >
            Save as new version
          </Button>
        </Group>
      </Group>
      {save.isError && <Alert color="red">{save.error.message}</Alert>}
    </Stack>
  );
}

export function SpecEditor({ productId, fraction }: { productId: string; fraction: string }) {
  const specs = useSpecs(productId);
  const checklists = useChecklists(productId);
  const itemTitle = new Map((checklists.data?.checklists ?? []).flatMap((c) => c.items.map((i) => [i.id, i.title] as const)));
  const [editing, setEditing] = useState<{ rows: DraftRow[]; source: string } | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  if (specs.isPending) return <Text>Loading…</Text>;
  if (specs.isError) return <Alert color="red">{specs.error.message}</Alert>;
  const { current, versions, templates } = specs.data;
  if (editing) return <Editor productId={productId} start={editing.rows} source={editing.source} onDone={() => setEditing(null)} />;
  const suggested = templates.find((t) => t.fraction === (fraction === 'exosome' ? 'ev' : fraction)) ?? templates[0];
  const spec = versions.find((v) => v.id === shown) ?? current;
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          {versions.length > 0 && (
            <Select aria-label="Specification version" data={versions.map((v) => ({ value: v.id, label: `v${v.version} · ${SPEC_PHASE_LABELS[v.phase]}${v.id === current?.id ? ' (in force)' : ''} · ${v.lotCount} lots` }))} value={spec?.id ?? null} onChange={setShown} allowDeselect={false} w={340} />
          )}
        </Group>
        <Group>
          {templates.map((t) => (
            <Button key={t.id} variant={t === suggested ? 'light' : 'default'} onClick={() => setEditing({ rows: draftFrom(t.attributes), source: t.name })}>
              {current ? 'New version from' : 'Start from'}: {t.name.split(':')[0]}
            </Button>
          ))}
          {current && <Button onClick={() => setEditing({ rows: draftFrom(current.attributes), source: `v${current.version}` })}>New version</Button>}
        </Group>
      </Group>
      {!spec ? (
        <Alert color="blue">No specification yet. Start from the suggested template (its limits are starting points with citations, to be justified from your own data).</Alert>
      ) : (
        <Table striped aria-label="Specification">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Attribute</Table.Th>
              <Table.Th>Method</Table.Th>
              <Table.Th>Acceptance criterion</Table.Th>
              <Table.Th>Required</Table.Th>
              <Table.Th>Reference</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {spec.attributes.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{a.method}</Table.Td>
                <Table.Td>{a.criterion}</Table.Td>
                <Table.Td>{a.required ? 'Yes' : 'No'}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {a.citation}
                  </Text>
                  {a.checklistItemId && (
                    <Text size="xs">Answers: {itemTitle.get(a.checklistItemId) ?? 'a checklist item no longer present'}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
