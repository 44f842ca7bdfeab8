import { IconCircleCheckFilled, IconCircleDashed, IconCircleHalf2, IconFlag3Filled } from '@tabler/icons-react';
import { memo } from 'react';
import { ROW_HEIGHT, type TimelineRow } from '../lib/timelineTypes';
import classes from './Timeline.module.css';
import { C } from './timelineColours';

function StatusIcon({ row }: { row: TimelineRow }) {
  if (row.status === 'done') return <IconCircleCheckFilled size={14} className={classes.icon} color={C.done} aria-label="Done" />;
  if (row.status === 'in-progress') return <IconCircleHalf2 size={14} className={classes.icon} color={row.critical ? C.critical : C.forecast} aria-label="In progress" />;
  return <IconCircleDashed size={14} className={classes.icon} color={row.critical ? C.critical : C.dimmed} aria-label="Not started" />;
}

/** One memoised row, so a selection change re-renders two rows, not the whole column. */
export const NameRow = memo(function NameRow({ row, selected, clickable }: { row: TimelineRow; selected: boolean; clickable: boolean }) {
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
