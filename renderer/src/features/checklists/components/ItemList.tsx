import { Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { groupAt, moveFocus, pageStep, ROW_HEIGHT, sectionLabel, type FlatList } from '../lib/items';
import classes from './ChecklistItems.module.css';
import { ItemRow, type RowActions } from './ItemRow';
import { ChecklistHeader, SectionHeader } from './ListHeaders';

const isTextEntry = (el: HTMLElement) =>
  el.isContentEditable ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLInputElement && el.type !== 'checkbox') ||
  el.getAttribute('role') === 'combobox';

/**
 * The items, grouped under checklist and section headers, virtualised (only the rows in view
 * are in the DOM, so 2,000 items scroll like 20). Keyboard: ↑/↓ or j/k move the focus
 * highlight, Space selects, Enter opens the item. The focus lives here, so moving it
 * re-renders two rows and nothing else.
 */
export function ItemList({
  list,
  selected,
  focusRequest,
  actions,
}: {
  list: FlatList;
  selected: ReadonlySet<string>;
  /** Bumped by the panel to focus an item, bring it into view and focus the list (e.g. from a gate blocker). */
  focusRequest: { id: string; n: number } | null;
  actions: RowActions;
}) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const handled = useRef(0);
  const requestN = focusRequest?.n ?? 0;
  // The user's own moves win over a request they made before them.
  const [local, setLocal] = useState<{ id: string | null; after: number }>({ id: null, after: 0 });
  const focusedId = focusRequest && local.after < requestN ? focusRequest.id : local.id;
  const setFocusedId = useCallback((id: string) => setLocal({ id, after: requestN }), [requestN]);
  const { rows } = list;
  // The React Compiler is not used in this project; the virtualiser's changing functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (index) => ROW_HEIGHT[rows[index]?.kind ?? 'item'],
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
    scrollPaddingStart: ROW_HEIGHT.section,
  });

  useEffect(() => {
    if (!focusRequest || focusRequest.n === handled.current) return;
    const index = list.rowIndexById.get(focusRequest.id);
    if (index === undefined) return; // not shown yet: the filters are being cleared
    handled.current = focusRequest.n;
    virtualizer.scrollToIndex(index, { align: 'center' });
    scrollerRef.current?.scrollIntoView({ block: 'nearest' });
    scrollerRef.current?.focus({ preventScroll: true });
  }, [focusRequest, list, virtualizer]);

  const move = (delta: number) => {
    const id = moveFocus(list.items, focusedId, delta);
    if (id === null) return;
    setFocusedId(id);
    const index = list.rowIndexById.get(id);
    if (index !== undefined) virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed in a popover, modal or field of a row bubble here through React portals: leave them alone.
    if (!(e.target instanceof HTMLElement) || !e.currentTarget.contains(e.target) || isTextEntry(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
    const onList = e.target === e.currentTarget;
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        e.preventDefault();
        move(1);
        break;
      case 'ArrowUp':
      case 'k':
        e.preventDefault();
        move(-1);
        break;
      case 'PageDown':
      case 'PageUp':
        if (!onList) return;
        e.preventDefault();
        move((e.key === 'PageDown' ? 1 : -1) * pageStep(scrollerRef.current?.clientHeight));
        break;
      case 'Home':
      case 'End':
        if (!onList || list.items.length === 0) return;
        e.preventDefault();
        move(e.key === 'Home' ? -list.items.length : list.items.length);
        break;
      case ' ':
        if (!onList || focusedId === null) return;
        e.preventDefault();
        actions.onToggle(focusedId);
        break;
      case 'Enter':
        if (!onList || focusedId === null) return;
        e.preventDefault();
        actions.onOpen(focusedId);
        break;
    }
  };

  const scrollOffset = virtualizer.scrollOffset ?? 0;
  const group = scrollOffset > 0 ? groupAt(list, scrollOffset + ROW_HEIGHT.section) : null;

  return (
    <div className={classes.frame}>
      <div className={classes.inner}>
        <div className={classes.columns} aria-hidden>
          <span />
          <span>Status</span>
          <span>Item</span>
          <span>Owner</span>
          <span>Due</span>
          <span title="Linked document">Doc</span>
          <span />
        </div>
        <div
          ref={scrollerRef}
          className={classes.scroller}
          tabIndex={0}
          role="region"
          aria-label="Checklist items"
          aria-describedby="checklist-keys-help"
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            if (e.target === e.currentTarget && focusedId === null && list.items[0]) setFocusedId(list.items[0].id);
          }}
        >
          <span id="checklist-keys-help" hidden>
            Arrow keys or j and k move between items, Space selects, Enter opens the item.
          </span>
          {group?.checklist && (
            <div className={classes.sticky} aria-hidden>
              <Text span size="sm" fw={700}>
                {group.checklist.name}
              </Text>
              {group.section && (
                <Text span size="sm" c="dimmed" truncate="end">
                  › {sectionLabel(group.section.section, group.section.sectionTitle)}
                </Text>
              )}
            </div>
          )}
          <div className={classes.canvas} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => {
              const row = rows[v.index];
              if (!row) return null;
              return (
                <div key={v.key} className={classes.slot} style={{ height: v.size, transform: `translateY(${v.start}px)` }}>
                  {row.kind === 'checklist' ? (
                    <ChecklistHeader checklist={row.checklist} shown={row.shown} />
                  ) : row.kind === 'section' ? (
                    <SectionHeader row={row} selected={selected} actions={actions} />
                  ) : (
                    <ItemRow item={row.item} focused={row.item.id === focusedId} selected={selected.has(row.item.id)} actions={actions} onFocusRow={setFocusedId} />
                  )}
                </div>
              );
            })}
          </div>
          {rows.length === 0 && (
            <Text c="dimmed" ta="center" py="xl">
              No item matches the filters.
            </Text>
          )}
        </div>
      </div>
    </div>
  );
}
