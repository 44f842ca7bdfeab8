import { Alert, Button, Group, List, Loader, Paper, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconListCheck, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { ChecklistItem, ChecklistsView, Due, ItemStatusId } from '../../../../../electron/contract';
import { usePathway } from '../../pathway/hooks/usePathway';
import { useProduct } from '../../products/hooks/useProducts';
import { useChecklists, useChecklistWrite } from '../hooks/useChecklists';
import { EMPTY_FILTERS, flatten, type ItemFilters } from '../lib/items';
import { AddItemModal } from './AddItemModal';
import { BulkBar } from './BulkBar';
import type { MilestoneOption } from './DueEditor';
import { FiltersBar } from './FiltersBar';
import { ImportTemplateButton, type ImportProblem } from './ImportTemplateButton';
import { ItemDrawer } from './ItemDrawer';
import { ItemList } from './ItemList';
import type { RowActions } from './ItemRow';
import { JustificationModal } from './JustificationModal';
import { ReadinessHeader } from './ReadinessHeader';

const REGENERATE_HELP =
  'Adds the template items that now apply to the product profile and flags items that no longer apply. It never deletes or overwrites what you entered.';

function notifyGenerated(firstTime: boolean, after: ChecklistsView) {
  const r = after.regenerated;
  if (firstTime) {
    const items = after.checklists.reduce((n, c) => n + c.items.length, 0);
    notifications.show({
      color: 'teal',
      title: 'Checklists generated',
      message: `${after.checklists.length} checklist${after.checklists.length === 1 ? '' : 's'} with ${items} items fit this product.`,
      autoClose: 6000,
    });
    return;
  }
  const changed = r !== undefined && r.added + r.flagged + r.restored > 0;
  notifications.show({
    color: changed ? 'blue' : 'gray',
    title: 'Regenerated from the profile',
    message: changed
      ? `${r.added} added, ${r.flagged} flagged as no longer applying, ${r.restored} applying again. Nothing you entered was changed.`
      : 'Already up to date with the profile: nothing to add or flag.',
    autoClose: 8000,
  });
}

function ImportProblemAlert({ problem, onClose }: { problem: ImportProblem; onClose(): void }) {
  return (
    <Alert color="red" variant="light" title={`${problem.fileName} was not imported`} withCloseButton onClose={onClose} closeButtonLabel="Dismiss">
      <Text size="sm">
        {problem.issues.length > 0
          ? `Nothing was imported. The file is wrong in ${problem.issues.length === 1 ? 'one place' : `${problem.issues.length} places`}:`
          : problem.message}
      </Text>
      {problem.issues.length > 0 && (
        <List size="sm" mt="xs" spacing={2}>
          {problem.issues.map((issue, i) => (
            <List.Item key={`${issue.path}:${i}`}>
              {issue.path && (
                <Text span ff="monospace" size="sm">
                  {issue.path}
                </Text>
              )}
              {issue.path ? ': ' : ''}
              {issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

function EmptyState({ productId, editable, onProblem }: { productId: string; editable: boolean; onProblem(p: ImportProblem | null): void }) {
  const generate = useChecklistWrite('checklists.generate', 'The checklists were not generated');
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="md" maw={640} mx="auto" ta="center">
        <ThemeIcon size={48} radius="xl" variant="light">
          <IconListCheck size={28} />
        </ThemeIcon>
        <Title order={2} size="h3">No checklists yet</Title>
        <Text c="dimmed">
          Checklists are generated from templates (initial IND, CMC and characterisation, preclinical and GLP, pre-IND meeting, clinical)
          keeping only the items that fit this product profile: its secretome fraction, donor type and culture conditions. When the profile
          changes, regenerate: new items are added and items that no longer apply are flagged, never deleted.
        </Text>
        <Group>
          <Button
            leftSection={<IconListCheck size={18} />}
            disabled={!editable}
            loading={generate.isPending}
            // mutateAsync: the promise settles even though this empty state unmounts as soon as the view arrives.
            onClick={() => generate.mutateAsync({ productId }).then((view) => notifyGenerated(true, view), () => undefined)}
          >
            Generate checklists
          </Button>
          <ImportTemplateButton onProblem={onProblem} />
        </Group>
      </Stack>
    </Paper>
  );
}

/** The Checklists tab of a product: readiness, gates, and every item with its workflow. */
export function ChecklistsPanel({ productId }: { productId: string }) {
  const query = useChecklists(productId);
  const pathway = usePathway(productId);
  const product = useProduct(productId);
  const [importProblem, setImportProblem] = useState<ImportProblem | null>(null);

  // Due dates can hang off the pathway's milestones, named by their template key.
  const milestoneOptions = useMemo<MilestoneOption[]>(
    () => {
      const byKey = new Map<string, string>();
      for (const stage of pathway.data?.stages ?? []) for (const m of stage.milestones) if (m.key !== null && !byKey.has(m.key)) byKey.set(m.key, m.name);
      return [...byKey].map(([value, label]) => ({ value, label }));
    },
    [pathway.data],
  );

  if (query.isPending) return <Loader m="xl" />;
  if (query.isError)
    return (
      <Alert color="red" title="The checklists cannot be shown">
        {query.error.message}
      </Alert>
    );
  const editable = !product.data?.archivedAt;
  const view = query.data;
  return (
    <Stack gap="md">
      {importProblem && <ImportProblemAlert problem={importProblem} onClose={() => setImportProblem(null)} />}
      {view.checklists.length === 0 ? (
        <EmptyState productId={productId} editable={editable} onProblem={setImportProblem} />
      ) : (
        <Checklists view={view} editable={editable} milestones={milestoneOptions} onProblem={setImportProblem} />
      )}
    </Stack>
  );
}

function Checklists({
  view,
  editable,
  milestones,
  onProblem,
}: {
  view: ChecklistsView;
  editable: boolean;
  milestones: MilestoneOption[];
  onProblem(p: ImportProblem | null): void;
}) {
  const generate = useChecklistWrite('checklists.generate', 'The checklists were not regenerated');
  const update = useChecklistWrite('checklistItems.update');
  const [filters, setFilters] = useState<ItemFilters>(EMPTY_FILTERS);
  const deferredFilters = useDeferredValue(filters);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [drawerId, setDrawerId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ id: string; n: number } | null>(null);
  const [justifying, setJustifying] = useState<ChecklistItem | null>(null);
  const [adding, setAdding] = useState(false);

  const list = useMemo(() => flatten(view, deferredFilters), [view, deferredFilters]);
  const byId = useMemo(() => {
    const map = new Map<string, { item: ChecklistItem; checklistIndex: number }>();
    view.checklists.forEach((c, checklistIndex) => c.items.forEach((item) => map.set(item.id, { item, checklistIndex })));
    return map;
  }, [view]);
  const selectedIds = useMemo(() => [...selected].filter((id) => byId.has(id)), [selected, byId]);
  const hiddenSelected = selectedIds.filter((id) => !list.rowIndexById.has(id)).length;

  const names = useMemo(() => new Map(milestones.map((m) => [m.value, m.label])), [milestones]);
  const milestoneName = useCallback((key: string) => names.get(key) ?? key, [names]);

  const { mutate: updateItem } = update;
  const focusItem = useCallback(
    (id: string) => {
      if (!list.rowIndexById.has(id)) setFilters(EMPTY_FILTERS);
      setFocusRequest((r) => ({ id, n: (r?.n ?? 0) + 1 }));
    },
    [list],
  );
  const selectAllShown = useCallback(() => setSelected(new Set(list.items.map((i) => i.id))), [list]);
  const clearSelection = useCallback(() => setSelected(new Set()), []);
  const closeDrawer = useCallback(() => setDrawerId(null), []);

  const actions = useMemo<RowActions>(
    () => ({
      editable,
      today: view.today,
      milestones,
      milestoneName,
      onStatus: (item: ChecklistItem, status: ItemStatusId) => {
        if (status === 'not-applicable') setJustifying(item);
        else updateItem({ id: item.id, changes: { status } });
      },
      onOwner: (item: ChecklistItem, owner: string) => updateItem({ id: item.id, changes: { owner } }),
      onDue: (item: ChecklistItem, due: Due | null) => updateItem({ id: item.id, changes: { due } }),
      onOpen: setDrawerId,
      onToggle: (id: string) =>
        setSelected((s) => {
          const next = new Set(s);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        }),
      onToggleMany: (ids: string[], select: boolean) =>
        setSelected((s) => {
          const next = new Set(s);
          for (const id of ids) {
            if (select) next.add(id);
            else next.delete(id);
          }
          return next;
        }),
    }),
    [editable, view.today, milestones, milestoneName, updateItem],
  );

  const open = drawerId ? byId.get(drawerId) : undefined;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">Checklists</Title>
        <Group gap="xs">
          <Tooltip label={REGENERATE_HELP} multiline w={320} withArrow>
            <Button
              variant="light"
              leftSection={<IconRefresh size={16} />}
              disabled={!editable}
              loading={generate.isPending}
              onClick={() => generate.mutateAsync({ productId: view.productId }).then((next) => notifyGenerated(false, next), () => undefined)}
            >
              Regenerate from profile
            </Button>
          </Tooltip>
          <Button variant="default" leftSection={<IconPlus size={16} />} disabled={!editable} onClick={() => setAdding(true)}>
            Add custom item
          </Button>
          <ImportTemplateButton onProblem={onProblem} />
        </Group>
      </Group>
      <ReadinessHeader view={view} editable={editable} onFocusItem={focusItem} />
      <FiltersBar view={view} filters={filters} onChange={setFilters} shown={list.items.length} total={list.total} />
      <BulkBar
        productId={view.productId}
        selected={selectedIds}
        hiddenSelected={hiddenSelected}
        shownCount={list.items.length}
        onSelectAllShown={selectAllShown}
        onClear={clearSelection}
        editable={editable}
        milestones={milestones}
        today={view.today}
      />
      <ItemList list={list} selected={selected} focusRequest={focusRequest} actions={actions} />
      <ItemDrawer
        item={open?.item ?? null}
        checklist={open ? (view.checklists[open.checklistIndex] ?? null) : null}
        milestones={milestones}
        milestoneName={milestoneName}
        today={view.today}
        editable={editable}
        onClose={closeDrawer}
      />
      {justifying && (
        <JustificationModal
          subject={justifying.title}
          onClose={() => setJustifying(null)}
          onConfirm={(justification, reason) =>
            update.mutateAsync({ id: justifying.id, changes: { status: 'not-applicable', justification }, reason: reason || undefined })
          }
        />
      )}
      {adding && <AddItemModal view={view} onClose={() => setAdding(false)} onCreated={focusItem} />}
    </Stack>
  );
}
