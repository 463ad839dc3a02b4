import { describe, expect, it } from 'vitest';
import { customerUpdateKinds, renderCustomerUpdate, suggestedUpdateKind } from './templates';

const values = { ticketId: 'SD-ABC123-0042', title: 'Gateway restarts', contact: 'Pat', engineer: 'Alex Morgan', status: 'In progress', nextUpdate: '10:30' };

describe('customer update templates', () => {
  it('fills every placeholder in all four languages and every kind', () => {
    for (const locale of ['en', 'zh-CN', 'zh-TW', 'bg'])
      for (const kind of customerUpdateKinds) {
        const r = renderCustomerUpdate(kind, locale, values);
        expect(r.subject).toContain('SD-ABC123-0042');
        expect(`${r.subject}${r.body}`).not.toMatch(/\{\{/);
        expect(r.body).toContain('Alex Morgan');
      }
  });

  it('drops the promised time when there is no next update, and keeps subjects on one line', () => {
    const r = renderCustomerUpdate('acknowledgement', 'en', { ...values, nextUpdate: '', title: 'two\nlines' });
    expect(r.body).not.toContain('You will hear from us');
    expect(r.subject).toBe('[SD-ABC123-0042] We are on it: two lines');
  });

  it('suggests acknowledgement first, then status, and a confirmation request once resolved', () => {
    expect(suggestedUpdateKind(0, 'acknowledged')).toBe('acknowledgement');
    expect(suggestedUpdateKind(2, 'in_progress')).toBe('status');
    expect(suggestedUpdateKind(3, 'resolved')).toBe('confirmation_request');
  });
});
