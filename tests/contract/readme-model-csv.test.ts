import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../shared/config/preset-config';
import { parseModelCsvFiles } from '../../shared/contract';

// What the README promises about the CSV import must work exactly as written.
describe('README: customer model CSV examples', () => {
  it('the sites and contracts examples import as written for a customer the app has', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```csv\n([\s\S]*?)```/g)].map((m, i) => ({ name: `example-${i}.csv`, text: m[1] ?? '' }));
    expect(blocks).toHaveLength(2);
    const preset = presetConfig();
    const r = parseModelCsvFiles(blocks, { policies: new Set(Object.keys(preset.policies)), calendars: new Set(Object.keys(preset.calendars)), customers: new Set(['cust-harbour']) });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.model.sites[0]).toMatchObject({ id: 'site-harbour-main', timeZone: 'America/Chicago', calendarId: 'us-federal-2026-2027' });
    expect(r.model.contracts[0]).toMatchObject({ number: 'H-300', siteIds: ['site-harbour-main'], eDownEligible: false, coverage: [{ channels: ['phone', 'email'], combine: 'earliest' }] });
  });
});
