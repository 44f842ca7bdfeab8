import { z } from 'zod';

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A calendar date, `YYYY-MM-DD`; the domain never deals in time zones. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form YYYY-MM-DD')
  .refine(isRealDate, 'This date does not exist in the calendar')
  .refine((v) => v >= '1900-01-01' && v <= '2199-12-31', 'Use a date between 1900 and 2199');

export const Id = z.string().trim().min(1, 'An id is required').max(64, 'An id has at most 64 characters');

/** Optional free text with a length cap: large enough for real notes, small enough to refuse abuse. */
const stringOf = (label: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`) });

export const text = (max: number, label = 'This field') =>
  stringOf(label).trim().max(max, `${label}: use at most ${max} characters`);
export const requiredText = (label: string, max: number) =>
  stringOf(label).trim().min(1, `${label} is required`).max(max, `${label}: use at most ${max} characters`);

/** An enumeration whose error lists the allowed values in words a person can act on. */
export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: () => `${label}: choose one of ${values.join(', ')}` });
}

export const Reason = text(1000).optional();
