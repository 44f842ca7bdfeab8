import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconFlask, IconSearch } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { STAGE_KINDS } from '../../../electron/contract';
import { useProducts } from '../features/products/hooks/useProducts';

/** Ctrl/Cmd+K: find any product, archived ones included, by name or code. */
export function ProductSpotlight() {
  const navigate = useNavigate();
  const products = useProducts(true);
  const actions: SpotlightActionData[] = (products.data ?? []).map((p) => ({
    id: p.id,
    label: `${p.code} · ${p.name}`,
    description: `${STAGE_KINDS[p.stage]}${p.archivedAt ? ' · archived' : ''} · ${p.indication}`,
    keywords: [p.code, p.name, p.sponsor, p.indication],
    leftSection: <IconFlask size={20} />,
    onClick: () => navigate(`/products/${p.id}`),
  }));
  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K']}
      // From anywhere, inputs included (the checklist search, the "Show archived" switch).
      tagsToIgnore={[]}
      triggerOnContentEditable
      nothingFound="No product matches"
      highlightQuery
      limit={20}
      searchProps={{ leftSection: <IconSearch size={18} />, placeholder: 'Find a product by name or code…' }}
    />
  );
}
