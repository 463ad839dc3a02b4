import { describe, expect, it } from 'vitest';
import { trayState } from './tray-state';

describe('tray state', () => {
  it('shows breached and at-risk counts in tooltip, label, badge and overlay', () => {
    expect(trayState({ breached: 2, atRisk: 5 }, false)).toEqual({
      tooltip: 'Service Desk — 2 breached, 5 at risk',
      label: '2!',
      badgeCount: 7,
      overlay: { description: '2 breached' },
      pauseMenuLabel: 'Pause notifications',
    });
  });

  it('is quiet when nothing needs attention and says when notifications are paused', () => {
    const s = trayState({ breached: 0, atRisk: 0 }, true);
    expect(s.tooltip).toBe('Service Desk — no tickets at risk (notifications paused)');
    expect(s.label).toBe('');
    expect(s.badgeCount).toBe(0);
    expect(s.overlay).toBeNull();
    expect(s.pauseMenuLabel).toBe('Resume notifications');
    expect(trayState({ breached: 0, atRisk: 3 }, false).label).toBe('3');
  });
});
