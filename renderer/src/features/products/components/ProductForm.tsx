import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import {
  DONOR_TYPES,
  DOSE_UNITS,
  FRACTIONS,
  OXYGEN,
  PRODUCING_CELLS,
  ProductProfile,
  ROUTE_CATEGORIES,
  SOURCE_KINDS,
  STAGE_KINDS,
  TRIAL_PHASES,
  type ProductProfile as Profile,
} from '../../../../../electron/contract';
import { fieldErrors } from '../../../lib/notify';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

interface ProductFormProps {
  initial: Profile;
  submitLabel: string;
  /** Editing asks for a reason, which the audit trail keeps. */
  askReason?: boolean;
  /** With a pathway, the current stage is derived from milestone dates, not typed in. */
  stageFollowsPathway?: boolean;
  /** Extra fields rendered above the buttons (e.g. the pathway choice on creation); a function gets the values as typed. */
  children?: React.ReactNode | ((values: Profile) => React.ReactNode);
  onSubmit(values: Profile, reason: string): Promise<unknown>;
  onCancel?(): void;
}

export function ProductForm({ initial, submitLabel, askReason, stageFollowsPathway, children, onSubmit, onCancel }: ProductFormProps) {
  const form = useForm<Profile>({
    mode: 'controlled',
    initialValues: initial,
    validate: schemaResolver(ProductProfile, { sync: true }),
    validateInputOnBlur: true,
  });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await onSubmit(values, reason);
    } catch (error) {
      const errors = fieldErrors(error);
      if (Object.keys(errors).length > 0) form.setErrors(errors);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Product profile">
      <Stack gap="md">
        <Fieldset legend="Identity">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
            <TextInput label="Code" description="Unique; 2–20 letters, digits or dashes" withAsterisk {...form.getInputProps('code')} />
            <TextInput label="Sponsor" withAsterisk {...form.getInputProps('sponsor')} />
            <TextInput label="IND number" description="Leave empty until FDA assigns one" {...form.getInputProps('indNumber')} />
            <Select
              label="Current stage"
              description={
                stageFollowsPathway
                  ? 'Follows the pathway: where work has begun, or the first stage not finished'
                  : 'A later stage records the earlier stages of the pathway as done'
              }
              disabled={stageFollowsPathway}
              data={options(STAGE_KINDS)}
              allowDeselect={false}
              withAsterisk
              {...form.getInputProps('stage')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Source and fraction">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Source cell" placeholder="e.g. Mesenchymal stromal cells" withAsterisk {...form.getInputProps('sourceCell')} />
            <TextInput label="Source tissue" placeholder="e.g. Bone marrow" withAsterisk {...form.getInputProps('sourceTissue')} />
            <Select label="Donor type" data={options(DONOR_TYPES)} allowDeselect={false} withAsterisk {...form.getInputProps('donorType')} />
            <Select label="Secretome fraction" data={options(FRACTIONS)} allowDeselect={false} withAsterisk {...form.getInputProps('fraction')} />
            <Select
              label="Source kind"
              description="Cell-bank, culture and passage items apply only to cell culture"
              data={options(SOURCE_KINDS)}
              allowDeselect={false}
              withAsterisk
              {...form.getInputProps('sourceKind')}
            />
            <Select
              label="Producing cell type"
              description="MSC EV criteria (ISCT, Witwer 2019) apply only to MSC"
              data={options(PRODUCING_CELLS)}
              allowDeselect={false}
              withAsterisk
              {...form.getInputProps('producingCell')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Culture conditions (used only when the source is a cell culture)">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label="Oxygen" data={options(OXYGEN)} allowDeselect={false} withAsterisk {...form.getInputProps('oxygen')} />
            <TextInput label="Passage window" placeholder="e.g. P3-P5" {...form.getInputProps('passageWindow')} />
            <Checkbox mt={{ sm: 'xl' }} label="Serum-free medium" {...form.getInputProps('serumFree', { type: 'checkbox' })} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Clinical use">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Indication" withAsterisk {...form.getInputProps('indication')} />
            <TextInput label="Route" placeholder="e.g. Intravenous" withAsterisk {...form.getInputProps('route')} />
            <TextInput label="Dose basis" placeholder="e.g. particles per kg body weight" {...form.getInputProps('doseBasis')} />
            <Select label="Route category" description="Intravenous EVs get coagulation items" data={options(ROUTE_CATEGORIES)} allowDeselect={false} withAsterisk {...form.getInputProps('routeCategory')} />
            <Select label="Dose expressed" description="Drives the dose items' wording" data={options(DOSE_UNITS)} allowDeselect={false} withAsterisk {...form.getInputProps('doseUnit')} />
            <Select
              label="First trial design"
              description="Phase I/II is an applicable clinical trial (42 CFR 11.22)"
              data={options(TRIAL_PHASES)}
              allowDeselect={false}
              withAsterisk
              {...form.getInputProps('trialPhase')}
            />
          </SimpleGrid>
          <Checkbox
            mt="sm"
            label="Subpart E / accelerated approval (21 CFR 312.80–88; 601 subpart E)"
            description="Life-threatening or severely debilitating illness: the end-of-phase-1 meeting is then Type B (EOP)"
            {...form.getInputProps('subpartE', { type: 'checkbox' })}
          />
        </Fieldset>
        <Textarea label="Notes" autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
        {typeof children === 'function' ? children(form.getValues()) : children}
        {askReason && (
          <TextInput
            label="Reason for change"
            description="Kept in the audit trail with every changed field"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
