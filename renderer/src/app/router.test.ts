import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from './router';

describe('routes', () => {
  it('round-trips every screen through the URL hash', () => {
    const routes: Route[] = [
      { screen: 'queue', view: 'breached' },
      { screen: 'queue', view: 'product:data vault' },
      { screen: 'ticket', id: 'SD-7K3F2A-0042' },
      { screen: 'intake' },
      { screen: 'dispatch' },
      { screen: 'visits' },
      { screen: 'reports' },
      { screen: 'settings', section: 'sync' },
    ];
    for (const r of routes) expect(parseRoute(formatRoute(r))).toEqual(r);
  });

  it('falls back to my queue for an unknown or empty hash', () => {
    expect(parseRoute('')).toEqual({ screen: 'queue', view: 'my' });
    expect(parseRoute('#/nowhere/else')).toEqual({ screen: 'queue', view: 'my' });
    expect(parseRoute('#/ticket')).toEqual({ screen: 'queue', view: 'my' });
  });
});
