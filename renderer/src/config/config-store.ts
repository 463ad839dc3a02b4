import { create } from 'zustand';
import type { Policy } from '../../../shared/policy';
import type { BusinessCalendar, CalendarPreset } from '../../../shared/sla';
import { presetCalendars, presetPolicies } from './presets';

/**
 * The configuration the rules run on (policies, calendars), kept in memory so that clocks can be
 * computed synchronously on every write. Presets first; edits from the store replace them by id.
 */
export type Config = {
  policies: ReadonlyMap<string, Policy>;
  calendars: Readonly<Record<string, BusinessCalendar>>;
  calendarNames: ReadonlyMap<string, string>;
  /** The named calendars as stored (name, note), for editors and exports. */
  calendarPresets: ReadonlyMap<string, CalendarPreset>;
  /** Bumped on every change so derived data (queue keys, watch lists) knows to recompute. */
  revision: number;
};

export function buildConfig(policies: Policy[], calendars: CalendarPreset[], revision: number): Config {
  return {
    policies: new Map(policies.map((p) => [p.id, p])),
    calendars: Object.fromEntries(calendars.map((c) => [c.id, c.calendar])),
    calendarNames: new Map(calendars.map((c) => [c.id, c.name])),
    calendarPresets: new Map(calendars.map((c) => [c.id, c])),
    revision,
  };
}

type ConfigState = { config: Config; replace: (policies: Policy[], calendars: CalendarPreset[]) => void };

export const useConfigStore = create<ConfigState>((set, get) => ({
  config: buildConfig(presetPolicies, presetCalendars, 0),
  replace: (policies, calendars) => {
    const byId = <T extends { id: string }>(base: T[], over: T[]) => [...new Map([...base, ...over].map((x) => [x.id, x])).values()];
    set({ config: buildConfig(byId(presetPolicies, policies), byId(presetCalendars, calendars), get().config.revision + 1) });
  },
}));

/** The current configuration, outside React (store middleware, timers). */
export function getConfig(): Config {
  return useConfigStore.getState().config;
}

export function useConfig(): Config {
  return useConfigStore((s) => s.config);
}
