#!/usr/bin/env node
// End to end: the real-estate transfer page (二手房联动过户). The city admin signs in, opens the page
// from the navigation, finds both transfers, opens the registered one — four utilities transferred
// (已过户), the gas company's system down: its delivery retried (正在自动重试), the seller masked and
// confirmed — and the one waiting for its visit (its next step, no staff buttons for an admin). The
// registry's reviewer then opens the waiting one and records the on-site verification before the day
// booked: refused, in Chinese, next to the page's facts.
//
// Usage: node tests/ui/admin_realestate_e2e.mjs <server base url> <config JSON> <screenshot dir>
//   config: {"registered": {"id", "number"}, "booked": {"id", "number", "day"}}
//
// Debian's Chromium driven by playwright-core from admin-ui/node_modules; any request to another host
// fails the run. Prints one JSON line {"ok": true, "steps": [...], ...}; on failure exit 1.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, fail, launchChromium } from './browser.mjs';

const TIMEOUT = Number(process.env.ADMIN_E2E_TIMEOUT_MS || 30000);
const PASSWORD = process.env.ADMIN_PASSWORD || 'liaoyi-demo-2019';
const steps = [];
const foreign = new Set();
const pageErrors = [];
const consoleErrors = [];

async function signedIn(browser, base, host, user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.host !== host) {
      foreign.add(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
  await page.goto(`${base}/admin/login`, { waitUntil: 'load' });
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
  return page;
}

const text = async (page, selector) => (await page.locator(selector).first().innerText()).trim();

async function main() {
  const [base, raw, shotDir] = process.argv.slice(2);
  if (!base || !raw || !shotDir) fail('usage: node tests/ui/admin_realestate_e2e.mjs <base url> <config> <screenshot dir>');
  const config = JSON.parse(raw);
  mkdirSync(shotDir, { recursive: true });
  const host = new URL(base).host;
  const browser = await launchChromium();
  let page;
  const shot = async (name) => page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });
  const report = { ok: true, steps, utilities: {}, summary: '', seller: '', bookedNext: '', refused: '' };
  try {
    // 1. The city admin opens the page from the navigation: both transfers are listed.
    page = await signedIn(browser, base, host, 'city_admin');
    await page.locator('.el-menu-item', { hasText: '二手房联动过户' }).click();
    await page.waitForURL(/\/admin\/real-estate$/);
    await page.locator('[data-test=transfer-list]').waitFor();
    const listed = await page.locator('[data-test=transfer-link]').allInnerTexts();
    for (const n of [config.registered.number, config.booked.number]) {
      if (!listed.includes(n)) fail(`${n} is not listed: ${listed.join(', ')}`);
    }
    step('listed both transfers');

    // 2. The registered one: each utility's state, gas retried.
    await page.locator('[data-test=transfer-link]', { hasText: config.registered.number }).click();
    await page.locator('[data-test=utilities]').waitFor();
    for (const key of ['water', 'power', 'gas', 'heat', 'broadband']) {
      report.utilities[key] = await text(page, `[data-test=utility-${key}]`);
    }
    report.summary = await text(page, '[data-test=utility-summary]');
    report.seller = `${await text(page, '[data-test=seller]')} ${await text(page, '[data-test=seller-confirmed]')}`;
    report.deedTax = await text(page, '[data-test=deed-tax]');
    report.gasTag = await page.locator('[data-test=utility-gas]').getAttribute('class');
    await shot('transfer');
    step('read each utility');

    // 3. The one waiting for its visit.
    await page.goto(`${base}/admin/real-estate/${config.booked.id}`, { waitUntil: 'load' });
    await page.locator('[data-test=next-step]').waitFor();
    report.bookedNext = await text(page, '[data-test=next-step]');
    report.bookedVisit = await text(page, '[data-test=visit]');
    report.adminSeesVerify = await page.locator('[data-test=verify]').count();
    await shot('booked');
    step('read the booked one');

    // 4. The registry's reviewer records the verification before the day: refused, in Chinese.
    await page.context().close();
    page = await signedIn(browser, base, host, 'city_reviewer_bdc');
    await page.goto(`${base}/admin/real-estate/${config.booked.id}`, { waitUntil: 'load' });
    await page.locator('[data-test=verify]').click();
    await page.locator('[data-test=form-error]').waitFor();
    report.refused = await text(page, '[data-test=form-error]');
    await shot('verify-refused');
    step('verification refused before the day');

    if (foreign.size) fail(`requests to other hosts: ${[...foreign].join(', ')}`);
    if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
    report.consoleErrors = consoleErrors;
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } catch (err) {
    if (page) await shot('failure').catch(() => {});
    throw err;
  } finally {
    await browser.close().catch(() => {});
  }
}

function step(name) {
  steps.push(name);
}

main().catch((err) => {
  const message = err instanceof CheckFailure ? err.message : `${err.name}: ${err.message.split('\n').slice(0, 6).join(' ')}`;
  process.stderr.write(`admin_realestate_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  if (consoleErrors.length) process.stderr.write(`console errors: ${consoleErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
