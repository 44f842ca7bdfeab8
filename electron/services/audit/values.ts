/** A value as an audit row stores it: text as it is, anything else as JSON, absence as null. */
export const auditValue = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
