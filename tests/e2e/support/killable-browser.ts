import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import config from '../../../playwright.config';

/**
 * A browser on a persistent profile that a test can kill like a crash or a dead battery would
 * (SIGKILL of the browser process: no unload, no flush) and start again on the same profile.
 * Launched with the same executable, arguments and viewport as every other spec.
 */
export type KillableBrowser = { context: BrowserContext; page: Page; pid: number };

const use = config.use ?? {};
const baseURL = use.baseURL ?? 'http://127.0.0.1:4317';

export function makeProfileDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sd-kill-profile-'));
  // Helper processes of a killed browser may still be exiting (and writing): retry, and leave the
  // temporary folder behind rather than fail a test that passed.
  const remove = () => {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (e) {
      console.warn(`could not remove the test profile ${dir}: ${String(e)}`);
    }
  };
  return { dir, remove };
}

/** The pid of the browser process (not a renderer or helper) running on this profile. */
function browserPid(profileDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string[];
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (cmdline.some((a) => a === `--user-data-dir=${profileDir}`) && !cmdline.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no browser process found for profile ${profileDir}`);
}

export async function launchOnProfile(profileDir: string, opts: { timezoneId?: string } = {}): Promise<KillableBrowser> {
  const context = await chromium.launchPersistentContext(profileDir, {
    ...opts,
    ...(use.launchOptions?.executablePath ? { executablePath: use.launchOptions.executablePath } : {}),
    args: use.launchOptions?.args ?? [],
    baseURL,
    viewport: use.viewport ?? null,
    locale: 'en-US',
  });
  // A step that cannot happen fails with its own message instead of running into the test's timeout.
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, pid: browserPid(profileDir) };
}

/** Kills the browser process at once (SIGKILL) and waits until it is gone. */
export async function killBrowser(b: KillableBrowser): Promise<void> {
  process.kill(b.pid, 'SIGKILL');
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(b.pid, 0);
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await b.context.close().catch(() => undefined);
}
