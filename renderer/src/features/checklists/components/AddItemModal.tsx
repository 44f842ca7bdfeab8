import { Alert, Autocomplete, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { STAGE_KINDS, type ChecklistsView } from '../../../../../electron/contract';
import { fieldErrors, notifySuccess } from '../../../lib/notify';
import { useChecklistWrite } from '../hooks/useChecklists';
import type { StageKindId } from '../lib/items';

/** A custom item (not from a template): the organisation's own requirement. It can be removed later. */
export function AddItemModal({ view, onClose, onCreated }: { view: ChecklistsView; onClose(): void; onCreated(id: string): void }) {
  const create = useChecklistWrite('checklistItems.create', 'The item was not added');
  const [checklistId, setChecklistId] = useState<string | null>(view.checklists[0]?.id ?? null);
  const checklist = view.checklists.find((c) => c.id === checklistId) ?? null;
  const sections = new Map<string, string>();
  for (const item of checklist?.items ?? []) if (!sections.has(item.section)) sections.set(item.section, item.sectionTitle);
  const [section, setSection] = useState('');
  const [sectionTitle, setSectionTitle] = useState('');
  const [title, setTitle] = useState('');
  const [guidance, setGuidance] = useState('');
  const [citation, setCitation] = useState('');
  const [required, setRequired] = useState(true);
  const [stage, setStage] = useState<StageKindId | null>(checklist?.items[0]?.stage ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const known = new Set(['checklistId', 'section', 'sectionTitle', 'title', 'guidance', 'citation', 'required', 'stage']);
  const other = Object.entries(errors).filter(([path]) => !known.has(path));

  const submit = () => {
    if (!checklistId || !stage) return;
    setErrors({});
    const before = new Set(view.checklists.flatMap((c) => c.items.map((i) => i.id)));
    create
      .mutateAsync({ checklistId, section: section.trim(), sectionTitle: sectionTitle.trim(), title: title.trim(), guidance: guidance.trim(), citation: citation.trim(), required, stage })
      .then(
        (next) => {
          notifySuccess(`Added “${title.trim()}”`);
          const added = next.checklists.flatMap((c) => c.items).find((i) => !before.has(i.id));
          onClose();
          if (added) onCreated(added.id);
        },
        (error: unknown) => setErrors(fieldErrors(error)),
      );
  };

  return (
    <Modal opened onClose={onClose} title="Add a custom item" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        aria-label="Custom item"
      >
        <Stack>
          <SimpleGrid cols={2}>
            <Select
              label="Checklist"
              withAsterisk
              allowDeselect={false}
              data={view.checklists.map((c) => ({ value: c.id, label: c.name }))}
              value={checklistId}
              onChange={setChecklistId}
              error={errors.checklistId}
            />
            <Select<StageKindId>
              label="Stage"
              withAsterisk
              allowDeselect={false}
              data={(Object.keys(STAGE_KINDS) as StageKindId[]).map((s) => ({ value: s, label: STAGE_KINDS[s] }))}
              value={stage}
              onChange={setStage}
              error={errors.stage}
            />
            <Autocomplete
              label="Section"
              description="An existing section, or a new one"
              withAsterisk
              data={[...sections.keys()]}
              value={section}
              onChange={(value) => {
                setSection(value);
                const existing = sections.get(value);
                if (existing !== undefined) setSectionTitle(existing);
              }}
              error={errors.section}
            />
            <TextInput label="Section title" value={sectionTitle} onChange={(e) => setSectionTitle(e.currentTarget.value)} error={errors.sectionTitle} />
          </SimpleGrid>
          <TextInput label="Title" withAsterisk value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} data-autofocus />
          <Textarea label="Guidance" autosize minRows={2} maxRows={6} value={guidance} onChange={(e) => setGuidance(e.currentTarget.value)} error={errors.guidance} />
          <TextInput label="Citation" placeholder="e.g. 21 CFR 312.23(a)(7)" value={citation} onChange={(e) => setCitation(e.currentTarget.value)} error={errors.citation} />
          <Checkbox label="Required for readiness" checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
          {other.length > 0 && (
            <Alert color="red" variant="light">
              {other.map(([path, message]) => (
                <div key={path}>{message}</div>
              ))}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!checklistId || !stage}>
              Add item
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
