import { Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconTimeline } from '@tabler/icons-react';
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { PathwayView } from '../../../../../electron/contract';
import { formatDay } from '../lib/timelineAxis';
import { againstBaseline, defaultZoom, layoutTimeline } from '../lib/timelineLayout';
import { centreTarget, scrollLeftFor, todayTarget, type ScrollTarget } from '../lib/timelineScroll';
import { isZoom, ROW_HEIGHT, ZOOM_LEVELS, type TimelineZoom } from '../lib/timelineTypes';
import classes from './Timeline.module.css';
import { Axis } from './TimelineAxis';
import { C, rowKey } from './timelineColours';
import { Legend } from './TimelineLegend';
import { Backdrop, Marks } from './TimelineMarks';
import { NameRow } from './TimelineNames';

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
    el.scrollLeft = scrollLeftFor(target, layout, el.clientWidth - NAME_WIDTH);
  }, [layout]);

  const changeZoom = (value: string) => {
    if (!isZoom(value)) return;
    const el = scrollerRef.current;
    if (el) scrollTarget.current = centreTarget(layout, el.scrollLeft, el.clientWidth - NAME_WIDTH);
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
      {/* Focusable so keyboard users can scroll it with the arrow keys. */}
      <div ref={scrollerRef} className={classes.scroller} style={{ maxHeight }} tabIndex={0} role="region" aria-label="Timeline chart (scrollable)">
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
