import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileExport, IconPackageExport } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { Product } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { saveFile } from '../../../lib/files';
import { notifyError, notifySaved } from '../../../lib/notify';

/** Exports of one product: the sharing bundle here, and whatever export items are passed in. */
export function ShareMenu({ product, children }: { product: Product; children?: ReactNode }) {
  const [busy, setBusy] = useState(false);
  const exportBundle = async () => {
    setBusy(true);
    try {
      const file = await api.bundles.export({ productId: product.id });
      const where = await saveFile(file.fileName, new TextEncoder().encode(file.content), 'application/json');
      if (where) notifySaved('Sharing bundle saved', where);
    } catch (error) {
      notifyError('The bundle was not exported', error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconFileExport size={18} />} rightSection={<IconChevronDown size={14} />} loading={busy}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {children}
        <Menu.Label>Share with a colleague</Menu.Label>
        <Menu.Item leftSection={<IconPackageExport size={16} />} onClick={exportBundle}>
          Sharing bundle (.rptbundle)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
