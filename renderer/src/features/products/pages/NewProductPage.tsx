import { Alert, Fieldset, Grid, Input, Paper, Select, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CALENDARS, EMPTY_PROFILE, STAGE_KINDS, type StageKind } from '../../../../../electron/contract';
import { DateField } from '../../../components/DateField';
import { notifySuccess, notifyUnlessFieldErrors } from '../../../lib/notify';
import { usePathwayTemplates } from '../../pathway/hooks/usePathway';
import { ProductForm } from '../components/ProductForm';
import { useCreateProduct } from '../hooks/useProducts';

const NO_PATHWAY = '';

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function NewProductPage() {
  const navigate = useNavigate();
  const create = useCreateProduct();
  const templates = usePathwayTemplates();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState<string | null>(localToday());
  const [calendar, setCalendar] = useState<'calendar' | 'working'>('calendar');
  const [finishes, setFinishes] = useState<Partial<Record<StageKind, string | null>>>({});
  const chosen = templateId ?? templates.data?.[0]?.id ?? NO_PATHWAY;
  const stageKinds = templates.data?.find((t) => t.id === chosen)?.stageKinds ?? [];
  /** The stages before the one the product joins at: each gets the date it finished. */
  const earlierThan = (stage: StageKind) => {
    const at = stageKinds.indexOf(stage);
    return at <= 0 ? [] : stageKinds.slice(0, at);
  };
  return (
    <Stack maw={960}>
      <div>
        <Title order={1} size="h2">New product</Title>
        <Text c="dimmed" size="sm">
          The profile decides which checklist items apply later, so fill in the fraction, donor type and culture conditions with care.
        </Text>
      </div>
      <Paper withBorder p="lg" radius="md">
        <ProductForm
          initial={EMPTY_PROFILE}
          submitLabel="Create product"
          onCancel={() => navigate('/')}
          onSubmit={async (values) => {
            try {
              const stageFinishes = Object.fromEntries(earlierThan(values.stage).map((k) => [k, finishes[k] ?? startDate]).filter(([, d]) => d));
              const pathway = chosen && startDate ? { templateId: chosen, startDate, calendar, stageFinishes } : undefined;
              const product = await create.mutateAsync({ ...values, pathway });
              notifySuccess(`Created ${product.code}`);
              navigate(`/products/${product.id}`);
            } catch (error) {
              notifyUnlessFieldErrors('The product was not created', error);
              throw error;
            }
          }}
        >
          {(values) => (
          <Fieldset legend="Pathway">
            {/* Sized to content at 1280 px: the template's full name shows; the calendar switch has its own row. */}
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Select
                  label="Pathway template"
                  description="Stages, milestones and dependencies to start from"
                  data={[...(templates.data ?? []).map((t) => ({ value: t.id, label: t.name })), { value: NO_PATHWAY, label: 'No pathway (set up later)' }]}
                  value={chosen}
                  onChange={(v) => setTemplateId(v ?? NO_PATHWAY)}
                  allowDeselect={false}
                  comboboxProps={{ width: 'target' }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <DateField label="Start date" description="When in vitro work starts" value={startDate} onChange={setStartDate} disabled={!chosen} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Input.Wrapper label="Durations count" description="Working days skip Saturdays and Sundays" labelElement="div">
                  <SegmentedControl
                    aria-label="Durations count"
                    disabled={!chosen}
                    value={calendar}
                    onChange={(v) => setCalendar(v as typeof calendar)}
                    data={Object.entries(CALENDARS).map(([value, label]) => ({ value, label }))}
                  />
                </Input.Wrapper>
              </Grid.Col>
            </Grid>
            {chosen && stageKinds.length > 0 && !stageKinds.includes(values.stage) && (
              <Alert mt="md" color="orange" variant="light" title="This pathway has no such stage">
                “{STAGE_KINDS[values.stage]}” is not a stage of this template (it has {stageKinds.map((k) => STAGE_KINDS[k]).join(', ')}). Choose
                another current stage or template.
              </Alert>
            )}
            {chosen && earlierThan(values.stage).length > 0 && (
              <Fieldset mt="md" legend={`Joining at ${STAGE_KINDS[values.stage]}: when did each earlier stage finish?`} variant="filled">
                <Text size="sm" c="dimmed" mb="xs">
                  Their milestones are recorded as done on these dates, so the forecast starts from where the product really is. One date per
                  stage is enough; it defaults to the pathway start.
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {earlierThan(values.stage).map((k) => (
                    <DateField
                      key={k}
                      label={`${STAGE_KINDS[k]} finished`}
                      value={finishes[k] ?? startDate}
                      onChange={(d) => setFinishes((f) => ({ ...f, [k]: d }))}
                    />
                  ))}
                </SimpleGrid>
              </Fieldset>
            )}
          </Fieldset>
          )}
        </ProductForm>
      </Paper>
    </Stack>
  );
}
