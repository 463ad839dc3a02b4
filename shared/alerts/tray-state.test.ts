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
      menu: { open: 'Open Service Desk', syncNow: 'Sync now', quit: 'Quit' },
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

  it('speaks the UI language: Bulgarian and Traditional Chinese tooltip, menu and overlay, numbers via Intl', () => {
    const bg = trayState({ breached: 1, atRisk: 12345 }, true, 'bg');
    expect(bg.tooltip).toBe('Сервизно бюро — 1 просрочен, 12\u00a0345 в риск (известията са спрени)');
    expect(bg.overlay).toEqual({ description: '1 просрочен' });
    expect(bg.pauseMenuLabel).toBe('Пусни известията');
    expect(bg.menu).toEqual({ open: 'Отвори Сервизно бюро', syncNow: 'Синхронизирай сега', quit: 'Изход' });
    expect(trayState({ breached: 3, atRisk: 0 }, false, 'bg').overlay?.description).toBe('3 просрочени');
    const tw = trayState({ breached: 1200, atRisk: 0 }, false, 'zh-TW');
    expect(tw.tooltip).toBe('服務台 — 1,200 個已逾時');
    expect(tw.label).toBe('1,200!');
    expect(tw.menu.quit).toBe('結束');
    expect(trayState({ breached: 0, atRisk: 0 }, false, 'zh-CN').tooltip).toBe('服务台 — 没有有风险的工单');
  });
});
