import { memo } from 'react';
import { diamond, summaryPath } from '../lib/timelineShapes';
import { BAR_HEIGHT, BAR_MID, BAR_TOP, DIAMOND_HALF, PLANNED_HEIGHT, PLANNED_TOP, ROW_HEIGHT, type TimelineLayout, type TimelineRow } from '../lib/timelineTypes';
import classes from './Timeline.module.css';
import { C, rowColour, rowKey } from './timelineColours';

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
export const Backdrop = memo(function Backdrop({ layout }: { layout: TimelineLayout }) {
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
export const Marks = memo(function Marks({ layout, clickable }: { layout: TimelineLayout; clickable: boolean }) {
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
