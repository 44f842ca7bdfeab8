import { Alert, Button, Group } from '@mantine/core';

/** The end of a dialog form run by useFormSubmit: its form-level refusal, then Cancel and the submit button. */
export function FormFooter({ error, busy, submitLabel, onCancel }: { error: string | undefined; busy: boolean; submitLabel: string; onCancel(): void }) {
  return (
    <>
      {error && (
        <Alert color="red" variant="light">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
