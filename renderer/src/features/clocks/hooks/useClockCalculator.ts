import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../../lib/api';
import { readClockForm, type CalculateInput, type ClockForm } from '../lib/calculator';

export const clockKeys = {
  catalogue: ['clocks', 'catalogue'] as const,
  calculate: (input: CalculateInput) => ['clocks', 'calculate', input] as const,
};

export function useClockCatalogue() {
  return useQuery({ queryKey: clockKeys.catalogue, queryFn: () => api.clocks.catalogue() });
}

/** The form lives in the address (#/clocks?event=…&date=…), so a reload or going back keeps it. */
export function useClockForm() {
  const [params, setParams] = useSearchParams();
  const form = readClockForm(params);
  const set = (key: keyof ClockForm, value: string | null) =>
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
