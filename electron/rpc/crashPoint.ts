/**
 * Named moments where the kill tests stop the process dead (SIGKILL, no clean-up), to prove a
 * multi-step operation leaves data and audit trail agreeing whatever step it died at. Inert
 * unless RPT_CRASH_AT names the point; nothing sets it outside the tests.
 */
export type CrashPoint = 'restore:saved' | 'restore:copied' | 'restore:audited' | 'restore:ready' | 'restore:closed' | 'restore:cleared' | 'restore:swapped';

export const RESTORE_CRASH_POINTS: readonly CrashPoint[] = ['restore:saved', 'restore:copied', 'restore:audited', 'restore:ready', 'restore:closed', 'restore:cleared', 'restore:swapped'];

export function crashPoint(name: CrashPoint): void {
  if (process.env.RPT_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
