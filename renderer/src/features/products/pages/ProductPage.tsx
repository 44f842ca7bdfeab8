import { Alert, Anchor, Breadcrumbs, Button, Group, Loader, Modal, Paper, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconChecklist, IconClock, IconFlask, IconGitCompare, IconEdit, IconHistory, IconId, IconRoute, IconTimeline } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { DONOR_TYPES, DOSE_UNITS, FRACTIONS, OXYGEN, PRODUCING_CELLS, ROUTE_CATEGORIES, SOURCE_KINDS, STAGE_KINDS, TRIAL_PHASES, toProfile, type Product, type ProductProfile } from '../../../../../electron/contract';
import { AuditTable } from '../../audit/components/AuditTable';
import { BaselinesCard } from '../../pathway/components/BaselinesCard';
import { ClocksPanel } from '../../pathway/components/ClocksPanel';
import { PathwayHeader } from '../../pathway/components/PathwayHeader';
import { PathwaySetup } from '../../pathway/components/PathwaySetup';
import { PathwayTable } from '../../pathway/components/PathwayTable';
import { Timeline } from '../../pathway/components/Timeline';
import { usePathway } from '../../pathway/hooks/usePathway';
import { ChecklistsPanel } from '../../checklists/components/ChecklistsPanel';
import { PlanningPanel } from '../../planning/components/PlanningPanel';
import { LotsPanel } from '../../lots/components/LotsPanel';
import { useChecklists } from '../../checklists/hooks/useChecklists';
import { formatInstant } from '../../../lib/format';
import { notifyError, notifySuccess, notifyUnlessFieldErrors } from '../../../lib/notify';
import { ProductBadges } from '../components/ProductBadges';
import { ShareMenu } from '../components/ShareMenu';
import { ProductForm } from '../components/ProductForm';
import { useArchiveProduct, useProduct, useProductAudit, useUpdateProduct } from '../hooks/useProducts';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{children === '' || children === null ? <Text span c="dimmed">Not set</Text> : children}</Text>
    </div>
  );
}

function ProfileView({ product }: { product: Product }) {
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
        <Field label="Sponsor">{product.sponsor}</Field>
        <Field label="IND number">{product.indNumber}</Field>
        <Field label="Current stage">{STAGE_KINDS[product.stage]}</Field>
        <Field label="Source cell">{product.sourceCell}</Field>
        <Field label="Source tissue">{product.sourceTissue}</Field>
        <Field label="Donor type">{DONOR_TYPES[product.donorType]}</Field>
        <Field label="Secretome fraction">{FRACTIONS[product.fraction]}</Field>
        <Field label="Source kind">{SOURCE_KINDS[product.sourceKind]}</Field>
        <Field label="Producing cell type">{PRODUCING_CELLS[product.producingCell]}</Field>
        {/* Culture conditions say nothing about a biofluid or tissue used as collected. */}
        {product.sourceKind === 'cell-culture' && (
          <>
            <Field label="Culture">
              {OXYGEN[product.oxygen]}
              {product.serumFree ? ', serum-free medium' : ', serum-containing medium'}
            </Field>
            <Field label="Passage window">{product.passageWindow}</Field>
          </>
        )}
        <Field label="Indication">{product.indication}</Field>
        <Field label="Route">{product.route}</Field>
        <Field label="Route category">{ROUTE_CATEGORIES[product.routeCategory]}</Field>
        <Field label="Dose basis">
          {DOSE_UNITS[product.doseUnit]}
          {product.doseBasis ? ` (${product.doseBasis})` : ''}
        </Field>
        <Field label="First trial design">{TRIAL_PHASES[product.trialPhase]}</Field>
        <Field label="Subpart E / accelerated approval">{product.subpartE ? 'Yes' : 'No'}</Field>
      </SimpleGrid>
      <Field label="Notes">{product.notes}</Field>
      <Text size="xs" c="dimmed">
        Created {formatInstant(product.createdAt)} · last changed {formatInstant(product.updatedAt)}
        {product.archivedAt ? ` · archived ${formatInstant(product.archivedAt)}` : ''}
      </Text>
    </Stack>
  );
}

function changedFields(before: Product, after: ProductProfile): Partial<ProductProfile> {
  const changes: Partial<ProductProfile> = {};
  for (const key of Object.keys(after) as (keyof ProductProfile)[]) {
    if (after[key] !== before[key]) Object.assign(changes, { [key]: after[key] });
  }
  return changes;
}

function ArchiveButton({ product }: { product: Product }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const archive = useArchiveProduct();
  const archiving = !product.archivedAt;
  const confirm = () =>
    archive.mutate(
      { id: product.id, archive: archiving, reason: reason || undefined },
      {
        onSuccess: (p) => {
          notifySuccess(archiving ? `Archived ${p.code}` : `Restored ${p.code}`);
          setOpen(false);
          setReason('');
        },
        onError: (e) => notifyError(archiving ? 'Not archived' : 'Not restored', e),
      },
    );
  return (
    <>
      <Button
        variant="default"
        leftSection={archiving ? <IconArchive size={18} /> : <IconArchiveOff size={18} />}
        onClick={() => setOpen(true)}
      >
        {archiving ? 'Archive' : 'Restore'}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={archiving ? `Archive ${product.code}?` : `Restore ${product.code}?`}>
        <Stack>
          <Text size="sm">
            {archiving
              ? 'The product leaves the active portfolio. Nothing is deleted; you can restore it at any time.'
              : 'The product returns to the active portfolio.'}
          </Text>
          <TextInput label="Reason (kept in the audit trail)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button color={archiving ? 'orange' : 'blue'} loading={archive.isPending} onClick={confirm}>
              {archiving ? 'Archive' : 'Restore'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function ProductPage() {
  const { id = '' } = useParams();
  const product = useProduct(id);
  const audit = useProductAudit(id);
  const update = useUpdateProduct();
  const pathway = usePathway(id);
  const checklists = useChecklists(id);
  const [editing, setEditing] = useState(false);
  // The tab lives in the URL, so a reload or the back button returns to it.
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'pathway';
  const setTab = (next: string | null) => setSearch(next && next !== 'pathway' ? { tab: next } : {}, { replace: true });

  if (product.isPending || pathway.isPending) return <Loader m="xl" />;
  if (product.isError)
    return (
      <Alert color="red" title="This product cannot be shown">
        {product.error.message} <Anchor component={Link} to="/">Back to the portfolio</Anchor>
      </Alert>
    );
  const p = product.data;
  const view = pathway.data;
  const hasPathway = !!view && view.stages.length > 0;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/">
          Portfolio
        </Anchor>
        <Text>{p.code}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={1} size="h2">{p.name}</Title>
          <ProductBadges product={p} />
        </Stack>
        <Group>
          {!editing && !p.archivedAt && (
            <Button leftSection={<IconEdit size={18} />} onClick={() => { setEditing(true); setTab('profile'); }}>
              Edit profile
            </Button>
          )}
          <ShareMenu product={p} />
          <ArchiveButton product={p} />
        </Group>
      </Group>
      {p.archivedAt && (
        <Alert color="orange" variant="light">
          This product is archived. Restore it to edit it.
        </Alert>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="pathway" leftSection={<IconRoute size={16} />}>
            Pathway
          </Tabs.Tab>
          <Tabs.Tab value="timeline" leftSection={<IconTimeline size={16} />} disabled={!hasPathway}>
            Timeline
          </Tabs.Tab>
          <Tabs.Tab value="planning" leftSection={<IconGitCompare size={16} />} disabled={!hasPathway}>
            Planning
          </Tabs.Tab>
          <Tabs.Tab value="clocks" leftSection={<IconClock size={16} />}>
            Clocks{view && view.triggers.length > 0 ? ` (${view.triggers.length})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="checklists" leftSection={<IconChecklist size={16} />}>
            Checklists{checklists.data && checklists.data.summary.total > 0 ? ` (${checklists.data.summary.percent}%)` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="lots" leftSection={<IconFlask size={16} />}>
            Lots
          </Tabs.Tab>
          <Tabs.Tab value="profile" leftSection={<IconId size={16} />}>
            Profile
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            History
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pathway" pt="md">
          {pathway.isError ? (
            <Alert color="red">{pathway.error.message}</Alert>
          ) : view && hasPathway ? (
            <Stack>
              <PathwayHeader view={view} />
              <BaselinesCard view={view} />
              <PathwayTable view={view} gates={checklists.data?.gates} />
            </Stack>
          ) : p.archivedAt ? (
            <Alert variant="light">This archived product has no pathway.</Alert>
          ) : (
            view && <PathwaySetup productId={p.id} today={view.today} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          {view && hasPathway && (
            <Paper withBorder p="md" radius="md">
              <Timeline view={view} />
            </Paper>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="planning" pt="md">
          {hasPathway && <PlanningPanel productId={p.id} />}
        </Tabs.Panel>
        <Tabs.Panel value="clocks" pt="md">
          {view && <ClocksPanel view={view} />}
        </Tabs.Panel>
        <Tabs.Panel value="checklists" pt="md">
          <ChecklistsPanel productId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="lots" pt="md">
          <LotsPanel productId={p.id} fraction={p.fraction} />
        </Tabs.Panel>
        <Tabs.Panel value="profile" pt="md">
          <Paper withBorder p="lg" radius="md">
            {editing ? (
              <ProductForm
                initial={toProfile(p)}
                submitLabel="Save changes"
                askReason
                stageFollowsPathway={hasPathway}
                onCancel={() => setEditing(false)}
                onSubmit={async (values, reason) => {
                  const changes = changedFields(p, values);
                  if (Object.keys(changes).length === 0) {
                    setEditing(false);
                    return;
                  }
                  try {
                    await update.mutateAsync({ id: p.id, changes, reason: reason || undefined });
                    notifySuccess(`Saved ${Object.keys(changes).length} change(s) to ${values.code.toUpperCase()}`);
                    setEditing(false);
                  } catch (error) {
                    notifyUnlessFieldErrors('The changes were not saved', error);
                    throw error;
                  }
                }}
              />
            ) : (
              <ProfileView product={p} />
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <Paper withBorder p="md" radius="md">
            {audit.isPending ? <Loader /> : audit.isError ? <Alert color="red">{audit.error.message}</Alert> : <AuditTable items={audit.data} />}
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
