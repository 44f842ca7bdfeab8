import { Button, FileButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useRef } from 'react';
import { ApiError } from '../../../lib/api';
import { useImportChecklistTemplate } from '../hooks/useChecklists';

export interface ImportProblem {
  fileName: string;
  message: string;
  issues: { path: string; message: string }[];
}

/**
 * Picks a .json template, reads its text here in the renderer and hands it to the back end,
 * which validates it whole (nothing is imported on error) and says where the file is wrong.
 */
export function ImportTemplateButton({ onProblem, variant = 'default' }: { onProblem(problem: ImportProblem | null): void; variant?: 'default' | 'light' }) {
  const importTemplate = useImportChecklistTemplate();
  // Lets the same file be picked again after it was fixed.
  const resetRef = useRef<() => void>(null);
  const pick = async (file: File | null) => {
    if (!file) return;
    resetRef.current?.();
    onProblem(null);
    let content: string;
    try {
      content = await file.text();
    } catch (error) {
      onProblem({ fileName: file.name, message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`, issues: [] });
      return;
    }
    try {
      const t = await importTemplate.mutateAsync({ fileName: file.name, content });
      notifications.show({
        color: 'teal',
        title: 'Template imported',
        message: `Imported ${t.name} (${t.itemCount} items). Regenerate to add its applicable items.`,
        autoClose: 8000,
      });
    } catch (error) {
      onProblem({
        fileName: file.name,
        message: error instanceof Error ? error.message : String(error),
        issues: error instanceof ApiError ? error.issues.filter((i) => i.message !== error.message) : [],
      });
    }
  };
  return (
    <FileButton resetRef={resetRef} onChange={(file) => void pick(file)} accept="application/json,.json">
      {(props) => (
        <Button {...props} variant={variant} leftSection={<IconFileImport size={16} />} loading={importTemplate.isPending}>
          Import template
        </Button>
      )}
    </FileButton>
  );
}
