// Host contract cases shared by every host (Electron main handlers in Node, the web host in
// Chromium through Playwright). Pure data plus a runner with no test-framework dependency.
import { ipcCalls } from '../../shared/ipc';
import type { IpcCall, IpcError, IpcResult, NotificationSettings } from '../../shared/ipc';
import type { WatchEntry } from '../../shared/sla/watch';

/** Any host's invoke; inputs are unknown on purpose so that malformed ones can be sent. */
export type HostInvoke = (call: IpcCall, input: unknown) => Promise<IpcResult<unknown>>;

/** `equals`: the whole answer; `includes`: these fields of it (answers that also carry host-specific values). */
export type ContractExpectation = { ok: true; equals?: unknown; includes?: Record<string, unknown> } | { ok: false; codes: ReadonlyArray<IpcError['code']> };
export type ContractStep = { call: IpcCall; input: unknown; expect: ContractExpectation };
export type HostContractCase = { name: string; steps: ContractStep[] };
export type HostContractResult = { name: string; passed: boolean; detail: string };

const rejected = (...codes: Array<IpcError['code']>): ContractExpectation => ({ ok: false, codes });
const ok = (equals?: unknown): ContractExpectation => (equals === undefined ? { ok: true } : { ok: true, equals });
const okWith = (includes: Record<string, unknown>): ContractExpectation => ({ ok: true, includes });

// Far in the future so that no host fires it while the suite runs.
const farAt = Date.UTC(2099, 0, 1, 9, 0);
const watchEntry: WatchEntry = { ticketId: 'SD-TEST01-0001', clock: 'first_response', threshold: 75, at: farAt, label: { customer: 'Example Utility', severity: 'S2', title: 'Contract test ticket' } };
const quietSettings: NotificationSettings = { quietHours: { start: '22:00', end: '07:00' }, severities: ['S1', 'S2'], mutedTickets: ['SD-TEST01-0009'], paused: true };
const defaultSettings: NotificationSettings = { quietHours: null, severities: [], mutedTickets: [], paused: false };
const server = 'https://sync.example.com';
/** The bytes of the attachment the contract opens (the hosts must hand exactly these on). */
export const attachmentLog = new TextEncoder().encode('2025-03-03T09:00:00Z core1 BGP session to 192.0.2.1 down\n');
const windowsProgram = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

/** The cases every host must pass, in order (some cases depend on state they set up themselves). */
export const hostContractCases: HostContractCase[] = [
  { name: 'app.info answers with version, platform and host kind', steps: [{ call: 'app.info', input: {}, expect: ok() }] },
  { name: 'app.info rejects unexpected fields and null', steps: [{ call: 'app.info', input: { extra: 1 }, expect: rejected('invalid_input') }, { call: 'app.info', input: null, expect: rejected('invalid_input') }] },
  {
    name: 'app.setLanguage switches the notification language, with English for languages without texts',
    steps: [
      { call: 'app.setLanguage', input: { language: 'bg' }, expect: ok({ language: 'bg' }) },
      { call: 'app.info', input: {}, expect: okWith({ language: 'bg' }) },
      { call: 'app.setLanguage', input: { language: 'zh-CN' }, expect: ok({ language: 'zh-CN' }) },
      { call: 'app.setLanguage', input: { language: 'zh-Hant-HK' }, expect: ok({ language: 'zh-TW' }) },
      { call: 'app.setLanguage', input: { language: 'fr' }, expect: ok({ language: 'en' }) },
      { call: 'app.info', input: {}, expect: okWith({ language: 'en' }) },
    ],
  },
  {
    name: 'app.setLanguage refuses malformed languages and keeps the current one',
    steps: [
      { call: 'app.setLanguage', input: { language: 'zh-TW' }, expect: ok({ language: 'zh-TW' }) },
      { call: 'app.setLanguage', input: { language: '../../etc/passwd' }, expect: rejected('invalid_input') },
      { call: 'app.setLanguage', input: { language: '' }, expect: rejected('invalid_input') },
      { call: 'app.setLanguage', input: { language: `en-${'x'.repeat(60)}` }, expect: rejected('invalid_input') },
      { call: 'app.setLanguage', input: { language: 7 }, expect: rejected('invalid_input') },
      { call: 'app.setLanguage', input: {}, expect: rejected('invalid_input') },
      { call: 'app.info', input: {}, expect: okWith({ language: 'zh-TW' }) },
      // Back to the language the app starts in, for the cases that follow.
      { call: 'app.setLanguage', input: { language: 'en' }, expect: ok({ language: 'en' }) },
    ],
  },
  {
    name: 'sla.setWatchList arms the list and an empty list disarms it',
    steps: [
      { call: 'sla.setWatchList', input: { entries: [watchEntry] }, expect: ok({ armed: 1, nextAt: farAt }) },
      { call: 'sla.setWatchList', input: { entries: [] }, expect: ok({ armed: 0, nextAt: null }) },
    ],
  },
  {
    name: 'sla.setWatchList rejects malformed lists',
    steps: [
      { call: 'sla.setWatchList', input: { entries: 'all of them' }, expect: rejected('invalid_input') },
      { call: 'sla.setWatchList', input: {}, expect: rejected('invalid_input') },
      { call: 'sla.setWatchList', input: { entries: [{ ...watchEntry, ticketId: '' }] }, expect: rejected('invalid_input') },
      { call: 'sla.setWatchList', input: { entries: [{ ...watchEntry, threshold: 150 }] }, expect: rejected('invalid_input') },
      { call: 'sla.setWatchList', input: { entries: [{ ...watchEntry, at: '2099-01-01' }] }, expect: rejected('invalid_input') },
    ],
  },
  {
    name: 'notification settings round-trip',
    steps: [
      { call: 'notifications.setSettings', input: quietSettings, expect: ok(quietSettings) },
      { call: 'notifications.getSettings', input: {}, expect: ok(quietSettings) },
      { call: 'notifications.setSettings', input: defaultSettings, expect: ok(defaultSettings) },
      { call: 'notifications.getSettings', input: {}, expect: ok(defaultSettings) },
    ],
  },
  {
    name: 'notification settings reject bad times and missing fields without changing anything',
    steps: [
      { call: 'notifications.setSettings', input: { ...quietSettings, quietHours: { start: '25:00', end: '07:00' } }, expect: rejected('invalid_input') },
      { call: 'notifications.setSettings', input: { quietHours: null }, expect: rejected('invalid_input') },
      { call: 'notifications.getSettings', input: {}, expect: ok(defaultSettings) },
    ],
  },
  {
    name: 'tray.setCounts accepts counts and rejects negative ones',
    steps: [
      { call: 'tray.setCounts', input: { breached: 1, atRisk: 2 }, expect: ok({}) },
      { call: 'tray.setCounts', input: { breached: -1, atRisk: 0 }, expect: rejected('invalid_input') },
      { call: 'tray.setCounts', input: { breached: 1.5, atRisk: 0 }, expect: rejected('invalid_input') },
    ],
  },
  {
    name: 'mail drafts and calendar files are handed off',
    steps: [
      { call: 'draft.openEml', input: { fileName: 'SD-TEST01-0001 update.eml', eml: 'X-Unsent: 1\r\nSubject: Update\r\n\r\nHello' }, expect: ok() },
      { call: 'calendar.openIcs', input: { fileName: 'SD-TEST01-0001 visit.ics', ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }, expect: ok() },
    ],
  },
  {
    name: 'hand-off file names cannot leave the hand-off folder',
    steps: [
      { call: 'draft.openEml', input: { fileName: '../evil.eml', eml: 'x' }, expect: rejected('invalid_input', 'forbidden') },
      { call: 'draft.openEml', input: { fileName: '..', eml: 'x' }, expect: rejected('invalid_input', 'forbidden') },
      { call: 'calendar.openIcs', input: { fileName: '/etc/cron.d/x.ics', ics: 'x' }, expect: rejected('invalid_input', 'forbidden') },
      { call: 'calendar.openIcs', input: { fileName: 'C:\\Windows\\x.ics', ics: 'x' }, expect: rejected('invalid_input', 'forbidden') },
      { call: 'draft.openEml', input: { fileName: 'x.eml' }, expect: rejected('invalid_input') },
    ],
  },
  {
    name: 'external.open accepts https: and mailto:',
    steps: [
      { call: 'external.open', input: { url: 'https://status.example.com/incidents/42' }, expect: ok({}) },
      { call: 'external.open', input: { url: 'mailto:noc@example.com?subject=SD-TEST01-0001' }, expect: ok({}) },
    ],
  },
  {
    name: 'external.open refuses file:, javascript:, data:, http: and garbage',
    steps: ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'http://example.com', 'not a url'].map((url) => ({
      call: 'external.open' as const,
      input: { url },
      expect: rejected('forbidden', 'invalid_input'),
    })),
  },
  {
    name: 'attachment.open opens (desktop) or saves (web) a log file, and refuses programs, scripts and pages',
    steps: [
      { call: 'attachment.open', input: { name: 'SD-TEST01-0001 router.log', bytes: attachmentLog }, expect: ok() },
      { call: 'attachment.open', input: { name: 'setup.exe', bytes: attachmentLog }, expect: ok({ outcome: 'refused', reason: 'executable' }) },
      { call: 'attachment.open', input: { name: 'photo.png', bytes: windowsProgram }, expect: ok({ outcome: 'refused', reason: 'executable' }) },
      { call: 'attachment.open', input: { name: 'fix.ps1', bytes: attachmentLog }, expect: ok({ outcome: 'refused', reason: 'script' }) },
      { call: 'attachment.open', input: { name: 'status.html', bytes: attachmentLog }, expect: ok({ outcome: 'refused', reason: 'web_page' }) },
    ],
  },
  {
    name: 'attachment.open rejects malformed input',
    steps: [
      { call: 'attachment.open', input: { name: 'a.log', bytes: 'bytes as text' }, expect: rejected('invalid_input') },
      { call: 'attachment.open', input: { name: 'a.log', bytes: [104, 105] }, expect: rejected('invalid_input') },
      { call: 'attachment.open', input: { name: '', bytes: attachmentLog }, expect: rejected('invalid_input') },
      { call: 'attachment.open', input: { bytes: attachmentLog }, expect: rejected('invalid_input') },
    ],
  },
  { name: 'clipboard.writeText copies text', steps: [{ call: 'clipboard.writeText', input: { text: 'SD-TEST01-0001' }, expect: ok({}) }, { call: 'clipboard.writeText', input: { text: 42 }, expect: rejected('invalid_input') }] },
  {
    name: 'secrets round-trip per server and clear with null',
    steps: [
      { call: 'secrets.setToken', input: { serverUrl: server, token: 'tok-contract-1' }, expect: ok({}) },
      { call: 'secrets.getToken', input: { serverUrl: server }, expect: ok({ token: 'tok-contract-1' }) },
      { call: 'secrets.getToken', input: { serverUrl: 'https://other.example.com' }, expect: ok({ token: null }) },
      { call: 'secrets.setToken', input: { serverUrl: server, token: null }, expect: ok({}) },
      { call: 'secrets.getToken', input: { serverUrl: server }, expect: ok({ token: null }) },
    ],
  },
  { name: 'secrets reject a server that is not a URL', steps: [{ call: 'secrets.setToken', input: { serverUrl: 'sync server', token: 'x' }, expect: rejected('invalid_input') }] },
];

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function checkStep(step: ContractStep, result: IpcResult<unknown>): string | null {
  const label = `${step.call}(${JSON.stringify(step.input)})`;
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') return `${label} did not answer with an envelope`;
  if (!step.expect.ok) {
    if (result.ok) return `${label} succeeded but should have been rejected with ${step.expect.codes.join(' or ')}`;
    if (!step.expect.codes.includes(result.error.code)) return `${label} was rejected with ${result.error.code}, expected ${step.expect.codes.join(' or ')}`;
    if (typeof result.error.message !== 'string' || result.error.message.length === 0) return `${label} was rejected without a message`;
    return null;
  }
  if (!result.ok) return `${label} failed with ${result.error.code}: ${result.error.message}`;
  const parsed = ipcCalls[step.call].output.safeParse(result.data);
  if (!parsed.success) return `${label} returned data that does not match the output schema: ${JSON.stringify(result.data)}`;
  if (step.expect.equals !== undefined && !deepEqual(result.data, step.expect.equals)) return `${label} returned ${JSON.stringify(result.data)}, expected ${JSON.stringify(step.expect.equals)}`;
  const data = result.data as Record<string, unknown>;
  for (const [k, v] of Object.entries(step.expect.includes ?? {})) {
    if (!deepEqual(data[k], v)) return `${label} returned ${k}=${JSON.stringify(data[k])}, expected ${JSON.stringify(v)}`;
  }
  return null;
}

/** Runs every case against a host; never throws, one result per case. */
export async function runHostContract(invoke: HostInvoke, cases: readonly HostContractCase[] = hostContractCases): Promise<HostContractResult[]> {
  const results: HostContractResult[] = [];
  for (const c of cases) {
    let detail = '';
    for (const step of c.steps) {
      try {
        detail = checkStep(step, await invoke(step.call, step.input)) ?? '';
      } catch (error) {
        detail = `${step.call} threw across the boundary: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (detail) break;
    }
    results.push({ name: c.name, passed: detail === '', detail: detail || `${c.steps.length} step(s) passed` });
  }
  return results;
}
