import { Fieldset, Paper, Select, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CALENDARS, EMPTY_PROFILE } from '../../../../../electron/contract';
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
  const chosen = templateId ?? templates.data?.[0]?.id ?? NO_PATHWAY;
  return (
    <Stack maw={960}>
      <div>
        <Title order={2}>New product</Title>
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
              const pathway = chosen && startDate ? { templateId: chosen, startDate, calendar } : undefined;
              const product = await create.mutateAsync({ ...values, pathway });
              notifySuccess(`Created ${product.code}`);
              navigate(`/products/${product.id}`);
            } catch (error) {
              notifyUnlessFieldErrors('The product was not created', error);
              throw error;
            }
          }}
        >
          <Fieldset legend="Pathway">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Pathway template"
                description="Stages, milestones and dependencies to start from"
                data={[...(templates.data ?? []).map((t) => ({ value: t.id, label: t.name })), { value: NO_PATHWAY, label: 'No pathway (set up later)' }]}
                value={chosen}
                onChange={(v) => setTemplateId(v ?? NO_PATHWAY)}
                allowDeselect={false}
              />
              <DateField label="Start date" description="When in vitro work starts" value={startDate} onChange={setStartDate} disabled={!chosen} />
              <div>
                <Text size="sm" fw={500}>
                  Durations count
                </Text>
                <SegmentedControl
                  mt={22}
                  disabled={!chosen}
                  value={calendar}
                  onChange={(v) => setCalendar(v as typeof calendar)}
                  data={Object.entries(CALENDARS).map(([value, label]) => ({ value, label }))}
                />
              </div>
            </SimpleGrid>
          </Fieldset>
        </ProductForm>
      </Paper>
    </Stack>
  );
}
