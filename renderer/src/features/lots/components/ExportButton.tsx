import { Button } from '@mantine/core';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { useState } from 'react';
import { base64ToBytes, saveFile } from '../../../lib/files';
import { notifyError, notifySaved } from '../../../lib/notify';

/** A Word export of the lot register: rendered by the back end, then saved (desktop) or downloaded (browser). */
export function ExportButton({ label, render }: { label: string; render(): Promise<{ fileName: string; mime: string; base64: string }> }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const file = await render();
      const where = await saveFile(file.fileName, base64ToBytes(file.base64), file.mime);
      if (where) notifySaved(`${label} saved`, where);
    } catch (e) {
      notifyError(`${label} was not exported`, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" leftSection={<IconFileTypeDocx size={16} />} loading={busy} onClick={() => void run()}>
      {label}
    </Button>
  );
}
