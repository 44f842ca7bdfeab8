import { Button, Menu, Text } from '@mantine/core';
import { IconGitBranch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { PathwayView } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { usePathwayWrite } from '../hooks/usePathway';

/**
 * Branches of the template not yet in the pathway: the optional ones (INTERACT meeting, clinical
 * hold), and those that apply to the product but came after its pathway was set up (cell banks).
 */
export function AddBranchMenu({ view }: { view: PathwayView }) {
  const branches = useQuery({ queryKey: ['pathway-branches', view.product.id, view.stages.length, view.dependencies.length], queryFn: () => api.pathway.branches({ productId: view.product.id }) });
  const add = usePathwayWrite('pathway.addBranch', 'The branch was not added');
  const optional = (branches.data ?? []).filter((b) => b.applies && !b.added);
  if (optional.length === 0) return null;
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" leftSection={<IconGitBranch size={16} />} loading={add.isPending}>
          Add branch…
        </Button>
      </Menu.Target>
      <Menu.Dropdown maw={380}>
        {optional.map((b) => (
          <Menu.Item key={b.id} onClick={() => add.mutate({ productId: view.product.id, branchId: b.id })}>
            <Text size="sm" fw={500}>
              {b.name}
            </Text>
            <Text size="xs" c="dimmed">
              {b.description}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
