/**
 * The data layer stores enumerations as plain text; the contract owns their vocabulary. This is
 * the one place a stored text becomes a contract value: checked, not cast, so a file edited
 * behind the app's back is caught here rather than passed on.
 */
const known = new WeakMap<readonly string[], ReadonlySet<string>>();

export function member<const T extends string>(values: readonly T[], value: string, what: string): T {
  let set = known.get(values);
  if (!set) {
    set = new Set(values);
    known.set(values, set);
  }
  if (!set.has(value)) throw new Error(`The data file holds an unknown ${what} "${value.slice(0, 60)}".`);
  return value as T;
}

export function memberOrNull<const T extends string>(values: readonly T[], value: string | null, what: string): T | null {
  return value === null ? null : member(values, value, what);
}
