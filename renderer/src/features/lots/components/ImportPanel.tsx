import { Alert, Autocomplete, Button, FileButton, Group, List, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportMapping, ImportPreview } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useWrite } from '../../../lib/useWrite';
import { invalidateLots, useSpecs } from '../hooks/useLots';
import { JudgementBadge } from './labels';

type Columns = NonNullable<ImportMapping['columns']>;

function MappingEditor({ preview, attributes, mapping, onChange }: { preview: ImportPreview; attributes: Array<{ value: string; label: string }>; mapping: ImportMapping; onChange(m: ImportMapping): void }) {
  const cols = preview.columns.map((c) => ({ value: c, label: c }));
  const set = (patch: Partial<ImportMapping>) => onChange({ ...mapping, ...patch });
  const opt = (v: string | null) => v ?? undefined;
  const wide: Columns = mapping.columns ?? [];
  const setColumn = (column: string, attribute: string | null, unit?: string) => {
    const rest = wide.filter((c) => c.column !== column);
    set({ columns: attribute ? [...rest, { column, attribute, ...(unit ? { unit } : {}) }] : rest });
  };
  const taken = new Set([mapping.lot, mapping.testedOn, mapping.analyst, mapping.attribute, mapping.value, mapping.unit]);
  return (
    <Stack gap="xs">
      <Group grow>
        <Select label="Lot column" data={cols} value={mapping.lot || null} onChange={(v) => set({ lot: v ?? '' })} />
        <Select label="Test date column" data={cols} value={mapping.testedOn || null} onChange={(v) => set({ testedOn: v ?? '' })} />
        <Select label="Analyst column" data={cols} value={mapping.analyst ?? null} onChange={(v) => set({ analyst: opt(v) })} clearable />
      </Group>
      <Group grow>
        <Select label="Attribute column (one result per line)" data={cols} value={mapping.attribute ?? null} onChange={(v) => set({ attribute: opt(v) })} clearable />
        <Select label="Value column" data={cols} value={mapping.value ?? null} onChange={(v) => set({ value: opt(v) })} clearable />
        <Select label="Unit column" data={cols} value={mapping.unit ?? null} onChange={(v) => set({ unit: opt(v) })} clearable />
      </Group>
      <Text size="sm" fw={500}>Or a column per attribute</Text>
      <Table aria-label="Result columns">
        <Table.Tbody>
          {preview.columns
            .filter((c) => !taken.has(c))
            .map((c) => {
              const m = wide.find((x) => x.column === c);
              return (
                <Table.Tr key={c}>
                  <Table.Td>{c}</Table.Td>
                  <Table.Td>
                    <Select aria-label={`${c} is the attribute`} placeholder="Not imported" data={attributes} value={m?.attribute ?? null} onChange={(v) => setColumn(c, v, m?.unit)} clearable />
                  </Table.Td>
                  <Table.Td>{m && <TextInput aria-label={`${c} unit`} placeholder="Unit" value={m.unit ?? ''} onChange={(e) => setColumn(c, m.attribute, e.currentTarget.value)} />}</Table.Td>
                </Table.Tr>
              );
            })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** CSV import: pick the file and its source, check the mapping and the preview, then import in one go. */
export function ImportPanel({ productId }: { productId: string }) {
  const [source, setSource] = useState('');
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const specs = useSpecs(productId);
  const saved = useQuery({ queryKey: ['lot-mappings', productId], queryFn: () => api.lots.mappings({ productId }) });
  const preview = useWrite('lots.importPreview', { onSuccess: (p) => setMapping(p.mapping), onError: (e) => notifyError('The file cannot be previewed', e) });
  const run = useWrite('lots.import', {
    onSuccess: async (done, client) => {
      notifySuccess(`Imported ${done.created + done.updated} results for ${done.lots} lots`);
      preview.reset();
      setMapping(null);
      setCsv('');
      setFileName('');
      await Promise.all([invalidateLots(client, productId), client.invalidateQueries({ queryKey: ['lot-mappings', productId] }), client.invalidateQueries({ queryKey: ['lot'] })]);
    },
  });
  const attributes = (specs.data?.current?.attributes ?? []).map((a) => ({ value: a.key, label: a.name }));
  const p = preview.data;
  const check = (m: ImportMapping | null) => preview.mutate({ productId, source, csv, ...(m ? { mapping: m } : {}) });
  return (
    <Stack>
      <Group align="flex-end">
        <Autocomplete label="Source (instrument or LIMS)" placeholder="e.g. NanoSight NS300" data={(saved.data ?? []).map((s) => s.source)} value={source} onChange={setSource} w={300} />
        <FileButton
          accept=".csv,.txt,.tsv,text/csv"
          onChange={(file) => {
            if (!file) return;
            setFileName(file.name);
            void file.text().then(setCsv);
          }}
        >
          {(props) => (
            <Button variant="default" leftSection={<IconFileImport size={16} />} {...props}>
              Choose CSV file…
            </Button>
          )}
        </FileButton>
        {fileName && <Text size="sm">{fileName}</Text>}
      </Group>
      <Textarea label="Or paste the CSV text" autosize minRows={3} maxRows={8} value={csv} onChange={(e) => setCsv(e.currentTarget.value)} styles={{ input: { fontFamily: 'monospace' } }} />
      <Group>
        <Button onClick={() => check(null)} disabled={!source.trim() || !csv.trim()} loading={preview.isPending && !mapping}>
          Preview
        </Button>
        {p && mapping && (
          <Button variant="default" onClick={() => check(mapping)} loading={preview.isPending}>
            Preview with this mapping
          </Button>
        )}
      </Group>
      {p && (
        <Stack>
          <Text size="sm" c="dimmed">
            {p.columns.length} columns, {p.delimiter}-separated · mapping {p.mappingFrom === 'saved' ? `saved for ${p.source}` : p.mappingFrom === 'guessed' ? 'guessed from the column names: check it' : 'as set below'}
          </Text>
          {mapping ? (
            <MappingEditor preview={p} attributes={attributes} mapping={mapping} onChange={setMapping} />
          ) : (
            <Group>
              <Text size="sm">The columns could not be recognised.</Text>
              <Button size="xs" variant="light" onClick={() => setMapping({ lot: p.columns[0] ?? '', testedOn: p.columns[1] ?? '' })}>
                Map the columns
              </Button>
            </Group>
          )}
          {p.issues.length > 0 && (
            <Alert color="red" title={`${p.issues.length} problem${p.issues.length === 1 ? '' : 's'}: nothing will be imported until they are fixed`}>
              <List size="sm">
                {p.issues.slice(0, 20).map((i) => (
                  <List.Item key={`${i.line}-${i.field}-${i.message}`}>{i.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {p.rows.length > 0 && (
            <Table striped aria-label="Import preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Lot</Table.Th>
                  <Table.Th>Attribute</Table.Th>
                  <Table.Th>Value</Table.Th>
                  <Table.Th>Tested</Table.Th>
                  <Table.Th>Judgement</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.rows.map((r, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>{r.lot}</Table.Td>
                    <Table.Td>{r.attribute}</Table.Td>
                    <Table.Td>
                      {r.value} {r.unit}
                    </Table.Td>
                    <Table.Td>{r.testedOn}</Table.Td>
                    <Table.Td miw={130}>{r.judgement && <JudgementBadge judgement={r.judgement} />}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {p.total > p.rows.length && <Text size="sm" c="dimmed">… and {p.total - p.rows.length} more results</Text>}
          {run.isError && <Alert color="red">{run.error.message}</Alert>}
          <Group justify="flex-end">
            <Button onClick={() => mapping && run.mutate({ productId, source, csv, mapping })} disabled={!mapping || p.issues.length > 0 || p.total === 0} loading={run.isPending}>
              Import {p.total} result{p.total === 1 ? '' : 's'}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
