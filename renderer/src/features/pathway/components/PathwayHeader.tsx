import { Badge, Button, Group, Paper, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { IconPlayerTrackNext } from '@tabler/icons-react';
import { useState } from 'react';
import { CALENDARS, type PathwayView } from '../../../../../electron/contract';
import { DateField } from '../../../components/DateField';
import { usePathwayWrite } from '../hooks/usePathway';
import { AddBranchMenu } from './AddBranchMenu';
import { EarlierWorkDialog } from './EarlierWorkDialog';

/** Start date and calendar of the plan, and its headline figures. */
export function PathwayHeader({ view }: { view: PathwayView }) {
  const settings = usePathwayWrite('pathway.updateSettings', 'The pathway settings were not changed');
  const milestones = view.stages.flatMap((s) => s.milestones);
  const done = milestones.filter((m) => m.status === 'done').length;
  const key = (k: string) => milestones.find((m) => m.key === k);
  const keyDates = [
    ['IND submitted', key('ind-submitted')],
    ['IND in effect', key('ind-in-effect')],
    ['First patient dosed', key('first-patient-dosed')],
  ] as const;
  const editable = !view.product.archivedAt;
  const [marking, setMarking] = useState(false);
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-end" gap="lg">
        <Group align="flex-end" gap="md">
          <DateField
            label="Pathway start"
            w={150}
            value={view.startDate}
            disabled={!editable}
            onChange={(startDate) => startDate && startDate !== view.startDate && settings.mutate({ productId: view.product.id, startDate })}
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              Durations count
            </Text>
            <SegmentedControl
              size="sm"
              disabled={!editable}
              value={view.calendar}
              onChange={(v) => settings.mutate({ productId: view.product.id, calendar: v as PathwayView['calendar'] })}
              data={Object.entries(CALENDARS).map(([value, label]) => ({ value, label }))}
            />
          </div>
          {editable && view.stages.length > 1 && (
            <Button variant="default" size="sm" leftSection={<IconPlayerTrackNext size={16} />} onClick={() => setMarking(true)}>
              Mark earlier work done…
            </Button>
          )}
          {editable && <AddBranchMenu view={view} />}
        </Group>
        <Group gap="lg">
          {keyDates.map(([label, m]) =>
            m ? (
              <div key={label} role="group" aria-label={label}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {label}
                </Text>
                <Group gap={4}>
                  <Text ff="monospace" fw={600}>
                    {m.actualFinish ?? m.forecastFinish}
                  </Text>
                  {m.status === 'done' ? (
                    <Badge size="xs" color="teal" variant="light">actual</Badge>
                  ) : (
                    <Tooltip label={m.plannedFinish ? `Planned ${m.plannedFinish}` : 'Forecast'}>
                      <Badge size="xs" color={(m.finishVarianceDays ?? 0) > 0 ? 'red' : 'gray'} variant="light">
                        {(m.finishVarianceDays ?? 0) > 0 ? `+${m.finishVarianceDays} d` : 'forecast'}
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              </div>
            ) : null,
          )}
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Pathway finish
            </Text>
            <Text ff="monospace" fw={600}>
              {view.projectFinish ?? '—'}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Progress
            </Text>
            <Text fw={600}>
              {done}/{milestones.length} milestones
            </Text>
          </div>
        </Group>
      </Group>
      {marking && <EarlierWorkDialog view={view} onClose={() => setMarking(false)} />}
    </Paper>
  );
}
