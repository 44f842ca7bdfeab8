import { Alert, Group, Input, Loader, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { IconAlertTriangle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { ApiError, api } from '../../../lib/api';
import { ResultSummary } from '../components/ResultSummary';
import { RuleCatalogue } from '../components/RuleCatalogue';
import { clockKeys, useClockCatalogue, useClockForm } from '../hooks/useClockCalculator';
import { calculationInput, isReceiptEvent, longDate, parseIsoDate, receiptTimeOrNull, shortMeetingLabel } from '../lib/calculator';

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
  const shownOnField = issues.some((i) => ['date', 'meetingType', 'meetingDate', 'receiptTime'].includes(i.path));

  return (
    <Stack maw={1180}>
      <div>
        <Title order={1} size="h2">Clock calculator</Title>
        <Text c="dimmed" size="sm" mt={4}>
          Pick what happened and when: every deadline it starts follows, in date order, with its citation. Calendar days;
          regulatory clocks do not skip weekends or holidays, but a submission FDA receives on a weekend, a federal holiday or
          after 4:30 pm Eastern is generally dated the next business day, which is flagged. Nothing is saved.
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
            {isReceiptEvent(form.event) && (
              <TimeInput
                label="Time received (Eastern)"
                w={200}
                value={form.receiptTime ?? ''}
                onChange={(e) => set('receiptTime', receiptTimeOrNull(e.currentTarget.value))}
                error={fieldError('receiptTime')}
                description="Optional: after 4:30 pm is flagged"
              />
            )}
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
