import { Button, Group, NumberInput, Popover, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useState, type ReactNode } from 'react';

/**
 * Click-to-edit cells for dense tables: the value reads as text until clicked; Enter or
 * leaving the field saves, Escape cancels. `onSave` runs only when the value changed.
 * The button's name is "<label>: <value>", so it contains the text a sighted user sees
 * (WCAG 2.5.3, label in name) and still says what the value is.
 */
const nameOf = (label: string, shown: string) => (shown ? `${label}: ${shown}` : `${label}: not set`);

function Display({ label, shown, children, onOpen, disabled }: { label: string; shown: string; children: ReactNode; onOpen(): void; disabled?: boolean }) {
  if (disabled) return <>{children}</>;
  return (
    <UnstyledButton onClick={onOpen} aria-label={nameOf(label, shown)} title="Click to edit" style={{ borderBottom: '1px dashed var(--mantine-color-default-border)', minWidth: 24 }}>
      {children}
    </UnstyledButton>
  );
}

const empty = <Text span c="dimmed" size="sm">—</Text>;

interface InlineProps<T> {
  label: string;
  value: T;
  onSave(value: T): void;
  disabled?: boolean;
}

export function InlineText({ label, value, onSave, disabled, placeholder }: InlineProps<string> & { placeholder?: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  if (!editing)
    return (
      <Display label={label} shown={value} disabled={disabled} onOpen={() => { setDraft(value); setEditing(true); }}>
        {value ? <Text span size="sm">{value}</Text> : empty}
      </Display>
    );
  const commit = () => {
    setEditing(false);
    if (draft.trim() !== value) onSave(draft.trim());
  };
  return (
    <TextInput
      size="xs"
      autoFocus
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setEditing(false);
      }}
    />
  );
}

export function InlineNumber({ label, value, onSave, disabled, suffix }: InlineProps<number> & { suffix?: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<number | string>(value);
  if (!editing)
    return (
      <Display label={label} shown={`${value}${suffix ?? ''}`} disabled={disabled} onOpen={() => { setDraft(value); setEditing(true); }}>
        <Text span size="sm">{value}{suffix}</Text>
      </Display>
    );
  const commit = () => {
    setEditing(false);
    const n = typeof draft === 'number' ? draft : Number(draft);
    if (Number.isInteger(n) && n !== value) onSave(n);
  };
  return (
    <NumberInput
      size="xs"
      w={90}
      autoFocus
      aria-label={label}
      min={0}
      allowDecimal={false}
      value={draft}
      onChange={setDraft}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setEditing(false);
      }}
    />
  );
}

export function InlineDate({ label, value, onSave, disabled, today }: InlineProps<string | null> & { today: string }) {
  const [opened, setOpened] = useState(false);
  const save = (next: string | null) => {
    setOpened(false);
    if (next !== value) onSave(next);
  };
  if (disabled) return value ? <Text span size="sm" ff="monospace">{value}</Text> : empty;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <UnstyledButton
          onClick={() => setOpened((o) => !o)}
          aria-label={nameOf(label, value ?? '')}
          title="Click to pick a date"
          style={{ borderBottom: '1px dashed var(--mantine-color-default-border)', minWidth: 24 }}
        >
          {value ? <Text span size="sm" ff="monospace">{value}</Text> : empty}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <DatePicker value={value} defaultDate={value ?? today} onChange={(d) => save(d)} size="sm" />
          <Group justify="space-between">
            <Button size="compact-xs" variant="light" onClick={() => save(today)}>
              Today
            </Button>
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => save(null)} disabled={!value}>
              Clear
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
