// The configuration the app ships: the preset policies, calendars and escalation matrices, plus the
// example customers with their sites, installed base and contracts. Tests and the demo use this
// as the one answer to "what does a fresh install run on".
import businessHours from '../../resources/presets/policies/business-hours-3-severity.json' with { type: 'json' };
import enterpriseEDown from '../../resources/presets/policies/enterprise-edown.json' with { type: 'json' };
import networkImpact from '../../resources/presets/policies/network-impact-rfo.json' with { type: 'json' };
import onsite7x24 from '../../resources/presets/policies/onsite-4-level-7x24.json' with { type: 'json' };
import alwaysOpen from '../../resources/presets/calendars/always-open.json' with { type: 'json' };
import bulgaria from '../../resources/presets/calendars/bulgaria-2026-2027.json' with { type: 'json' };
import china from '../../resources/presets/calendars/china-2026-2027.json' with { type: 'json' };
import officeLunch from '../../resources/presets/calendars/office-lunch-break.json' with { type: 'json' };
import usFederal from '../../resources/presets/calendars/us-federal-2026-2027.json' with { type: 'json' };
import weekdays from '../../resources/presets/calendars/weekdays-0830-1700.json' with { type: 'json' };
import defaultMatrix from '../../resources/presets/escalation/default-matrix.json' with { type: 'json' };
import networkAgeLadder from '../../resources/presets/escalation/network-age-ladder.json' with { type: 'json' };
import productRegionVp from '../../resources/presets/escalation/product-region-vp.json' with { type: 'json' };
import supportManagers from '../../resources/presets/escalation/support-managers-m1-m2.json' with { type: 'json' };
import type { Customer } from '../directory/schema';
import type { Asset, Contract, Product, Site } from '../contract/schema';
import { demoCustomers } from '../demo/catalogue';
import { demoAssets, demoCatalogue, demoContracts, demoSites } from '../demo/contracts';
import { escalationMatrixSchema, type EscalationMatrix } from '../escalation/schema';
import { policySchema, type Policy } from '../policy/schema';
import type { BusinessCalendar } from '../sla/calendar-types';
import { calendarPresetSchema } from '../sla/calendar-schema';

/** Exactly what Settings › Configuration exports, as plain records by id. */
export type PresetConfig = {
  policies: Record<string, Policy>;
  calendars: Record<string, BusinessCalendar>;
  escalationMatrices: Record<string, EscalationMatrix>;
  products: Record<string, Product>;
  customers: Record<string, Customer>;
  sites: Record<string, Site>;
  assets: Record<string, Asset>;
  contracts: Record<string, Contract>;
};

const byId = <T extends { id: string }>(rows: readonly T[]): Record<string, T> => Object.fromEntries(rows.map((r) => [r.id, r]));

let cached: PresetConfig | undefined;

/** The shipped presets plus the example customers and contracts, parsed once. */
export function presetConfig(): PresetConfig {
  cached ??= {
    policies: byId([businessHours, enterpriseEDown, networkImpact, onsite7x24].map((p) => policySchema.parse(p))),
    calendars: Object.fromEntries([alwaysOpen, bulgaria, china, officeLunch, usFederal, weekdays].map((c) => {
      const p = calendarPresetSchema.parse(c);
      return [p.id, p.calendar];
    })),
    escalationMatrices: byId([defaultMatrix, networkAgeLadder, productRegionVp, supportManagers].map((m) => escalationMatrixSchema.parse(m))),
    products: byId(demoCatalogue),
    customers: byId(demoCustomers),
    sites: byId(demoSites),
    assets: byId(demoAssets),
    contracts: byId(demoContracts),
  };
  return cached;
}
