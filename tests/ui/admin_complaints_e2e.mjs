#!/usr/bin/env node
// End to end: complaints and the hall's day. The department's handler (city_reviewer_scjg) signs in,
// opens 投诉（吐槽找茬） from the navigation, finds the complaint assigned to them (the complainant
// masked), records how it was handled and answers it: the card says 已答复. The window clerk
// (city_clerk) opens 当日预约, finds today's booking (the name masked) and checks the person in: 已到场.
//
// Usage: node tests/ui/admin_complaints_e2e.mjs <server base url> <config JSON> <screenshot dir>
//   config: {"complaint": {"number"}, "appointment": {"id", "name"}}
//
// Prints one JSON line {"ok": true, "steps": [...], ...}; on failure exit 1.

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
  if (!base || !raw || !shotDir) fail('usage: node tests/ui/admin_complaints_e2e.mjs <base url> <config> <screenshot dir>');
  const config = JSON.parse(raw);
  mkdirSync(shotDir, { recursive: true });
  const host = new URL(base).host;
  const browser = await launchChromium();
  let page;
  const shot = async (name) => page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });
  const report = { ok: true, steps, complainant: '', answered: '', checkedIn: '', name: '' };
  const card = `[data-test="complaint-${config.complaint.number}"]`;
  try {
    // 1. The handler opens the queue and the complaint assigned to them.
    page = await signedIn(browser, base, host, 'city_reviewer_scjg');
    await page.locator('.el-menu-item', { hasText: '投诉（吐槽找茬）' }).click();
    await page.waitForURL(/\/admin\/complaints$/);
    await page.locator(card).click();
    await page.locator('[data-test=complaint-content]').waitFor();
    report.complainant = await text(page, '.el-drawer .el-descriptions');
    await shot('complaint');
    step('opened the complaint');

    // 2. An answer without words is refused on the page; the handling is recorded, then the answer.
    await page.locator('[data-test=complaint-handle]').click();
    await page.locator('[data-test=complaint-error]').waitFor();
    report.emptyRefused = await text(page, '[data-test=complaint-error]');
    await page.fill('[data-test=complaint-note]', '已约谈窗口人员，调阅了当天录像');
    await page.locator('[data-test=complaint-handle]').click();
    await page.locator('[data-test=complaint-answer]').waitFor();
    await page.fill('[data-test=complaint-note]', '经核实，窗口人员未一次性说明原因，已批评教育并整改');
    await page.locator('[data-test=complaint-answer]').click();
    await page.locator('[data-test=complaint-status]', { hasText: '已答复' }).waitFor();
    report.answered = await text(page, '[data-test=complaint-status]');
    await shot('answered');
    step('answered the complaint');

    // 3. The window clerk checks the booked person in.
    await page.context().close();
    page = await signedIn(browser, base, host, 'city_clerk');
    await page.locator('.el-menu-item', { hasText: '当日预约' }).click();
    await page.waitForURL(/\/admin\/hall-day$/);
    const button = page.locator(`[data-test="check-in-${config.appointment.id}"]`);
    await button.waitFor();
    report.name = (await page.locator('tr', { has: button }).innerText()).trim();
    await button.click();
    await page.locator('[data-test=check-in-done]').waitFor();
    report.checkedIn = await text(page, '[data-test=check-in-done]');
    report.buttonsLeft = await button.count();
    await shot('checked-in');
    step('checked the person in');

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
  process.stderr.write(`admin_complaints_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  if (consoleErrors.length) process.stderr.write(`console errors: ${consoleErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
