#!/usr/bin/env node
// End to end: 差评整改. The department's reviewer signs in, opens 差评整改 from the navigation and
// finds the bad rating's card (pending, its due day); starts it, records what was done, and — the card
// now under 已办结, 待回访 — records the revisit with the person's satisfaction; then reads the 好差评
// page's measures.
//
// Usage: node tests/ui/admin_ratings_e2e.mjs <server base url> <config JSON> <screenshot dir>
//   config: {"number": case number, "due": "YYYY-MM-DD"}
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

async function main() {
  const [base, raw, shotDir] = process.argv.slice(2);
  if (!base || !raw || !shotDir) fail('usage: node tests/ui/admin_ratings_e2e.mjs <base url> <config> <screenshot dir>');
  const config = JSON.parse(raw);
  mkdirSync(shotDir, { recursive: true });
  const host = new URL(base).host;
  const browser = await launchChromium();
  let page;
  const shot = async (name) => page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });
  const report = { ok: true, steps, pending: '', due: false, done: '', revisit: '', measures: '' };
  const card = () => page.locator('[data-test=rect-card]', { hasText: config.number });
  try {
    // 1. The reviewer opens 差评整改 from the navigation: the card is there, pending.
    page = await signedIn(browser, base, host, 'city_reviewer_scjg');
    await page.locator('.el-menu-item', { hasText: '差评整改' }).click();
    await page.waitForURL(/\/admin\/ratings\/rectifications$/);
    await card().waitFor();
    report.pending = (await card().locator('[data-test=rect-status]').innerText()).trim();
    report.due = (await card().innerText()).includes(config.due);
    await shot('todo');
    step('found the card');

    // 2. Start, then finish with the measures taken.
    await card().locator('[data-test=rect-start]').click();
    await card().locator('[data-test=rect-status]', { hasText: '整改中' }).waitFor();
    await card().locator('[data-test=rect-finish]').click();
    await page.locator('[data-test=rect-submit]').click();
    await page.locator('.el-form-item__error', { hasText: '请填写整改措施' }).waitFor();
    await page.locator('textarea[data-test=rect-text], [data-test=rect-text] textarea').fill('窗口一次性告知清单已更新，相关人员已培训');
    await page.locator('[data-test=rect-submit]').click();
    await card().waitFor({ state: 'detached' });
    step('rectified');

    // 3. Under 已办结: 待回访; the revisit with the person's satisfaction.
    await page.locator('[data-test=rect-tabs] label', { hasText: '已办结' }).click();
    await card().waitFor();
    report.done = (await card().locator('[data-test=rect-status]').innerText()).trim();
    await card().locator('[data-test=rect-revisit]').click();
    await page.locator('[data-test=revisit-satisfaction] .el-rate__item').nth(3).click();
    await page.locator('textarea[data-test=rect-text], [data-test=rect-text] textarea').fill('电话回访，认可整改');
    await page.locator('[data-test=rect-submit]').click();
    await card().locator('.el-tag', { hasText: '已回访' }).waitFor();
    report.revisit = (await card().locator('.el-tag', { hasText: '已回访' }).innerText()).trim();
    report.revisitButtons = await card().locator('[data-test=rect-revisit]').count();
    await shot('revisited');
    step('revisited');

    // 4. The 好差评 page: the measures of the department.
    await page.locator('.el-menu-item', { hasText: '好差评' }).first().click();
    await page.waitForURL(/\/admin\/ratings$/);
    await page.locator('[data-test=rating-measures]').waitFor();
    report.measures = (await page.locator('[data-test=rating-measures]').innerText()).replace(/\s+/g, ' ').trim();
    await shot('ratings');
    step('read the measures');

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
  process.stderr.write(`admin_ratings_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  if (consoleErrors.length) process.stderr.write(`console errors: ${consoleErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
