import { afterEach, describe, expect, it } from 'vitest';
import PostalMime from 'postal-mime';
import { demoEngineers } from '../../../../shared/demo';
import { openDb, runMutation, type ServiceDeskDb } from '../../data';
import type { Mutate } from '../../app/mutations';
import { buildConfig } from '../../config/config-store';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { escalateTickets } from './bulk-escalation';
import { makeTicket, NOW, recordingHost } from './fixtures.test-support';
import { presetEscalationMatrices } from './matrices';

const config = buildConfig(presetPolicies, presetCalendars, 1);

describe('escalateTickets (queue bulk action)', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  async function store(name: string): Promise<{ db: ServiceDeskDb; mutate: Mutate }> {
    const d = openDb(name);
    db = d;
    await d.engineers.bulkPut(demoEngineers);
    await d.tickets.bulkPut([makeTicket(), makeTicket({ id: 'SD-T-0002', ownerId: undefined }), makeTicket({ id: 'SD-T-0003', ownerId: 'eng-mei', productLine: 'data-vault', escalationLevel: 3 })]);
    const mutate: Mutate = async (n, a) => {
      const r = await runMutation(d, n, a, { now: NOW });
      return { outcome: r.outcome, ...(r.message ? { message: r.message } : {}) };
    };
    return { db: d, mutate };
  }

  it('escalates each ticket to its own next level with the shared ask, one .eml each; the ownerless one is skipped with the reason', async () => {
    const { db, mutate } = await store('bulk-esc');
    const host = recordingHost();
    const results = await escalateTickets({ db, mutate, host, config, matrices: presetEscalationMatrices, language: 'en', now: () => NOW }, ['SD-T-0001', 'SD-T-0002', 'SD-T-0003', 'SD-NOPE'], 'Customer board call at 16:00');
    expect(results.map((r) => [r.ticketId, r.outcome, 'level' in r ? r.level : r.reason])).toEqual([
      ['SD-T-0001', 'escalated', 2],
      ['SD-T-0002', 'skipped', 'blocked'],
      ['SD-T-0003', 'escalated', 4],
      ['SD-NOPE', 'skipped', 'not_found'],
    ]);
    const files = host.calls.filter((c) => c.call === 'draft.openEml').map((c) => c.input as { fileName: string; eml: string });
    expect(files.map((f) => f.fileName)).toEqual(['SD-T-0001-escalation-L2.eml', 'SD-T-0003-escalation-L4.eml']);
    const second = await PostalMime.parse(files[1]!.eml);
    expect(second.to?.map((a) => a.address)).toEqual(['data-vault-escalation@example.com']);
    expect(second.text).toContain('Customer board call at 16:00');

    const events = (await db.timeline.toArray()).filter((e) => e.kind === 'escalated');
    expect(events.map((e) => e.kind === 'escalated' && [e.ticketId, e.level, e.automatic, e.ask])).toEqual([
      ['SD-T-0001', 2, false, 'Customer board call at 16:00'],
      ['SD-T-0003', 4, false, 'Customer board call at 16:00'],
    ]);
    expect((await db.tickets.get('SD-T-0002'))?.escalationLevel).toBe(0);
  });

  it('when the host refuses the draft the escalation stays recorded and the result says so', async () => {
    const { db, mutate } = await store('bulk-esc-refused');
    const results = await escalateTickets({ db, mutate, host: recordingHost(['draft.openEml']), config, matrices: presetEscalationMatrices, language: 'en', now: () => NOW }, ['SD-T-0001'], '');
    expect(results).toMatchObject([{ outcome: 'handoff_failed', level: 2, message: expect.stringContaining('refused') }]);
    expect((await db.tickets.get('SD-T-0001'))?.escalationLevel).toBe(2);
  });
});
