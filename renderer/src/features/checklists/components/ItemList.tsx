import { Group, Progress, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileText, IconInfoCircle, IconNote, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ITEM_STATUS_LABELS, type Checklist, type ChecklistItem, type Due, type ItemStatusId } from '../../../../../electron/contract';
import { InlineText } from '../../../components/Inline';
import { ectdLabel, groupAt, ROW_HEIGHT, sectionLabel, type FlatList, type Row } from '../lib/items';
import classes from './ChecklistItems.module.css';
import { DueCell, type MilestoneOption } from './DueEditor';
import { HoverTip } from './HoverTip';
import { StatusDot, StatusSelect } from './status';

export interface RowActions {
  editable: boolean;
  today: string;
  milestones: MilestoneOption[];
  milestoneName(key: string): string;
  onStatus(item: ChecklistItem, status: ItemStatusId): void;
  onOwner(item: ChecklistItem, owner: string): void;
  onDue(item: ChecklistItem, due: Due | null): void;
  onOpen(id: string): void;
  onToggle(id: string): void;
  onToggleMany(ids: string[], select: boolean): void;
}

const OPEN_KEYS = new Set(['Enter', ' ', 'ArrowDown', 'ArrowUp']);

/**
 * Reads like the compact Mantine Select and is swapped for the real one (opened, focused) on
 * click or key: a Select per row is what made scrolling 2,000 rows stutter.
 */
function StatusCell({ item, editable, onPick }: { item: ChecklistItem; editable: boolean; onPick(status: ItemStatusId): void }) {
  const [active, setActive] = useState(false);
  if (active)
    return (
      <StatusSelect
        size="xs"
        aria-label="Status"
        value={item.status}
        autoFocus
        defaultDropdownOpened
        onDropdownClose={() => setActive(false)}
        onPick={(status) => {
          setActive(false);
          onPick(status);
        }}
        comboboxProps={{ width: 170, position: 'bottom-start' }}
      />
    );
  return (
    <div className={classes.statusWrap}>
      <input
        readOnly
        role="combobox"
        aria-label="Status"
        aria-haspopup="listbox"
        aria-expanded={false}
        className={classes.statusTrigger}
        value={ITEM_STATUS_LABELS[item.status]}
        disabled={!editable}
        onClick={() => setActive(true)}
        onKeyDown={(e) => {
          if (!OPEN_KEYS.has(e.key)) return;
          e.preventDefault();
          e.stopPropagation();
          setActive(true);
        }}
      />
      <span className={classes.statusDot}>
        <StatusDot status={item.status} />
      </span>
      <IconSelector size={14} className={classes.statusChevron} aria-hidden />
    </div>
  );
}

const ItemRow = memo(function ItemRow({
  item,
  focused,
  selected,
  actions,
  onFocusRow,
}: {
  item: ChecklistItem;
  focused: boolean;
  selected: boolean;
  actions: RowActions;
  onFocusRow(id: string): void;
}) {
  const { editable } = actions;
  return (
    <div
      role="group"
      aria-label={item.title}
      data-item-id={item.id}
      data-focused={focused || undefined}
      data-selected={selected || undefined}
      data-inapplicable={!item.applicable || undefined}
      className={classes.row}
      onClick={() => onFocusRow(item.id)}
    >
      <input type="checkbox" className={classes.check} aria-label={`Select ${item.title}`} checked={selected} onChange={() => actions.onToggle(item.id)} />
      <StatusCell item={item} editable={editable} onPick={(status) => actions.onStatus(item, status)} />
      <div className={classes.cell}>
        <div className={`${classes.titleLine} ${classes.muted}`}>
          <button type="button" className={classes.titleButton} onClick={() => actions.onOpen(item.id)}>
            {item.title}
          </button>
          {item.guidance && (
            <HoverTip label={item.guidance} w={420}>
              <IconInfoCircle size={15} className={classes.guidanceIcon} aria-label={`Guidance: ${item.guidance}`} role="img" />
            </HoverTip>
          )}
        </div>
        <div className={classes.meta}>
          {!item.applicable && (
            <HoverTip label={item.appliesWhen ? `The profile changed; this item applies ${item.appliesWhen}` : 'The profile changed and this item no longer applies'} w={320}>
              <span className={classes.tag} data-tone="flagged">
                no longer applies
              </span>
            </HoverTip>
          )}
          <span className={classes.tag} data-tone={item.required ? 'required' : 'optional'}>
            {item.required ? 'Required' : 'Optional'}
          </span>
          {item.ectdModule && (
            <span className={classes.tag} data-tone="ectd" title={`eCTD Module ${item.ectdModule}`}>
              eCTD {ectdLabel(item.ectdModule)}
            </span>
          )}
          {item.templateItemId === null && (
            <span className={classes.tag} data-tone="custom">
              custom
            </span>
          )}
          {item.citation && (
            <span className={`${classes.citation} ${classes.muted}`} title={item.citation}>
              {item.citation}
            </span>
          )}
        </div>
      </div>
      <div className={classes.cell}>
        <InlineText label={`Owner of ${item.title}`} value={item.owner} onSave={(owner) => actions.onOwner(item, owner)} disabled={!editable} placeholder="Owner" />
      </div>
      <div className={classes.cell}>
        <DueCell item={item} milestones={actions.milestones} milestoneName={actions.milestoneName} today={actions.today} disabled={!editable} onSave={(due) => actions.onDue(item, due)} />
      </div>
      <div>
        {item.documentPath ? (
          <HoverTip label={item.documentExists === false ? `File not found: ${item.documentPath}` : item.documentPath} maw={420}>
            <button
              type="button"
              className={classes.iconButton}
              onClick={() => actions.onOpen(item.id)}
              aria-label={item.documentExists === false ? `Linked document missing: ${item.documentPath}` : `Linked document: ${item.documentPath}`}
            >
              {item.documentExists === false ? (
                <IconAlertTriangle size={18} color="var(--mantine-color-orange-filled)" />
              ) : (
                <IconFileText size={18} color="var(--mantine-color-blue-filled)" />
              )}
            </button>
          </HoverTip>
        ) : (
          <span className={classes.none}>—</span>
        )}
      </div>
      <div>
        {item.notes && (
          <HoverTip label={item.notes} w={320}>
            <IconNote size={16} aria-label={`Notes: ${item.notes}`} role="img" className={classes.notesIcon} />
          </HoverTip>
        )}
      </div>
    </div>
  );
});

function ChecklistHeader({ checklist, shown }: { checklist: Checklist; shown: number }) {
  const s = checklist.summary;
  return (
    <div className={classes.checklistHeader}>
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Text fw={700} size="sm" truncate="end">
          {checklist.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {shown === checklist.items.length ? `${shown} items` : `${shown} of ${checklist.items.length} items shown`}
        </Text>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {s.done}/{s.total} done
        </Text>
        <Progress value={s.percent} w={90} size="sm" color={s.percent === 100 ? 'teal' : 'indigo'} aria-hidden />
      </Group>
    </div>
  );
}

function SectionHeader({ row, selected, actions }: { row: Extract<Row, { kind: 'section' }>; selected: ReadonlySet<string>; actions: RowActions }) {
  const count = row.itemIds.filter((id) => selected.has(id)).length;
  const label = sectionLabel(row.section, row.sectionTitle);
  return (
    <div className={classes.sectionHeader}>
      <input
        type="checkbox"
        className={classes.check}
        aria-label={`Select the items shown in ${label}`}
        checked={count > 0 && count === row.itemIds.length}
        ref={(el) => {
          if (el) el.indeterminate = count > 0 && count < row.itemIds.length;
        }}
        onChange={() => actions.onToggleMany(row.itemIds, count < row.itemIds.length)}
      />
      <Text span size="sm" fw={600} truncate="end" title={label}>
        {label}
      </Text>
      <Text span size="xs" c="dimmed" fw={400}>
        {row.itemIds.length}
      </Text>
    </div>
  );
}

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
    if (list.items.length === 0) return;
    const current = focusedId === null ? -1 : list.items.findIndex((i) => i.id === focusedId);
    const next = current === -1 ? (delta > 0 ? 0 : list.items.length - 1) : Math.min(list.items.length - 1, Math.max(0, current + delta));
    const item = list.items[next];
    if (!item) return;
    setFocusedId(item.id);
    const index = list.rowIndexById.get(item.id);
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
        move((e.key === 'PageDown' ? 1 : -1) * Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? 600) / ROW_HEIGHT.item) - 1));
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
