import { describe, expect, it } from 'vitest';
import { demoEngineers } from '../../../../shared/demo';
import { copyDraft, openEmlDraft, openMailto } from './escalate-flow';
import { prepareEscalation } from './escalation-draft';
import { makeTicket, NOW, recordingHost } from './fixtures.test-support';
import { presetEscalationMatrices } from './matrices';

const matrix = presetEscalationMatrices.find((m) => m.id === 'default')!;
const draftOf = (tried = '') => {
  const p = prepareEscalation(makeTicket(), 4, matrix, 'en', { customerName: 'Jade River Bank', timeline: [], clocks: [], timeZone: 'UTC', engineers: demoEngineers, now: NOW, tried });
  if (p.kind !== 'draft') throw new Error(p.kind);
  return p;
};

describe('hand-offs of the draft', () => {
  it('sends the .eml, the mailto: URL and the plain text to the host calls the contract names', async () => {
    const host = recordingHost();
    const p = draftOf();
    expect(await openEmlDraft(host, p)).toEqual({ ok: true, path: null });
    expect(await openMailto(host, p)).toEqual({ ok: true, path: null });
    expect(await copyDraft(host, p)).toEqual({ ok: true, path: null });
    expect(host.calls).toEqual([
      { call: 'draft.openEml', input: { fileName: 'SD-T-0001-escalation-L4.eml', eml: p.eml } },
      { call: 'external.open', input: { url: p.mailto } },
      { call: 'clipboard.writeText', input: { text: p.plain } },
    ]);
    expect(p.mailto.startsWith('mailto:gateway-escalation%40example.com') || p.mailto.startsWith('mailto:gateway-escalation@example.com')).toBe(true);
  });

  it('a refusing host gives a readable error instead of a thrown one; a too-long mailto: never reaches the host', async () => {
    const host = recordingHost(['draft.openEml', 'clipboard.writeText']);
    expect(await openEmlDraft(host, draftOf())).toEqual({ ok: false, message: 'draft.openEml refused by the test host' });
    expect(await copyDraft(host, draftOf())).toMatchObject({ ok: false });
    const long = draftOf('y'.repeat(4000));
    expect(await openMailto(host, long)).toEqual({ ok: false, message: expect.stringContaining(`${long.mailto.length} characters`) });
    expect(host.calls.map((c) => c.call)).toEqual(['draft.openEml', 'clipboard.writeText']);
  });
});
