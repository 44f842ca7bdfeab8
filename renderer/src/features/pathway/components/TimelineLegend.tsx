import type { ReactNode } from 'react';
import { diamond, summaryPath } from '../lib/timelineShapes';
import classes from './Timeline.module.css';
import { C } from './timelineColours';

function LegendSwatch({ children }: { children: ReactNode }) {
  return (
    <svg width={26} height={14} viewBox="0 0 26 14" aria-hidden="true" className={classes.icon}>
      {children}
    </svg>
  );
}

export function Legend({ ghost }: { ghost: string }) {
  const items: { label: string; swatch: ReactNode }[] = [
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
