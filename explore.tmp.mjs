import { chromium } from '@playwright/test';
const lang = process.argv[2] ?? 'bg';
const base = 'http://127.0.0.1:5306/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
await page.goto(base);
await page.evaluate((l) => localStorage.setItem('service-desk.language', l), lang);
await page.goto(base);
await page.waitForSelector('[data-testid=queue-row]', { timeout: 30000 });
const seen = new Set();
async function dump(name) {
  await page.waitForTimeout(1200);
  const texts = await page.evaluate(() => {
    const out = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n; while ((n = w.nextNode())) { const s = n.textContent.trim(); if (s && n.parentElement && n.parentElement.offsetParent !== null) out.push(s); }
    for (const el of document.querySelectorAll('[title],[aria-label],[placeholder]')) for (const a of ['title','aria-label','placeholder']) { const v = el.getAttribute(a); if (v) out.push('@'+a+': '+v); }
    for (const o of document.querySelectorAll('option')) out.push('opt: '+o.textContent);
    return out;
  });
  for (const s of texts) {
    if (/[A-Za-z]{3,}/.test(s) || /\{\{/.test(s)) { const k = s.slice(0,140); if (!seen.has(k)) { seen.add(k); console.log(`[${name}] ${k}`); } }
  }
}
const routes = process.argv.slice(3).length ? process.argv.slice(3) : ['#/queue/my','#/queue/all','#/queue/breached','#/new','#/dispatch','#/visits','#/reports','#/settings/sync','#/settings/identity','#/settings/people','#/settings/notifications','#/settings/escalation','#/settings/policies','#/settings/calendars','#/settings/demo','#/settings/backup'];
for (const r of routes) { await page.goto(base + r); await dump(r); }
// a ticket
await page.goto(base + '#/queue/breached');
await page.waitForSelector('[data-testid=queue-row]');
const id = await page.getByTestId('queue-row').first().getAttribute('data-ticket-id');
await page.goto(base + '#/ticket/' + id); await dump('ticket '+id);
await browser.close();
