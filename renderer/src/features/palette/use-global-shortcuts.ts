import { useEffect } from 'react';
import { useRouter } from '../../app/router';
import { useUi } from '../../app/ui-store';
import { keySequence, navigationCommands, type Command } from './commands';
import { contextCommands } from './context-commands';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** A key pressed inside an open dialog belongs to the dialog (Esc closes it, not the screen behind). */
function inDialog(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('[role="dialog"], [role="alertdialog"]') || document.querySelector('[aria-modal="true"]') !== null;
}

function run(c: Command): void {
  if (c.route) useRouter.getState().navigate(c.route);
  c.run?.();
}

/** App-wide keys: Ctrl/Cmd+K, ?, Esc, the "g x" navigation sequences and the keys of what is on screen. */
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
      if (e.key === 'Escape' && (ui.paletteOpen || ui.helpOpen)) {
        ui.setPaletteOpen(false);
        ui.setHelpOpen(false);
        return;
      }
      if (isTyping(e.target) || inDialog(e.target) || e.ctrlKey || e.metaKey || e.altKey || ui.paletteOpen) return;
      if (e.key === '?') {
        ui.setHelpOpen(!ui.helpOpen);
        return;
      }
      if (ui.helpOpen || e.key === 'Shift') return;
      const seq = keySequence(prefix, e);
      const all = [...contextCommands(), ...navigationCommands];
      const command = all.find((c) => c.keys === seq);
      if (command) {
        e.preventDefault();
        prefix = '';
        run(command);
        return;
      }
      prefix = all.some((c) => c.keys?.startsWith(`${seq} `)) ? seq : '';
      if (prefixTimer) clearTimeout(prefixTimer);
      prefixTimer = setTimeout(() => (prefix = ''), 1200);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
