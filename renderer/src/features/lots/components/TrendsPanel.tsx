import '@mantine/charts/styles.css';
import { ScatterChart } from '@mantine/charts';
import { Alert, Badge, Group, List, MultiSelect, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { controlChartScale } from '../../../../../electron/contract';
import { chartLines, chartSeries } from '../lib/chart';
import { useLots } from '../hooks/useLots';

const fmt = (v: number) => (Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-2 && v !== 0) ? v.toExponential(2) : String(Number(v.toPrecision(4))));

/** Per attribute across lots: individuals chart from the chosen reference lots, signals, spec limits and Cpk. */
export function TrendsPanel({ productId }: { productId: string }) {
  const lots = useLots(productId);
  const [reference, setReference] = useState<string[]>([]);
  const trends = useQuery({
    queryKey: ['lot-trends', productId, reference],
    queryFn: () => api.lots.trends({ productId, ...(reference.length > 0 ? { referenceLotIds: reference } : {}) }),
  });
  const [key, setKey] = useState<string | null>(null);
  if (trends.isPending) return <Text>Loading…</Text>;
  if (trends.isError) return <Alert color="red">{trends.error.message}</Alert>;
  const charted = trends.data.attributes.filter((a) => a.points.length > 0);
  if (charted.length === 0) return <Alert color="blue">No numeric results yet: trends appear once lots have results.</Alert>;
  const attribute = charted.find((a) => a.key === key) ?? charted[0]!;
  const unit = attribute.unit ? ` ${attribute.unit}` : '';
  const lotAt = (v: number) => attribute.points[v - 1]?.lotNumber ?? '';
  // The y scale the Word batch analyses draw too (contract/chartScale.ts).
  const scale = controlChartScale(attribute);
  return (
    <Stack>
      <Group align="flex-end">
        <Select label="Attribute" data={charted.map((a) => ({ value: a.key, label: `${a.name}${a.signals.length ? ` (${a.signals.length} signals)` : ''}` }))} value={attribute.key} onChange={setKey} allowDeselect={false} w={320} />
        <MultiSelect
          label="Reference lots for the limits"
          placeholder={reference.length === 0 ? 'All lots' : undefined}
          data={(lots.data?.lots ?? []).map((l) => ({ value: l.id, label: `${l.lotNumber} (${l.processVersion})` }))}
          value={reference}
          onChange={setReference}
          clearable
          searchable
          w={420}
        />
      </Group>
      <SimpleGrid cols={4}>
        <Text size="sm">Centre line: {attribute.limits ? `${fmt(attribute.limits.center)}${unit}` : '—'}</Text>
        <Text size="sm">σ (MR̄/1.128): {attribute.limits ? fmt(attribute.limits.sigma) : '—'}</Text>
        <Text size="sm">Reference lots: {attribute.limits?.referenceCount ?? 0}</Text>
        <Text size="sm">
          Cpk:{' '}
          {attribute.capability ? (
            <Badge color={attribute.capability.cpk >= 1.33 ? 'teal' : attribute.capability.cpk >= 1 ? 'yellow' : 'red'} variant="light">
              {attribute.capability.cpk.toFixed(2)}
            </Badge>
          ) : (
            'needs a two-sided spec'
          )}
        </Text>
      </SimpleGrid>
      <div aria-label={`Control chart: ${attribute.name}`} role="img">
        <ScatterChart
          h={340}
          data={chartSeries(attribute, trends.data.processVersions)}
          dataKey={{ x: 'lot', y: 'value' }}
          labels={{ x: 'Lot (in manufacture order)', y: attribute.name }}
          referenceLines={chartLines(attribute).filter((l) => !scale.specsOff.includes(l.y)).map((l) => ({ y: l.y, label: l.label, color: l.color, strokeDasharray: l.strokeDasharray }))}
          yAxisProps={{ domain: [scale.lo, scale.hi], ticks: scale.ticks, tickFormatter: fmt }}
          // Lots are placed 1…n in manufacture order and named by their lot number (the axis ends, 0 and n+1, stay blank).
          xAxisProps={{ domain: [0, attribute.points.length + 1], ticks: attribute.points.map((_, i) => i + 1), tickFormatter: lotAt }}
          withLegend
          valueFormatter={{ x: lotAt, y: fmt }}
        />
      </div>
      {scale.specsOff.length > 0 && (
        <Text size="xs" c="dimmed">
          Specification limit{scale.specsOff.length > 1 ? 's' : ''} {scale.specsOff.map(fmt).join(' and ')}
          {unit} lie far outside the process and are left off the scale.
        </Text>
      )}
      {attribute.signals.length > 0 ? (
        <Alert color="red" variant="light" title="Western Electric signals">
          <List size="sm">
            {attribute.signals.map((s) => (
              <List.Item key={s.text}>{s.text}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        attribute.limits && <Text size="sm" c="dimmed">No Western Electric signal.</Text>
      )}
    </Stack>
  );
}
