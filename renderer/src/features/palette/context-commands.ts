import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { Command } from './commands';

/**
 * The actions of what is on screen (the open ticket, the queue's selection), registered by the
 * components that perform them while they are mounted. The palette, the keyboard and the help read
 * this one list, so the help shows exactly the keys that work here and nothing else.
 */
type ContextCommands = { groups: Record<string, Command[]>; set: (group: string, commands: Command[] | undefined) => void };

export const useContextCommands = create<ContextCommands>((set) => ({
  groups: {},
  set: (group, commands) =>
    set((s) => {
      const groups = { ...s.groups };
      if (commands && commands.length > 0) groups[group] = commands;
      else delete groups[group];
      return { groups };
    }),
}));

/** Every command registered right now, in registration order. */
export function contextCommands(): Command[] {
  return Object.values(useContextCommands.getState().groups).flat();
}

/**
 * Registers `commands` under `group` while the calling component is mounted. `run` may close over
 * the latest props: the registry calls through a ref, so re-renders do not re-register.
 */
export function useRegisterCommands(group: string, commands: Command[]): void {
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  });
  const shape = commands.map((c) => `${c.id}|${c.keys ?? ''}|${c.labelKey}|${JSON.stringify(c.labelArgs ?? {})}`).join('\n');
  useEffect(() => {
    const stable = shape === '' ? [] : latest.current.map((c, i) => ({ ...c, run: () => latest.current[i]?.run?.() }));
    useContextCommands.getState().set(group, stable);
    return () => useContextCommands.getState().set(group, undefined);
  }, [group, shape]);
}
