import type { Route } from '../../app/router';

/** A command the palette and the keyboard share; `keys` is what the help overlay shows. */
export type Command = { id: string; labelKey: string; labelArgs?: Record<string, string>; keys?: string; route?: Route; run?: () => void };

export const navigationCommands: Command[] = [
  { id: 'go-my', labelKey: 'commands.goMy', keys: 'g m', route: { screen: 'queue', view: 'my' } },
  { id: 'go-unassigned', labelKey: 'commands.goUnassigned', keys: 'g u', route: { screen: 'queue', view: 'unassigned' } },
  { id: 'go-breaching', labelKey: 'commands.goBreaching', keys: 'g s', route: { screen: 'queue', view: 'breaching_soon' } },
  { id: 'go-breached', labelKey: 'commands.goBreached', keys: 'g b', route: { screen: 'queue', view: 'breached' } },
  { id: 'go-all', labelKey: 'commands.goAll', keys: 'g a', route: { screen: 'queue', view: 'all' } },
  { id: 'new-ticket', labelKey: 'commands.newTicket', keys: 'c', route: { screen: 'intake' } },
  { id: 'go-dispatch', labelKey: 'commands.goDispatch', keys: 'g d', route: { screen: 'dispatch' } },
  { id: 'go-visits', labelKey: 'commands.goVisits', keys: 'g v', route: { screen: 'visits' } },
  { id: 'go-reports', labelKey: 'commands.goReports', keys: 'g r', route: { screen: 'reports' } },
  { id: 'go-settings', labelKey: 'commands.goSettings', keys: 'g ,', route: { screen: 'settings' } },
];

/** Keys that work in a queue's list; listed in the help overlay. */
export const listShortcuts: { keys: string; labelKey: string }[] = [
  { keys: 'j / ↓', labelKey: 'shortcuts.next' },
  { keys: 'k / ↑', labelKey: 'shortcuts.previous' },
  { keys: 'Enter', labelKey: 'shortcuts.open' },
  { keys: 'x', labelKey: 'shortcuts.select' },
  { keys: '/', labelKey: 'shortcuts.search' },
];

/** Keys that work on every screen. */
export const globalShortcuts: { keys: string; labelKey: string }[] = [
  { keys: 'Ctrl/⌘ K', labelKey: 'shortcuts.palette' },
  { keys: '?', labelKey: 'shortcuts.help' },
];

/** The key a shortcut sequence like "Shift+E" or "b a" names, as KeyboardEvent.key reports it. */
export function keySequence(prefix: string, e: { key: string }): string {
  const key = e.key === 'Escape' ? 'Esc' : e.key;
  return prefix ? `${prefix} ${key}` : key;
}

/** Case- and accent-insensitive subsequence match, so "brch" finds "Breached". */
export function matchesQuery(label: string, query: string): boolean {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const l = fold(label);
  let i = 0;
  for (const ch of fold(query).replace(/\s+/g, '')) {
    i = l.indexOf(ch, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}
