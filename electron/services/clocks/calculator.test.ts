import { afterAll, describe, expect, it } from 'vitest';
import { CLOCK_EVENT_IDS, MEETING_TYPE_IDS, type ChannelOutput, type Result } from '../../contract';
import { CLOCK_RULES } from '../../domain/clocks';
import { count, tempBackend } from '../../test-support/backend';

const backend = tempBackend();
afterAll(() => backend.cleanup());

type Deadlines = ChannelOutput<'clocks.calculate'>;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function row(rows: Deadlines, rule: string) {
  const found = rows.find((r) => r.rule === rule);
  if (!found) throw new Error(`no ${rule} in ${rows.map((r) => r.rule).join(', ')}`);
  return found;
}

describe('clocks.calculate through the dispatcher', () => {
  it('answers "FDA got it on the 2nd": in effect on day 30, first annual report within 60 days of the anniversary', async () => {
    const rows = value<Deadlines>(await backend.dispatch('clocks.calculate', { event: 'ind-received', date: '2026-03-02' }));
    expect(row(rows, 'ind.in-effect')).toMatchObject({ date: '2026-04-01', citation: '21 CFR 312.40(b)', unconfirmed: false });
    const reports = rows.filter((r) => r.rule === 'ind.annual-report');
    expect(reports).toHaveLength(3);
    expect(reports[0]).toMatchObject({ window: { from: '2027-04-01', to: '2027-05-31' }, date: '2027-05-31', citation: '21 CFR 312.33' });
  });

  it('needs the meeting type for a meeting request and uses its timeline', async () => {
    const missing = await backend.dispatch('clocks.calculate', { event: 'meeting-request-received', date: '2026-03-02' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'meetingType' }] } });

    const rows = value<Deadlines>(
      await backend.dispatch('clocks.calculate', { event: 'meeting-request-received', date: '2026-03-02', meetingType: 'B' }),
    );
    expect(row(rows, 'meeting.b.reply').date).toBe('2026-03-23');
    expect(row(rows, 'meeting.b.held-by').date).toBe('2026-05-01');
    expect(row(rows, 'meeting.b.briefing-package').date).toBe('2026-04-01');
  });

  it('turns a domain refusal into a VALIDATION error naming the field', async () => {
    const result = await backend.dispatch('clocks.calculate', {
      event: 'meeting-request-received',
      date: '2026-03-02',
      meetingType: 'C',
      meetingDate: '2026-02-01',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'meetingDate' }] } });
    if (!result.ok) expect(result.error.message).toMatch(/before FDA received the request/);
  });

  it('refuses an unknown event and a malformed date, listing what is valid', async () => {
    const event = await backend.dispatch('clocks.calculate', { event: 'foo', date: '2026-03-02' });
    expect(event).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!event.ok) for (const id of CLOCK_EVENT_IDS) expect(event.error.message).toContain(id);
    const date = await backend.dispatch('clocks.calculate', { event: 'ind-received', date: '2026-02-30' });
    expect(date).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'date' }] } });
  });

  it('writes nothing', () => {
    expect(count(backend, 'audit_log')).toBe(0);
  });
});

describe('clocks.catalogue through the dispatcher', () => {
  it('lists the events (flagging those that need a meeting type), the meeting types and every rule', async () => {
    const catalogue = value<ChannelOutput<'clocks.catalogue'>>(await backend.dispatch('clocks.catalogue', {}));
    expect(catalogue.events.map((e) => e.id)).toEqual([...CLOCK_EVENT_IDS]);
    expect(catalogue.events.filter((e) => e.needsMeetingType).map((e) => e.id)).toEqual(['meeting-request-received']);
    expect(catalogue.meetingTypes.map((m) => m.id)).toEqual([...MEETING_TYPE_IDS]);
    expect(catalogue.meetingTypes.find((m) => m.id === 'INTERACT')?.label).toBe('INTERACT (OTP)');
    expect(catalogue.rules).toHaveLength(CLOCK_RULES.length);
    expect(catalogue.rules.find((r) => r.id === 'meeting.c.briefing-package')).toMatchObject({ unconfirmed: true });
    for (const rule of catalogue.rules) expect(rule.citation.length).toBeGreaterThan(0);
  });
});
