import {
  Accordion,
  Alert,
  Badge,
  Group,
  Input,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconAlertTriangle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import type { ChannelOutput, ClockDeadline } from '../../../../../electron/contract';
import { api, ApiError } from '../../../lib/api';
import {
  calculationInput,
  daysAfter,
  isWeekend,
  longDate,
  parseIsoDate,
  readClockForm,
  shortMeetingLabel,
  weekday,
  type CalculateInput,
} from '../lib/calculator';

type Catalogue = ChannelOutput<'clocks.catalogue'>;

const clockKeys = {
  catalogue: ['clocks', 'catalogue'] as const,
  calculate: (input: CalculateInput) => ['clocks', 'calculate', input] as const,
};

const UNCONFIRMED_TIP = 'The reference marks this rule unconfirmed; check it before relying on it';

function useClockCatalogue() {
  return useQuery({ queryKey: clockKeys.catalogue, queryFn: () => api.clocks.catalogue() });
}

function UnconfirmedBadge() {
  return (
    <Tooltip label={UNCONFIRMED_TIP} multiline w={260} withArrow>
      <Badge color="orange" variant="light" size="sm" style={{ flexShrink: 0 }}>
        Unconfirmed
      </Badge>
    </Tooltip>
  );
}

function WhenCells({ deadline, trigger }: { deadline: ClockDeadline; trigger: string }) {
  const { window, date } = deadline;
  if (window) {
    return (
      <>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {window.from} – {window.to}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {daysAfter(trigger, window.from)} – {daysAfter(trigger, window.to)}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {weekday(window.from)} – {weekday(window.to)}
          {isWeekend(window.to) && <WeekendBadge />}
        </Table.Td>
      </>
    );
  }
  if (date) {
    return (
      <>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{date}</Table.Td>
        <Table.Td>{daysAfter(trigger, date)}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {weekday(date)}
          {isWeekend(date) && <WeekendBadge />}
        </Table.Td>
      </>
    );
  }
  return (
    <>
      <Table.Td c="dimmed">No date</Table.Td>
      <Table.Td c="dimmed">—</Table.Td>
      <Table.Td c="dimmed">—</Table.Td>
    </>
  );
}

function WeekendBadge() {
  return (
    <Tooltip label="Calendar days: regulatory clocks do not move off weekends or holidays" multiline w={260} withArrow>
      <Badge color="gray" variant="outline" size="xs" ml={6}>
        weekend
      </Badge>
    </Tooltip>
  );
}

function DeadlinesTable({ deadlines, trigger }: { deadlines: ClockDeadline[]; trigger: string }) {
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table aria-label="Deadlines" verticalSpacing="sm" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Deadline</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Days after event</Table.Th>
            <Table.Th>Weekday</Table.Th>
            <Table.Th miw={220}>Citation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deadlines.map((d, i) => (
            <Table.Tr key={`${d.rule}-${i}`} data-rule={d.rule}>
              <Table.Td maw={420}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={500}>
                    {d.label}
                  </Text>
                  {d.unconfirmed && <UnconfirmedBadge />}
                </Group>
                {d.note && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {d.note}
                  </Text>
                )}
              </Table.Td>
              <WhenCells deadline={d} trigger={trigger} />
              <Table.Td maw={300}>
                <Text size="xs">{d.citation}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RuleCatalogue({ catalogue }: { catalogue: Catalogue }) {
  const groups = catalogue.events
    .map((event) => ({ event, rules: catalogue.rules.filter((rule) => rule.trigger === event.id) }))
    .filter((group) => group.rules.length > 0);
  return (
    <Accordion variant="separated">
      <Accordion.Item value="rules">
        <Accordion.Control>
          All rules and citations{' '}
          <Text span size="sm" c="dimmed">
            ({catalogue.rules.length})
          </Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Table.ScrollContainer minWidth={880}>
            <Table aria-label="Clock rules" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th miw={220}>Citation</Table.Th>
                </Table.Tr>
              </Table.Thead>
              {groups.map(({ event, rules }) => (
                <Table.Tbody key={event.id}>
                  <Table.Tr bg="var(--mantine-color-default-hover)">
                    <Table.Th colSpan={3} scope="colgroup">
                      <Text size="sm" fw={600}>
                        From: {event.label}
                      </Text>
                    </Table.Th>
                  </Table.Tr>
                  {rules.map((rule) => (
                    <Table.Tr key={rule.id}>
                      <Table.Td maw={340}>
                        <Group gap="xs" wrap="nowrap" align="flex-start">
                          <Text size="sm" fw={500}>
                            {rule.label}
                          </Text>
                          {rule.unconfirmed && <UnconfirmedBadge />}
                        </Group>
                      </Table.Td>
                      <Table.Td maw={420}>
                        <Text size="sm">{rule.description}</Text>
                      </Table.Td>
                      <Table.Td maw={300}>
                        <Text size="xs">{rule.citation}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              ))}
            </Table>
          </Table.ScrollContainer>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

function ResultSummary({ catalogue, input, rows }: { catalogue: Catalogue; input: CalculateInput; rows: ClockDeadline[] }) {
  const event = catalogue.events.find((e) => e.id === input.event)?.label ?? input.event;
  const meetingType = catalogue.meetingTypes.find((m) => m.id === input.meetingType)?.label;
  return (
    <Stack gap="sm">
      <Text size="sm">
        From <b>{event}</b> on{' '}
        <b>
          {weekday(input.date)} {dayjs(input.date).format('D MMMM YYYY')}
        </b>
        {meetingType && ` (${meetingType}${input.meetingDate ? `, meeting on ${input.meetingDate}` : ''})`}:
      </Text>
      <DeadlinesTable deadlines={rows} trigger={input.date} />
    </Stack>
  );
}

/** The form lives in the address (#/clocks?event=…&date=…), so a reload or going back keeps it. */
function useClockForm() {
  const [params, setParams] = useSearchParams();
  const form = readClockForm(params);
  const set = (key: keyof typeof form, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return { form, set };
}

export function ClockCalculatorPage() {
  const meetingTypeLabelId = useId();
  const catalogue = useClockCatalogue();
  const { form, set } = useClockForm();

  const needsMeetingType = catalogue.data?.events.find((e) => e.id === form.event)?.needsMeetingType ?? false;
  const input = calculationInput(form, needsMeetingType);
  const ready = catalogue.isSuccess && input !== null;
  const deadlines = useQuery({
    queryKey: clockKeys.calculate(input ?? { event: form.event, date: '' }),
    // The answer carries its own input: while the next one loads, the previous rows stay on screen
    // with the trigger they were computed from, so "days after" never mixes two dates.
    queryFn: async () => ({ input: input!, rows: await api.clocks.calculate(input!) }),
    enabled: ready,
    placeholderData: keepPreviousData,
  });

  const issues = deadlines.isError && deadlines.error instanceof ApiError ? deadlines.error.issues : [];
  const fieldError = (path: string) => issues.find((i) => i.path === path)?.message;
  const shownOnField = issues.some((i) => ['date', 'meetingType', 'meetingDate'].includes(i.path));

  return (
    <Stack maw={1180}>
      <div>
        <Title order={2}>Clock calculator</Title>
        <Text c="dimmed" size="sm" mt={4}>
          Pick what happened and when: every deadline it starts follows, with its citation. Calendar days; regulatory clocks do
          not skip weekends or holidays. Nothing is saved.
        </Text>
      </div>

      {catalogue.isError && (
        <Alert color="red" title="The clock rules could not be loaded">
          {catalogue.error.message}
        </Alert>
      )}

      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Group align="flex-start" gap="md" wrap="wrap">
            <Select
              label="Event"
              description="What happened"
              w={440}
              data={catalogue.data?.events.map((e) => ({ value: e.id, label: e.label })) ?? []}
              value={catalogue.data ? form.event : null}
              onChange={(value) => set('event', value)}
              allowDeselect={false}
              placeholder={catalogue.isPending ? 'Loading the rules…' : undefined}
              disabled={!catalogue.data}
            />
            <DateInput
              label="Date"
              w={200}
              placeholder="YYYY-MM-DD"
              valueFormat="YYYY-MM-DD"
              dateParser={parseIsoDate}
              value={form.date}
              onChange={(value) => set('date', value)}
              minDate="1900-01-01"
              maxDate="2199-12-31"
              clearable
              error={fieldError('date')}
              description={form.date ? longDate(form.date) : 'When it happened'}
            />
          </Group>

          {needsMeetingType && (
            <Group align="flex-start" gap="md" wrap="wrap">
              <Input.Wrapper
                label="Meeting type"
                labelElement="div"
                labelProps={{ id: meetingTypeLabelId }}
                description={
                  catalogue.data?.meetingTypes.find((m) => m.id === form.meetingType)?.label ?? 'The timelines differ by type: choose one'
                }
                error={fieldError('meetingType')}
              >
                <SegmentedControl
                  aria-labelledby={meetingTypeLabelId}
                  data={catalogue.data?.meetingTypes.map((m) => ({ value: m.id, label: shortMeetingLabel(m.id) })) ?? []}
                  value={form.meetingType ?? ''}
                  onChange={(value) => set('meetingType', value)}
                  mt={4}
                />
              </Input.Wrapper>
              <DateInput
                label="Meeting date"
                w={200}
                placeholder="YYYY-MM-DD"
                valueFormat="YYYY-MM-DD"
                dateParser={parseIsoDate}
                value={form.meetingDate}
                onChange={(value) => set('meetingDate', value)}
                minDate="1900-01-01"
                maxDate="2199-12-31"
                clearable
                error={fieldError('meetingDate')}
                description="If scheduled (optional)"
              />
            </Group>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="lg" radius="md">
        {!ready ? (
          <Text c="dimmed" size="sm">
            {catalogue.isPending
              ? 'Loading the clock rules…'
              : form.date === null
                ? 'Pick the date of the event to see its deadlines.'
                : 'Choose the meeting type to see its deadlines.'}
          </Text>
        ) : deadlines.isError ? (
          shownOnField ? (
            <Text c="dimmed" size="sm">
              Correct the field marked in red to see the deadlines.
            </Text>
          ) : (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} title="The deadlines could not be computed">
              {deadlines.error.message}
            </Alert>
          )
        ) : deadlines.data === undefined ? (
          <Loader size="sm" />
        ) : (
          <ResultSummary catalogue={catalogue.data!} input={deadlines.data.input} rows={deadlines.data.rows} />
        )}
      </Paper>

      {catalogue.data && <RuleCatalogue catalogue={catalogue.data} />}
    </Stack>
  );
}
