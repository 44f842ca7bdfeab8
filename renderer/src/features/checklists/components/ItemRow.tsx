import { IconAlertTriangle, IconFileText, IconInfoCircle, IconNote, IconSelector } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { ITEM_STATUS_LABELS, type ChecklistItem, type Due, type ItemStatusId } from '../../../../../electron/contract';
import { InlineText } from '../../../components/Inline';
import { ectdLabel } from '../lib/items';
import classes from './ChecklistItems.module.css';
import { DueCell, type MilestoneOption } from './DueEditor';
import { HoverTip } from '../../../components/HoverTip';
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

/** One item: selection, status, title with guidance and tags, owner, due date, linked document, notes. */
export const ItemRow = memo(function ItemRow({
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
