import { describe, expect, it } from 'vitest';
import { presetEscalationMatrices } from '../escalation';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { exportConfigBundle, importSteps, parseConfigBundle } from './config-bundle';

const current = { policies: presetPolicies, calendars: presetCalendars, escalationMatrices: presetEscalationMatrices };
const none = { calendarIds: new Set<string>(), policyIds: new Set<string>() };

describe('config bundle (whole configuration as JSON)', () => {
  it('round-trips: an exported file parses back and stores nothing (identical to what is in force)', () => {
    const text = exportConfigBundle(current, new Date('2026-03-01T10:00:00Z'));
    const r = parseConfigBundle(text, none);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.bundle.policies.map((p) => p.id).sort()).toEqual(presetPolicies.map((p) => p.id).sort());
    expect(r.bundle.exportedAt).toBe('2026-03-01T10:00:00.000Z');
    expect(importSteps(r.bundle, current)).toEqual([]);
  });

  it('stores only the changed items, calendars before the policies that name them', () => {
    const bundle = JSON.parse(exportConfigBundle(current, new Date())) as { policies: Array<Record<string, unknown>>; calendars: Array<Record<string, unknown>> };
    const cal = structuredClone(bundle.calendars[0]) as { id: string; name: string };
    cal.id = 'new-calendar';
    cal.name = 'New calendar';
    bundle.calendars.push(cal);
    const pol = bundle.policies[0] as { name: string; calendarId: string };
    pol.name = 'Renamed';
    pol.calendarId = 'new-calendar';
    const r = parseConfigBundle(JSON.stringify(bundle), none);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(importSteps(r.bundle, current).map((s) => [s.table, s.row.id])).toEqual([
      ['calendars', 'new-calendar'],
      ['policies', (bundle.policies[0] as { id: string }).id],
    ]);
  });

  it('refuses the whole file and names each bad item and field (schema, duplicates, unknown references)', () => {
    const bundle = JSON.parse(exportConfigBundle(current, new Date())) as Record<string, Array<Record<string, unknown>>>;
    const policies = bundle.policies ?? [];
    const calendars = bundle.calendars ?? [];
    const matrices = bundle.escalationMatrices ?? [];
    (policies[1] as { warningThresholds: number[] }).warningThresholds = [80, 50];
    (policies[2] as { calendarId: string }).calendarId = 'nowhere';
    calendars.push(structuredClone(calendars[0] ?? {}));
    ((calendars[1] as { calendar: { week: Record<string, unknown> } }).calendar.week).mon = [['09:00', '08:00']];
    (matrices[0] as { policyId: string }).policyId = 'ghost';
    const r = parseConfigBundle(JSON.stringify(bundle), none);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const by = (section: string) => r.problems.filter((p) => p.section === section);
    expect(by('policies')).toEqual(expect.arrayContaining([
      expect.objectContaining({ index: 1, path: 'warningThresholds', message: 'warning thresholds must be strictly ascending' }),
      expect.objectContaining({ index: 2, path: 'calendarId', message: 'unknown calendar "nowhere"' }),
    ]));
    expect(by('calendars')).toEqual(expect.arrayContaining([
      expect.objectContaining({ index: 1, path: 'calendar.week.mon', message: expect.stringContaining('end must be after start') }),
      expect.objectContaining({ index: calendars.length - 1, path: 'id', message: expect.stringContaining('duplicate id') }),
    ]));
    // (a matrix of a policy refused above is reported too: it cannot be imported without it)
    expect(by('escalationMatrices')).toEqual(expect.arrayContaining([expect.objectContaining({ index: 0, path: 'policyId', message: 'unknown policy "ghost"' })]));
  });

  it('explains a file that is not JSON or not a configuration export', () => {
    expect(parseConfigBundle('{ nope', none)).toEqual({ ok: false, problems: [expect.objectContaining({ section: 'file', message: expect.stringContaining('not valid JSON') })] });
    const r = parseConfigBundle(JSON.stringify({ format: 'something-else', version: 1, policies: [], calendars: [], escalationMatrices: [] }), none);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ section: 'file', path: 'format' });
  });

  it('accepts references to calendars and policies the app already has', () => {
    const text = JSON.stringify({ format: 'service-desk-config', version: 1, policies: [presetPolicies[0]], calendars: [], escalationMatrices: [] });
    expect(parseConfigBundle(text, none).ok).toBe(false);
    expect(parseConfigBundle(text, { calendarIds: new Set(presetCalendars.map((c) => c.id)), policyIds: new Set() }).ok).toBe(true);
  });
});
