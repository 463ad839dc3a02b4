import { parsePolicy, type Policy } from '../../../shared/policy';
import { calendarPresetSchema, type CalendarPreset } from '../../../shared/sla';

// Presets ship inside the bundle: the app must work on first start, offline, with no server.
const policyFiles = import.meta.glob<unknown>('../../../resources/presets/policies/*.json', { eager: true, import: 'default' });
const calendarFiles = import.meta.glob<unknown>('../../../resources/presets/calendars/*.json', { eager: true, import: 'default' });

export const presetPolicies: Policy[] = Object.values(policyFiles).map((raw) => parsePolicy(raw));
export const presetCalendars: CalendarPreset[] = Object.values(calendarFiles).map((raw) => calendarPresetSchema.parse(raw));
