import { create } from 'zustand';
import type { Asset, Contract, Product, Site } from '../../../shared/contract';
import type { Customer } from '../../../shared/directory';
import type { Policy } from '../../../shared/policy';
import type { BusinessCalendar, CalendarPreset } from '../../../shared/sla';
import { presetCalendars, presetPolicies } from './presets';

/** The customers' side of the configuration: what was bought, where, and on what terms. */
export type ContractRows = { products: Product[]; customers: Customer[]; sites: Site[]; assets: Asset[]; contracts: Contract[] };

export const noContractRows: ContractRows = { products: [], customers: [], sites: [], assets: [], contracts: [] };

/**
 * The configuration the rules run on (policies, calendars, customers and their contracts), kept
 * in memory so that clocks can be computed synchronously on every write. Presets first; edits
 * from the store replace them by id. It is a DeskConfig: ticketClocks takes it as it is.
 */
export type Config = {
  policies: ReadonlyMap<string, Policy>;
  calendars: Readonly<Record<string, BusinessCalendar>>;
  calendarNames: ReadonlyMap<string, string>;
  /** The named calendars as stored (name, note), for editors and exports. */
  calendarPresets: ReadonlyMap<string, CalendarPreset>;
  products: ReadonlyMap<string, Product>;
  customers: ReadonlyMap<string, Customer>;
  sites: ReadonlyMap<string, Site>;
  assets: ReadonlyMap<string, Asset>;
  contracts: ReadonlyMap<string, Contract>;
  /** Bumped on every change so derived data (queue keys, watch lists) knows to recompute. */
  revision: number;
};

/** The customers' side of the configuration, for code that takes policies and calendars apart. */
export const configContractRows = (c: Config) => ({ products: c.products, customers: c.customers, sites: c.sites, assets: c.assets, contracts: c.contracts });

const mapOf = <T extends { id: string }>(rows: readonly T[]): ReadonlyMap<string, T> => new Map(rows.map((r) => [r.id, r]));

export function buildConfig(policies: Policy[], calendars: CalendarPreset[], revision: number, rows: ContractRows = noContractRows): Config {
  return {
    policies: mapOf(policies),
    calendars: Object.fromEntries(calendars.map((c) => [c.id, c.calendar])),
    calendarNames: new Map(calendars.map((c) => [c.id, c.name])),
    calendarPresets: mapOf(calendars),
    products: mapOf(rows.products),
    customers: mapOf(rows.customers),
    sites: mapOf(rows.sites),
    assets: mapOf(rows.assets),
    contracts: mapOf(rows.contracts),
    revision,
  };
}

type ConfigState = { config: Config; replace: (policies: Policy[], calendars: CalendarPreset[], rows?: ContractRows) => void };

export const useConfigStore = create<ConfigState>((set, get) => ({
  config: buildConfig(presetPolicies, presetCalendars, 0),
  replace: (policies, calendars, rows) => {
    const byId = <T extends { id: string }>(base: T[], over: T[]) => [...new Map([...base, ...over].map((x) => [x.id, x])).values()];
    const prev = get().config;
    const keep: ContractRows = { products: [...prev.products.values()], customers: [...prev.customers.values()], sites: [...prev.sites.values()], assets: [...prev.assets.values()], contracts: [...prev.contracts.values()] };
    set({ config: buildConfig(byId(presetPolicies, policies), byId(presetCalendars, calendars), prev.revision + 1, rows ?? keep) });
  },
}));

/** The current configuration, outside React (store middleware, timers). */
export function getConfig(): Config {
  return useConfigStore.getState().config;
}

export function useConfig(): Config {
  return useConfigStore((s) => s.config);
}
