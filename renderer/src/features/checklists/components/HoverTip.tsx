import { Tooltip } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/**
 * A Mantine tooltip mounted only once the pointer or focus reaches its target. Rows of a
 * virtualised list mount and unmount constantly while scrolling; a dormant floating tooltip
 * per cell made every new row several times more expensive.
 */
export function HoverTip({ label, children, w, maw }: { label: ReactNode; children: ReactNode; w?: number; maw?: number }) {
  const [armed, setArmed] = useState(false);
  const [open, setOpen] = useState(false);
  const target = (
    <span
      style={{ display: 'inline-flex', alignItems: 'center', flex: 'none' }}
      onMouseEnter={() => {
        setArmed(true);
        setOpen(true);
      }}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => {
        setArmed(true);
        setOpen(true);
      }}
      onBlur={() => setOpen(false)}
    >
      {children}
    </span>
  );
  if (!armed) return target;
  return (
    <Tooltip label={label} opened={open} multiline={w !== undefined || maw !== undefined} w={w} maw={maw} withinPortal>
      {target}
    </Tooltip>
  );
}
