import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileExport, IconFileTypeDocx, IconPackageExport } from '@tabler/icons-react';
import { useState } from 'react';
import { EXPORT_KINDS, type Product } from '../../../../../electron/contract';
import { api } from '../../../lib/api';
import { saveFile } from '../../../lib/files';
import { notifyError, notifySaved } from '../../../lib/notify';
import { ExportDialog, type ExportKind } from './ExportDialog';

/** Exports of one product: the Word documents and the sharing bundle. */
export function ShareMenu({ product }: { product: Product }) {
  const [busy, setBusy] = useState(false);
  const [word, setWord] = useState<ExportKind | null>(null);
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
    <>
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconFileExport size={18} />} rightSection={<IconChevronDown size={14} />} loading={busy}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Word documents and spreadsheets</Menu.Label>
        {(Object.keys(EXPORT_KINDS) as ExportKind[]).map((kind) => (
          <Menu.Item key={kind} leftSection={<IconFileTypeDocx size={16} />} onClick={() => setWord(kind)}>
            {EXPORT_KINDS[kind]}…
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>Share with a colleague</Menu.Label>
        <Menu.Item leftSection={<IconPackageExport size={16} />} onClick={exportBundle}>
          Sharing bundle (.rptbundle)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
    {word && <ExportDialog product={product} kind={word} onClose={() => setWord(null)} />}
    </>
  );
}
