import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import type { IpcCall, IpcResult } from '../../shared/ipc';
import { attachmentLog, hostContractCases, runHostContract } from '../contract/host-contract';

type PageHost = { kind: string; call(call: IpcCall, input: unknown): Promise<IpcResult<unknown>> };

// The same cases and runner as tests/contract/main-host.test.ts (Node, Electron main handlers):
// here each call crosses into the page and runs on the web host's own object, the way the
// renderer calls it, with its answer structured-cloned back like an IPC reply.
test('the web host passes the shared host contract in Chromium', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL ?? '' });
  const downloads: string[] = [];
  const saved = new Map<string, Promise<string | null>>();
  page.on('download', (d) => {
    downloads.push(d.suggestedFilename());
    saved.set(d.suggestedFilename(), d.path());
  });
  // https links open a new tab; keep it from reaching the network.
  await context.route('https://status.example.com/**', (route) => route.fulfill({ status: 204, body: '' }));
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __serviceDeskHost?: PageHost }).__serviceDeskHost?.kind)).toBe('web');

  const results = await runHostContract((call, input) =>
    page.evaluate(([c, i]) => (window as unknown as { __serviceDeskHost: PageHost }).__serviceDeskHost.call(c, i), [call, input] as const),
  );
  expect(results.filter((r) => !r.passed)).toEqual([]);
  expect(results).toHaveLength(hostContractCases.length);

  // The side effects a user would notice: the two hand-off files and the opened attachment were
  // offered as downloads under their own names (nothing refused was), and the copied text is on the clipboard.
  await expect.poll(() => downloads.sort()).toEqual(['SD-TEST01-0001 router.log', 'SD-TEST01-0001 update.eml', 'SD-TEST01-0001 visit.ics']);
  const logPath = await saved.get('SD-TEST01-0001 router.log');
  expect(readFileSync(logPath ?? '')).toEqual(Buffer.from(attachmentLog));
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('SD-TEST01-0001');
});
