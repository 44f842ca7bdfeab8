import { Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCircleCheckFilled, IconCircleDashed, IconCircleHalf2, IconFlag3Filled, IconTimeline } from '@tabler/icons-react';
import { memo, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { PathwayView } from '../../../../../electron/contract';
import { toDayNumberOrNull } from '../../../../../electron/contract/dates';
import classes from './Timeline.module.css';
import {
  BAR_HEIGHT,
  BAR_MID,
  BAR_TOP,
  defaultZoom,
  DIAMOND_HALF,
  formatDay,
  HEADER_HEIGHT,
  layoutTimeline,
  PLANNED_HEIGHT,
  PLANNED_TOP,
  ROW_HEIGHT,
  ZOOM_LEVELS,
  type TimelineLayout,
  type TimelineRow,
  type TimelineZoom,
} from './timelineLayout';

export interface TimelineProps {
  view: PathwayView;
  /** Called with the milestone id when a milestone row or bar is clicked (or Enter/Space on its name). */
  onSelect?: (milestoneId: string) => void;
  /** Highlights this milestone's row. */
  selectedId?: string | null;
  /** Height of the scrolling area; the name column and the axis stay in view inside it. */
  maxHeight?: number | string;
}

const NAME_WIDTH = 300;
/** Where "today" lands in the visible chart when the timeline opens: most of the width shows what is ahead. */
const TODAY_FRACTION = 0.3;

// Mantine CSS variables, so both colour schemes get readable colours without a theme hook.
const C = {
  text: 'var(--mantine-color-text)',
  dimmed: 'var(--mantine-color-dimmed)',
  border: 'var(--mantine-color-default-border)',
  band: 'var(--mantine-color-default-hover)',
  selected: 'var(--mantine-primary-color-light)',
  body: 'var(--mantine-color-body)',
  forecast: 'var(--mantine-color-blue-filled)',
  critical: 'var(--mantine-color-red-6)',
  done: 'var(--mantine-color-teal-filled)',
  today: 'var(--mantine-color-orange-filled)',
  planned: 'var(--mantine-color-dimmed)',
} as const;

const isZoom = (value: string): value is TimelineZoom => ZOOM_LEVELS.some((z) => z.value === value);

function rowColour(row: TimelineRow): string {
  if (row.status === 'done') return C.done;
  return row.critical ? C.critical : C.forecast;
}

// A stage and a milestone could in principle share an id; the kind keeps React keys apart.
const rowKey = (row: TimelineRow) => `${row.kind}:${row.id}`;

const diamond = (cx: number, cy: number, half: number) => `M${cx},${cy - half}L${cx + half},${cy}L${cx},${cy + half}L${cx - half},${cy}Z`;

/** Summary bar with the downward end caps scheduling tools use for a group of tasks. */
function summaryPath(x: number, y: number, width: number): string {
  const top = y + BAR_TOP + 2;
  const bottom = top + 6;
  const cap = Math.min(5, width / 2);
  return `M${x},${top}H${x + width}V${bottom + 5}L${x + width - cap},${bottom}H${x + cap}L${x},${bottom + 5}Z`;
}

function PlannedMark({ row }: { row: TimelineRow }) {
  const p = row.planned;
  if (!p) return null;
  if (row.event) {
    return <path d={diamond(p.x, row.y + PLANNED_TOP + PLANNED_HEIGHT / 2, 3.5)} fill={C.planned} fillOpacity={0.7} />;
  }
  return <rect x={p.x} y={row.y + PLANNED_TOP} width={p.width} height={PLANNED_HEIGHT} rx={1} fill={C.planned} fillOpacity={0.6} />;
}

function ForecastMark({ row }: { row: TimelineRow }) {
  const f = row.forecast;
  if (!f) return null;
  if (row.kind === 'stage') {
    return <path d={summaryPath(f.x, row.y, f.width)} fill={C.text} fillOpacity={0.72} />;
  }
  const colour = rowColour(row);
  const mid = row.y + BAR_MID;
  if (row.event) {
    const filled = row.status === 'done';
    return (
      <path
        d={diamond(f.x, mid, DIAMOND_HALF)}
        fill={filled ? colour : C.body}
        stroke={colour}
        strokeWidth={row.gate ? 2.5 : 2}
        strokeLinejoin="round"
      />
    );
  }
  const y = row.y + BAR_TOP;
  if (row.status === 'in-progress') {
    const elapsed = row.elapsedX === null ? 0 : row.elapsedX - f.x;
    return (
      <>
        <rect x={f.x + 0.5} y={y + 0.5} width={Math.max(0, f.width - 1)} height={BAR_HEIGHT - 1} rx={3} fill={colour} fillOpacity={0.22} stroke={colour} />
        {elapsed > 0 && <rect x={f.x} y={y} width={elapsed} height={BAR_HEIGHT} rx={3} fill={colour} />}
      </>
    );
  }
  return (
    <>
      <rect x={f.x} y={y} width={f.width} height={BAR_HEIGHT} rx={3} fill={colour} />
      {row.status === 'done' && f.width >= 16 && (
        <path
          d={`M${f.x + f.width / 2 - 3.5},${mid}l2.5,2.5l4.5,-5`}
          fill="none"
          stroke="white"
          strokeWidth={1.8}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      )}
    </>
  );
}

/** Row bands and gridlines, under everything else. */
const Backdrop = memo(function Backdrop({ layout }: { layout: TimelineLayout }) {
  const { width, height, rows, ticks } = layout;
  return (
    <>
      <g>
        {rows.map((row) =>
          row.kind === 'stage' ? <rect key={rowKey(row)} x={0} y={row.y} width={width} height={ROW_HEIGHT} fill={C.band} /> : null,
        )}
      </g>
      <g stroke={C.border} shapeRendering="crispEdges">
        {ticks.map((t) => (
          <line key={t.x} x1={t.x} x2={t.x} y1={0} y2={height} strokeOpacity={t.yearStart ? 1 : 0.5} />
        ))}
        {rows.map((row) =>
          row.kind === 'stage' && row.index > 0 ? <line key={rowKey(row)} x1={0} x2={width} y1={row.y} y2={row.y} /> : null,
        )}
      </g>
    </>
  );
});

/** Bars, arrows and the today line. Memoised apart from the selection band, so selecting a
 *  milestone repaints one rectangle rather than every bar of a 500-milestone pathway. */
const Marks = memo(function Marks({ layout, clickable }: { layout: TimelineLayout; clickable: boolean }) {
  const { width, height, rows, arrows, todayX } = layout;
  return (
    <>
      {clickable && (
        <g>
          {rows.map((row) =>
            row.kind === 'milestone' ? (
              <rect key={rowKey(row)} className={classes.hit} data-milestone={row.id} x={0} y={row.y} width={width} height={ROW_HEIGHT} />
            ) : null,
          )}
        </g>
      )}
      <g>
        {rows.map((row) => (
          <PlannedMark key={rowKey(row)} row={row} />
        ))}
      </g>
      <g fill="none" strokeLinejoin="round">
        {arrows.map((a) => (
          <g key={a.key}>
            <path d={a.path} stroke={a.critical ? C.critical : C.dimmed} strokeWidth={a.critical ? 1.6 : 1} strokeOpacity={a.critical ? 0.95 : 0.6} />
            <path d={a.head} fill={a.critical ? C.critical : C.dimmed} fillOpacity={a.critical ? 1 : 0.8} />
          </g>
        ))}
      </g>
      <g>
        {rows.map((row) =>
          row.forecast ? (
            <g key={rowKey(row)} className={classes.item} data-milestone={row.kind === 'milestone' ? row.id : undefined}>
              <title>{row.tooltip}</title>
              <ForecastMark row={row} />
            </g>
          ) : null,
        )}
      </g>
      {todayX !== null && (
        <line x1={todayX} x2={todayX} y1={0} y2={height} stroke={C.today} strokeWidth={1.5} strokeDasharray="5 3" />
      )}
    </>
  );
});

const Axis = memo(function Axis({ layout }: { layout: TimelineLayout }) {
  const { width, ticks, todayX } = layout;
  return (
    <svg width={width} height={HEADER_HEIGHT} aria-hidden="true" fontSize={11}>
      <g stroke={C.border} shapeRendering="crispEdges">
        {ticks.map((t) => (
          <line key={t.x} x1={t.x} x2={t.x} y1={t.yearStart ? 0 : 8} y2={HEADER_HEIGHT} strokeOpacity={t.yearStart ? 1 : 0.7} />
        ))}
      </g>
      <g fill={C.dimmed}>
        {ticks.map((t) =>
          t.width >= 34 ? (
            <text key={t.x} x={t.x + 6} y={18} fontWeight={t.yearStart ? 600 : 400} fill={t.yearStart ? C.text : undefined}>
              {t.label}
            </text>
          ) : null,
        )}
      </g>
      {todayX !== null && (
        <g>
          <line x1={todayX} x2={todayX} y1={36} y2={HEADER_HEIGHT} stroke={C.today} strokeWidth={1.5} />
          <title>{`Today (status date): ${formatDay(layout.today)}`}</title>
          <rect x={todayX - 22} y={25} width={44} height={14} rx={7} fill={C.today} />
          <text x={todayX} y={35.5} textAnchor="middle" fontSize={10} fontWeight={700} fill="white">
            Today
          </text>
        </g>
      )}
    </svg>
  );
});

function StatusIcon({ row }: { row: TimelineRow }) {
  if (row.status === 'done') return <IconCircleCheckFilled size={14} className={classes.icon} color={C.done} aria-label="Done" />;
  if (row.status === 'in-progress') return <IconCircleHalf2 size={14} className={classes.icon} color={row.critical ? C.critical : C.forecast} aria-label="In progress" />;
  return <IconCircleDashed size={14} className={classes.icon} color={row.critical ? C.critical : C.dimmed} aria-label="Not started" />;
}

/** One memoised row, so a selection change re-renders two rows, not the whole column. */
const NameRow = memo(function NameRow({ row, selected, clickable }: { row: TimelineRow; selected: boolean; clickable: boolean }) {
  if (row.kind === 'stage') {
    return (
      <div className={`${classes.row} ${classes.stageRow}`} style={{ height: ROW_HEIGHT }} title={row.tooltip}>
        <span className={classes.name}>{row.name}</span>
        <span className={classes.progress}>{row.progress}</span>
      </div>
    );
  }
  return (
    <div
      className={`${classes.row} ${classes.milestoneRow}${clickable ? ` ${classes.clickable}` : ''}${selected ? ` ${classes.selected}` : ''}`}
      style={{ height: ROW_HEIGHT }}
      title={row.tooltip}
      data-milestone={row.id}
      role={clickable ? 'button' : undefined}
      tabIndex={clickable ? 0 : undefined}
      aria-current={selected ? 'true' : undefined}
    >
      <StatusIcon row={row} />
      <span className={classes.name} style={row.critical && row.status !== 'done' ? { color: C.critical } : undefined}>
        {row.name}
      </span>
      {row.gate && <IconFlag3Filled size={12} className={classes.icon} color={C.dimmed} aria-label="Gate" />}
    </div>
  );
});

function LegendSwatch({ children }: { children: React.ReactNode }) {
  return (
    <svg width={26} height={14} viewBox="0 0 26 14" aria-hidden="true" className={classes.icon}>
      {children}
    </svg>
  );
}

function Legend({ ghost }: { ghost: string }) {
  const items: { label: string; swatch: React.ReactNode }[] = [
    { label: 'Forecast', swatch: <rect x={1} y={3} width={24} height={8} rx={2} fill={C.forecast} /> },
    { label: ghost, swatch: <rect x={1} y={5} width={24} height={4} rx={1} fill={C.planned} fillOpacity={0.6} /> },
    { label: 'Critical path', swatch: <rect x={1} y={3} width={24} height={8} rx={2} fill={C.critical} /> },
    {
      label: 'In progress',
      swatch: (
        <>
          <rect x={1.5} y={3.5} width={23} height={7} rx={2} fill={C.forecast} fillOpacity={0.22} stroke={C.forecast} />
          <rect x={1} y={3} width={11} height={8} rx={2} fill={C.forecast} />
        </>
      ),
    },
    {
      label: 'Done',
      swatch: (
        <>
          <rect x={1} y={3} width={24} height={8} rx={2} fill={C.done} />
          <path d="M10,7l2,2l4,-4" fill="none" stroke="white" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" />
        </>
      ),
    },
    { label: 'Event', swatch: <path d={diamond(13, 7, 5)} fill={C.body} stroke={C.forecast} strokeWidth={2} /> },
    { label: 'Stage', swatch: <path d={summaryPath(1, -4, 24)} fill={C.text} fillOpacity={0.72} /> },
    { label: 'Today (status date)', swatch: <line x1={13} x2={13} y1={0} y2={14} stroke={C.today} strokeWidth={1.5} strokeDasharray="4 2" /> },
  ];
  return (
    <div className={classes.legend} aria-label="Legend">
      {items.map((item) => (
        <span key={item.label} className={classes.legendItem}>
          <LegendSwatch>{item.swatch}</LegendSwatch>
          {item.label}
        </span>
      ))}
    </div>
  );
}

interface ScrollTarget {
  day: number;
  /** Where the day lands across the visible chart, 0 = left edge. */
  fraction: number;
}

function todayTarget(today: string): ScrollTarget | null {
  const day = toDayNumberOrNull(today);
  return day === null ? null : { day, fraction: TODAY_FRACTION };
}

/** The view with the reference baseline's dates in place of the planned ones (and its variance). */
function againstBaseline(view: PathwayView): PathwayView {
  return {
    ...view,
    stages: view.stages.map((stage) => ({
      ...stage,
      milestones: stage.milestones.map((m) => ({ ...m, plannedStart: m.baselineStart, plannedFinish: m.baselineFinish, finishVarianceDays: m.baselineVarianceDays })),
    })),
  };
}

/** The milestone id under an event target, for one delegated handler instead of one per bar. */
function milestoneIdOf(target: EventTarget): string | null {
  return target instanceof Element ? (target.closest('[data-milestone]')?.getAttribute('data-milestone') ?? null) : null;
}

/** Gantt chart of a product's pathway: stages and milestones, planned vs forecast, critical path, dependencies, today. */
export function Timeline({ view, onSelect, selectedId = null, maxHeight = '70vh' }: TimelineProps) {
  const [zoom, setZoom] = useState<TimelineZoom>(() => defaultZoom(view));
  // The thin bar under each forecast shows the planned dates, or the reference baseline's.
  const [against, setAgainst] = useState<'planned' | 'baseline'>('planned');
  const compared = useMemo(() => (against === 'baseline' && view.reference ? againstBaseline(view) : view), [view, against]);
  const layout = useMemo(() => layoutTimeline(compared, zoom), [compared, zoom]);
  const scrollerRef = useRef<HTMLDivElement>(null);
  // The date to bring into view after the next layout: today on opening, the date at the centre
  // of the view when zooming, so zooming does not lose the user's place.
  const scrollTarget = useRef<ScrollTarget | null>(todayTarget(view.today));

  useLayoutEffect(() => {
    const el = scrollerRef.current;
    const target = scrollTarget.current;
    if (!el || !target) return;
    scrollTarget.current = null;
    const visible = el.clientWidth - NAME_WIDTH;
    const left = (target.day - layout.startDay) * layout.pixelsPerDay - visible * target.fraction;
    // Close to the start, show the start itself rather than cut the first axis label.
    el.scrollLeft = left < visible * 0.25 ? 0 : left;
  }, [layout]);

  const changeZoom = (value: string) => {
    if (!isZoom(value)) return;
    const el = scrollerRef.current;
    if (el) {
      const visible = el.clientWidth - NAME_WIDTH;
      scrollTarget.current = { day: layout.startDay + (el.scrollLeft + visible / 2) / layout.pixelsPerDay, fraction: 0.5 };
    }
    setZoom(value);
  };

  const select = (e: MouseEvent) => {
    if (!onSelect) return;
    const id = milestoneIdOf(e.target);
    if (id) onSelect(id);
  };
  const selectByKey = (e: KeyboardEvent) => {
    if (!onSelect || (e.key !== 'Enter' && e.key !== ' ')) return;
    const id = milestoneIdOf(e.target);
    if (!id) return;
    e.preventDefault();
    onSelect(id);
  };

  if (view.stages.length === 0) {
    return (
      <Paper withBorder p="xl" radius="md">
        <Stack align="center" gap="xs">
          <IconTimeline size={32} color={C.dimmed} />
          <Text fw={600}>No timeline yet</Text>
          <Text size="sm" c="dimmed" ta="center" maw={440}>
            {view.product.code} has no pathway stages. Start a pathway from a template, and its stages and milestones will appear here
            as a timeline.
          </Text>
        </Stack>
      </Paper>
    );
  }

  const clickable = onSelect !== undefined;
  const selectedRow = selectedId === null ? undefined : layout.rowByMilestone.get(selectedId);
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Group gap="md">
          <SegmentedControl size="xs" data={[...ZOOM_LEVELS]} value={zoom} onChange={changeZoom} aria-label="Timeline zoom" />
          {view.reference && (
            <SegmentedControl
              size="xs"
              aria-label="Compare the forecast with"
              value={against}
              onChange={(v) => setAgainst(v as typeof against)}
              data={[
                { value: 'planned', label: 'vs planned' },
                { value: 'baseline', label: `vs baseline “${view.reference.name}”` },
              ]}
            />
          )}
          {view.projectFinish && (
            <Text size="sm" c="dimmed">
              Forecast finish <Text span fw={600} c="var(--mantine-color-text)">{formatDay(view.projectFinish)}</Text>
            </Text>
          )}
        </Group>
        <Legend ghost={against === 'baseline' && view.reference ? 'Reference baseline' : 'Planned'} />
      </Group>
      <div ref={scrollerRef} className={classes.scroller} style={{ maxHeight }}>
        {/* An explicit width: sticky cells can only travel within the grid's box, so it must be as wide as its columns. */}
        <div className={classes.grid} style={{ width: NAME_WIDTH + layout.width, gridTemplateColumns: `${NAME_WIDTH}px ${layout.width}px` }}>
          <div className={classes.corner}>
            Stage / milestone
          </div>
          <div className={classes.header}>
            <Axis layout={layout} />
          </div>
          <div className={classes.names} onClick={select} onKeyDown={selectByKey}>
            {layout.rows.map((row) => (
              <NameRow key={rowKey(row)} row={row} selected={row.id === selectedId} clickable={clickable} />
            ))}
          </div>
          <div className={`${classes.chart}${clickable ? ` ${classes.clickableChart}` : ''}`} onClick={select}>
            <svg width={layout.width} height={layout.height} role="img" aria-label={`Timeline of ${view.product.code}`}>
              <Backdrop layout={layout} />
              {selectedRow && <rect x={0} y={selectedRow.y} width={layout.width} height={ROW_HEIGHT} fill={C.selected} />}
              <Marks layout={layout} clickable={clickable} />
            </svg>
          </div>
        </div>
      </div>
    </Stack>
  );
}
