import { Tooltip } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/**
 * A Mantine tooltip mounted only once the pointer or focus reaches its target. Rows of a
 * virtualised list mount and unmount constantly while scrolling; a dormant floating tooltip
 * per cell made every new row several times more expensive (and a dashboard of 50 products,
 * with six tooltips a row, took a third longer to show).
 * `block` wraps block content (a progress bar) in a div that takes the cell's width.
 */
export function HoverTip({ label, children, w, maw, block }: { label: ReactNode; children: ReactNode; w?: number; maw?: number; block?: boolean }) {
  const [armed, setArmed] = useState(false);
  const [open, setOpen] = useState(false);
  const Wrapper = block ? 'div' : 'span';
  const target = (
    <Wrapper
      style={block ? undefined : { display: 'inline-flex', alignItems: 'center', flex: 'none' }}
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
    </Wrapper>
  );
  if (!armed) return target;
  return (
    <Tooltip label={label} opened={open} multiline={w !== undefined || maw !== undefined} w={w} maw={maw} withinPortal>
      {target}
    </Tooltip>
  );
}
