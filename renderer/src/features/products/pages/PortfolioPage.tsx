import { Alert, Anchor, Button, Center, Group, Loader, Paper, Stack, Switch, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFlask, IconPlus, IconDatabaseImport } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DONOR_TYPES, FRACTIONS } from '../../../../../electron/contract';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { BundleImport } from '../components/BundleImport';
import { StageBadge } from '../components/ProductBadges';
import { useLoadExamples, useProducts } from '../hooks/useProducts';

function EmptyPortfolio() {
  const navigate = useNavigate();
  const load = useLoadExamples();
  return (
    <Center py={64}>
      <Paper withBorder p="xl" radius="md" maw={560}>
        <Stack align="center" gap="md">
          <ThemeIcon size={56} radius="xl" variant="light">
            <IconFlask size={30} />
          </ThemeIcon>
          <Title order={1} size="h3">No products yet</Title>
          <Text c="dimmed" ta="center">
            Track a secretome product from in vitro work to phase II. Start with your own product, or load four example
            products modelled on the published literature to look around.
          </Text>
          <Group>
            <Button
              leftSection={<IconDatabaseImport size={18} />}
              loading={load.isPending}
              onClick={() =>
                load.mutate(undefined, {
                  onSuccess: (r) => notifySuccess(`Loaded ${r.created.length} example products`),
                  onError: (e) => notifyError('Could not load the examples', e),
                })
              }
            >
              Load example portfolio
            </Button>
            <Button variant="default" leftSection={<IconPlus size={18} />} onClick={() => navigate('/products/new')}>
              New product
            </Button>
            <BundleImport />
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}

export function PortfolioPage() {
  const [showArchived, setShowArchived] = useState(false);
  const products = useProducts(showArchived);
  const navigate = useNavigate();

  if (products.isPending) return <Loader m="xl" />;
  if (products.isError) return <Alert color="red" title="Could not read the portfolio">{products.error.message}</Alert>;
  if (products.data.length === 0 && !showArchived) return <EmptyPortfolio />;

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">Portfolio</Title>
          <Text c="dimmed" size="sm">
            {products.data.filter((p) => !p.archivedAt).length} active products
          </Text>
        </div>
        <Group>
          <Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
          <BundleImport />
          <Button leftSection={<IconPlus size={18} />} onClick={() => navigate('/products/new')}>
            New product
          </Button>
        </Group>
      </Group>
      <Paper withBorder radius="md">
        <Table highlightOnHover verticalSpacing="sm" aria-label="Products">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Product</Table.Th>
              <Table.Th>Fraction</Table.Th>
              <Table.Th>Donor</Table.Th>
              <Table.Th>Indication</Table.Th>
              <Table.Th>Stage</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.data.map((p) => (
              <Table.Tr key={p.id} style={{ cursor: 'pointer', opacity: p.archivedAt ? 0.6 : 1 }} onClick={() => navigate(`/products/${p.id}`)}>
                <Table.Td>
                  <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {p.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/products/${p.id}`} onClick={(e) => e.stopPropagation()} fw={500}>
                    {p.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {p.sponsor}
                    {p.archivedAt ? ' · archived' : ''}
                  </Text>
                </Table.Td>
                <Table.Td className="app-words">{FRACTIONS[p.fraction]}</Table.Td>
                <Table.Td className="app-words">{DONOR_TYPES[p.donorType]}</Table.Td>
                <Table.Td>{p.indication}</Table.Td>
                <Table.Td>
                  <StageBadge stage={p.stage} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
