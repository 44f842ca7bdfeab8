import { Group, Text } from '@mantine/core';
import type { PlanComparison } from '../../../../../electron/contract';
import { formatDate, fromDayNumber, parseDate, toDayNumber } from '../../../../../electron/contract/dates';

const COLORS = ['var(--mantine-color-gray-6)', 'var(--mantine-color-blue-6)', 'var(--mantine-color-orange-6)', 'var(--mantine-color-grape-6)'];
const LABEL_W = 190;
const ROW_H = 12;

/** The compared plans' stages on one time axis: one thin bar per plan in each stage row. */
export function OverlaidTimeline({ data, width = 1000 }: { data: PlanComparison; width?: number }) {
  const spans = data.stages.flatMap((s) => s.spans.filter((x): x is { from: string; to: string } => x !== null));
  if (spans.length === 0) return null;
  // In day numbers; a span covers its last day, so the axis ends the day after the last one.
  const min = Math.min(...spans.map((s) => toDayNumber(s.from)));
  const max = Math.max(...spans.map((s) => toDayNumber(s.to))) + 1;
  const scale = (width - LABEL_W - 10) / (max - min);
  const x = (date: string) => LABEL_W + (toDayNumber(date) - min) * scale;
  const newYear = (year: number) => toDayNumber(formatDate({ year, month: 1, day: 1 }));
  const rowH = data.plans.length * (ROW_H + 2) + 10;
  const height = 24 + data.stages.length * rowH;
  const years: number[] = [];
  for (let y = parseDate(fromDayNumber(min)).year + 1; newYear(y) < max; y++) years.push(y);
  return (
    <div>
      <Group gap="md" mb={4}>
        {data.plans.map((p, i) => (
          <Group key={i} gap={6}>
            <svg width={18} height={8} aria-hidden>
              <rect width={18} height={8} rx={2} fill={COLORS[i]} />
            </svg>
            <Text size="xs">{p.name}</Text>
          </Group>
        ))}
      </Group>
      <svg role="img" aria-label="Compared plans on one timeline" width="100%" viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: width }}>
        {years.map((y) => {
          const at = LABEL_W + (newYear(y) - min) * scale;
          return (
            <g key={y}>
              <line x1={at} x2={at} y1={16} y2={height} stroke="var(--mantine-color-default-border)" />
              <text x={at + 3} y={12} fontSize={11} fill="var(--mantine-color-dimmed)">
                {y}
              </text>
            </g>
          );
        })}
        {data.stages.map((stage, row) => {
          const top = 24 + row * rowH;
          return (
            <g key={stage.id}>
              <text x={0} y={top + rowH / 2} fontSize={12} fill="var(--mantine-color-text)">
                {stage.name}
              </text>
              {stage.spans.map((span, i) =>
                span ? (
                  <rect key={i} x={x(span.from)} y={top + i * (ROW_H + 2)} width={Math.max(3, x(span.to) - x(span.from) + scale)} height={ROW_H} rx={3} fill={COLORS[i]} opacity={0.85}>
                    <title>{`${data.plans[i]!.name}: ${stage.name} ${span.from} → ${span.to}`}</title>
                  </rect>
                ) : null,
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
