import { Badge, Group } from '@mantine/core';
import { FRACTIONS, STAGE_KINDS, type Product } from '../../../../../electron/contract';

export const STAGE_COLORS: Record<Product['stage'], string> = {
  'in-vitro': 'grape',
  'in-vivo': 'violet',
  'pre-ind': 'indigo',
  ind: 'blue',
  'phase-1': 'cyan',
  'phase-2': 'teal',
  'phase-1-2': 'teal',
};

export function StageBadge({ stage }: { stage: Product['stage'] }) {
  return (
    <Badge color={STAGE_COLORS[stage]} variant="light" style={{ maxWidth: 'none', flexShrink: 0 }}>
      {STAGE_KINDS[stage]}
    </Badge>
  );
}

export function ProductBadges({ product }: { product: Product }) {
  return (
    <Group gap={6}>
      <Badge variant="outline" color="gray">
        {product.code}
      </Badge>
      <StageBadge stage={product.stage} />
      <Badge variant="dot" color="gray">
        {FRACTIONS[product.fraction]}
      </Badge>
      {product.archivedAt && (
        <Badge color="orange" variant="filled">
          Archived
        </Badge>
      )}
    </Group>
  );
}
