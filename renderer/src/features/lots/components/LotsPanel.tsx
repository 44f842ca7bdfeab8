import { Alert, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useLots } from '../hooks/useLots';
import { ComparabilityPanel } from './ComparabilityPanel';
import { ImportPanel } from './ImportPanel';
import { LotDetail } from './LotDetail';
import { LotList } from './LotList';
import { SpecEditor } from './SpecEditor';
import { TrendsPanel } from './TrendsPanel';

type Section = 'lots' | 'specification' | 'import' | 'trends' | 'comparability';

/** The product's "Lots" tab: the lot register, a lot's results, and the specification. */
export function LotsPanel({ productId, fraction }: { productId: string; fraction: string }) {
  const lots = useLots(productId);
  const [section, setSection] = useState<Section>('lots');
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack>
      <SegmentedControl
        aria-label="Lots section"
        value={section}
        onChange={(v) => { setSection(v as Section); setOpen(null); }}
        data={[
          { value: 'lots', label: 'Lots' },
          { value: 'specification', label: 'Specification' },
          { value: 'import', label: 'Import' },
          { value: 'trends', label: 'Trends' },
          { value: 'comparability', label: 'Comparability' },
        ]}
        w="fit-content"
      />
      <Paper withBorder p="md" radius="md">
        {section === 'trends' ? (
          <TrendsPanel productId={productId} />
        ) : section === 'comparability' ? (
          <ComparabilityPanel productId={productId} />
        ) : section === 'import' ? (
          <ImportPanel productId={productId} />
        ) : section === 'specification' ? (
          <SpecEditor productId={productId} fraction={fraction} />
        ) : open ? (
          <LotDetail lotId={open} onBack={() => setOpen(null)} />
        ) : lots.isPending ? (
          <Text>Loading…</Text>
        ) : lots.isError ? (
          <Alert color="red">{lots.error.message}</Alert>
        ) : (
          <LotList productId={productId} view={lots.data} onOpen={setOpen} />
        )}
      </Paper>
    </Stack>
  );
}
