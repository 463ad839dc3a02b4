import { useEffect } from 'react';
import { useRouter } from '../../app/router';
import { useUi } from '../../app/ui-store';
import { navigationCommands } from './commands';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** App-wide keys: Ctrl/Cmd+K, ?, Esc and the two-key "g x" / single-key navigation sequences. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    let prefix = '';
    let prefixTimer: ReturnType<typeof setTimeout> | undefined;
    const onKey = (e: KeyboardEvent) => {
      const ui = useUi.getState();
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        ui.setPaletteOpen(!ui.paletteOpen);
        return;
      }
      if (e.key === 'Escape') {
        if (ui.paletteOpen || ui.helpOpen) {
          ui.setPaletteOpen(false);
          ui.setHelpOpen(false);
        }
        return;
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey || ui.paletteOpen) return;
      if (e.key === '?') {
        ui.setHelpOpen(!ui.helpOpen);
        return;
      }
      const seq = prefix ? `${prefix} ${e.key}` : e.key;
      const command = navigationCommands.find((c) => c.keys === seq);
      if (command?.route) {
        e.preventDefault();
        prefix = '';
        useRouter.getState().navigate(command.route);
        return;
      }
      prefix = navigationCommands.some((c) => c.keys?.startsWith(`${seq} `)) ? seq : '';
      if (prefixTimer) clearTimeout(prefixTimer);
      prefixTimer = setTimeout(() => (prefix = ''), 1200);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
