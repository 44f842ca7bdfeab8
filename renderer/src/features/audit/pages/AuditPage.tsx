import { Alert, Button, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconFilterOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { DateField } from '../../../components/DateField';
import { auditEntityLabel, auditFieldLabel, AUDIT_FIELD_LABELS } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { useProducts } from '../../products/hooks/useProducts';
import { AuditTable } from '../components/AuditTable';

interface Filters {
  productId: string | null;
  actor: string | null;
  entity: string | null;
  field: string | null;
  from: string | null;
  to: string | null;
}
const NONE: Filters = { productId: null, actor: null, entity: null, field: null, from: null, to: null };
const LIMIT = 2000;

/** A field name in words when no record kind is chosen: the first kind that names it. */
function fieldLabelAnyRecord(field: string): string {
  const entity = Object.keys(AUDIT_FIELD_LABELS).find((e) => AUDIT_FIELD_LABELS[e]![field] !== undefined);
  return auditFieldLabel(entity ?? '', field);
}

/** The whole audit trail, filterable by product, dates, actor, entity and field. */
export function AuditPage() {
  const [filters, setFilters] = useState<Filters>(NONE);
  const set = (key: keyof Filters) => (value: string | null) => setFilters((f) => ({ ...f, [key]: value }));
  const products = useProducts(true);
  const facets = useQuery({ queryKey: ['audit', 'facets', filters.productId], queryFn: () => api.audit.facets({ productId: filters.productId ?? undefined }) });
  // Filters in words: the stored names are the values, what a person reads is the label.
  const entityOptions = useMemo(() => (facets.data?.entities ?? []).map((e) => ({ value: e, label: auditEntityLabel(e) })), [facets.data]);
  const fieldOptions = useMemo(() => {
    const labels = new Map<string, string>();
    for (const f of facets.data?.fields ?? []) labels.set(f, filters.entity ? auditFieldLabel(filters.entity, f) : fieldLabelAnyRecord(f));
    return [...labels].map(([value, label]) => ({ value, label }));
  }, [facets.data, filters.entity]);
  const badRange = !!filters.from && !!filters.to && filters.from > filters.to;
  const entries = useQuery({
    queryKey: ['audit', 'list', filters],
    enabled: !badRange,
    queryFn: () =>
      api.audit.list({
        productId: filters.productId ?? undefined,
        actor: filters.actor ?? undefined,
        entity: filters.entity ?? undefined,
        field: filters.field ?? undefined,
        from: filters.from ?? undefined,
        to: filters.to ?? undefined,
        limit: LIMIT,
      }),
  });
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">Audit trail</Title>
        <Text c="dimmed" size="sm">
          Every change in words: which product and record, what changed, who made it, when (your local time; UTC on hover) and
          why. A change made of many (a generated checklist, an applied planning session) is one row; open it to see each one.
          Entries cannot be edited or deleted.
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Group align="flex-end" gap="sm">
          <Select
            label="Product"
            placeholder="All products"
            clearable
            searchable
            w={220}
            data={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
            value={filters.productId}
            onChange={set('productId')}
          />
          <DateField label="From" clearable w={150} value={filters.from} onChange={set('from')} />
          <DateField label="To" clearable w={150} value={filters.to} onChange={set('to')} error={badRange ? 'Before “From”' : undefined} />
          <Select label="Who" placeholder="Anyone" clearable searchable w={220} data={facets.data?.actors ?? []} value={filters.actor} onChange={set('actor')} />
          <Select label="Record" placeholder="Any" clearable w={180} data={entityOptions} value={filters.entity} onChange={set('entity')} />
          <Select label="Field" placeholder="Any" clearable searchable w={190} data={fieldOptions} value={filters.field} onChange={set('field')} />
          <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={() => setFilters(NONE)}>
            Clear
          </Button>
        </Group>
      </Paper>
      <Paper withBorder p="md" radius="md">
        {entries.isPending && !badRange ? (
          <Loader />
        ) : entries.isError ? (
          <Alert color="red">{entries.error.message}</Alert>
        ) : (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {entries.data?.length ?? 0} {(entries.data?.length ?? 0) === 1 ? 'change' : 'changes'}{(entries.data?.length ?? 0) === LIMIT ? ` (the newest ${LIMIT}; narrow the filters to see older ones)` : ''}
            </Text>
            <AuditTable items={entries.data ?? []} showProduct />
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
