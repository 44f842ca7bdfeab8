import { DateInput, type DateInputProps } from '@mantine/dates';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** ISO dates everywhere: what regulatory letters quote, and unambiguous across locales. */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      dateParser={(input) => (ISO.test(input.trim()) ? input.trim() : null)}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
