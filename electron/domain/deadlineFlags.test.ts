import { describe, expect, it } from 'vitest';
import { productDeadlines } from './deadlines';

describe('calendar flags among a product’s deadlines', () => {
  it('lists a Saturday IND receipt with the next business day, and never counts it overdue', () => {
    const rows = productDeadlines({
      milestones: [],
      dependencies: [],
      events: [{ id: 't1', event: 'ind-received', date: '2025-11-01', meetingType: null, meetingDate: null, milestoneId: null, label: 'FDA receives IND' }],
      today: '2025-11-20',
    });
    const flag = rows.find((r) => r.rule === 'receipt.next-business-day')!;
    expect(flag).toMatchObject({ date: '2025-11-03', unconfirmed: true, overdue: false });
    expect(flag.daysAway).toBeLessThan(0);
    expect(rows.find((r) => r.rule === 'ind.in-effect')).toMatchObject({ date: '2025-12-01' });
  });
});
