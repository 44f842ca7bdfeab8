import { memo } from 'react';
import { Button, Checkbox, CloseButton, Group, MultiSelect, Select, Text, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { STAGE_KINDS, type ChecklistsView, type ItemStatusId } from '../../../../../electron/contract';
import { isFiltering, NO_OWNER, ownersOf, STATUS_OPTIONS, stagesOf, EMPTY_FILTERS, type ItemFilters, type StageKindId } from '../lib/items';

export const FiltersBar = memo(function FiltersBar({
  view,
  filters,
  onChange,
  shown,
  total,
}: {
  view: ChecklistsView;
  filters: ItemFilters;
  onChange(next: ItemFilters): void;
  shown: number;
  total: number;
}) {
  const set = (patch: Partial<ItemFilters>) => onChange({ ...filters, ...patch });
  const owners = ownersOf(view);
  return (
    <Group gap="sm" align="center" role="search" aria-label="Filter checklist items">
      <TextInput
        aria-label="Search"
        placeholder="Search title, guidance, section, citation"
        w={300}
        leftSection={<IconSearch size={16} />}
        value={filters.search}
        onChange={(e) => set({ search: e.currentTarget.value })}
        rightSection={filters.search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => set({ search: '' })} /> : undefined}
      />
      <MultiSelect<ItemStatusId>
        aria-label="Status"
        placeholder={filters.statuses.length ? undefined : 'Any status'}
        w={230}
        data={STATUS_OPTIONS}
        value={filters.statuses}
        onChange={(statuses) => set({ statuses })}
        clearable
      />
      <Select
        aria-label="Checklist"
        placeholder="Any checklist"
        w={190}
        clearable
        data={view.checklists.map((c) => ({ value: c.id, label: c.name }))}
        value={filters.checklistId}
        onChange={(checklistId) => set({ checklistId })}
      />
      <Select<StageKindId>
        aria-label="Stage"
        placeholder="Any stage"
        w={150}
        clearable
        data={stagesOf(view).map((s) => ({ value: s, label: STAGE_KINDS[s] }))}
        value={filters.stage}
        onChange={(stage) => set({ stage })}
      />
      <Select
        aria-label="Owner"
        placeholder="Any owner"
        w={150}
        clearable
        searchable
        data={[{ value: NO_OWNER, label: 'Nobody yet' }, ...owners.map((o) => ({ value: o, label: o }))]}
        value={filters.owner}
        onChange={(owner) => set({ owner })}
      />
      <Group gap="md">
        <Checkbox label="Overdue only" checked={filters.overdueOnly} onChange={(e) => set({ overdueOnly: e.currentTarget.checked })} />
        <Checkbox label="Required only" checked={filters.requiredOnly} onChange={(e) => set({ requiredOnly: e.currentTarget.checked })} />
      </Group>
      <Group gap="xs" ml="auto">
        <Text size="sm" c="dimmed" aria-live="polite">
          {shown} of {total} items
        </Text>
        {isFiltering(filters) && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconFilterOff size={14} />} onClick={() => onChange(EMPTY_FILTERS)}>
            Clear filters
          </Button>
        )}
      </Group>
    </Group>
  );
});
