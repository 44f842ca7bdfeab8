import { Button, Group, Paper, Radio, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CALENDARS } from '../../../../../electron/contract';
import { DateField } from '../../../components/DateField';
import { usePathwayTemplates, usePathwayWrite } from '../hooks/usePathway';

/** For a product without a pathway: pick a template and a start date. */
export function PathwaySetup({ productId, today }: { productId: string; today: string }) {
  const templates = usePathwayTemplates();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState<string | null>(today);
  const [calendar, setCalendar] = useState<'calendar' | 'working'>('calendar');
  const instantiate = usePathwayWrite('pathway.instantiate', 'The pathway was not created');
  const chosen = templateId ?? templates.data?.[0]?.id ?? null;
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={2} size="h4">Set up the pathway</Title>
        <Text size="sm" c="dimmed">
          Start from a template: its stages, milestones, default durations and dependencies are copied to this product, and the
          first forecast becomes the planned dates. Everything can be edited afterwards.
        </Text>
        <Radio.Group label="Template" value={chosen} onChange={setTemplateId}>
          <Stack gap="xs" mt="xs">
            {(templates.data ?? []).map((t) => (
              <Radio key={t.id} value={t.id} label={t.name} description={`${t.milestoneCount} milestones · ${t.description}`} />
            ))}
          </Stack>
        </Radio.Group>
        <Group align="flex-end">
          <DateField label="Start date" value={startDate} onChange={setStartDate} w={180} />
          <SegmentedControl value={calendar} onChange={(v) => setCalendar(v as typeof calendar)} data={Object.entries(CALENDARS).map(([value, label]) => ({ value, label }))} />
          <Button
            disabled={!chosen || !startDate}
            loading={instantiate.isPending}
            onClick={() => chosen && startDate && instantiate.mutate({ productId, templateId: chosen, startDate, calendar })}
          >
            Create pathway
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
