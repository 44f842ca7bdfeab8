import { memo } from 'react';
import { formatDay } from '../lib/timelineAxis';
import { HEADER_HEIGHT, type TimelineLayout } from '../lib/timelineTypes';
import { C } from './timelineColours';

/** The date axis above the chart: unit ticks with their labels and the today marker. */
export const Axis = memo(function Axis({ layout }: { layout: TimelineLayout }) {
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
