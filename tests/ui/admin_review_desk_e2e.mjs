#!/usr/bin/env node
// End to end: the review desk's 督办 and a printed decision (issue 16).
// 1. The hall supervisor opens a case under review and urges the department (督办): an empty message
//    is refused next to the field, in Chinese; with a message, the timeline shows the 督办 row.
// 2. The supervisor opens a denied case, follows 打印《不予许可决定书》 and reads the sheet (number,
//    reasons, remedies); printed, the toolbar is gone and the sheet stays.
//
// Usage: node tests/ui/admin_review_desk_e2e.mjs <server base url> <config JSON> <screenshot dir>
//   config: {"urgedCase": global id, "deniedCase": global id, "message": "…"}
//
// Debian's Chromium driven by playwright-core from admin-ui/node_modules; any request to another host
// fails the run. Prints one JSON line {"ok": true, "steps": [...], ...}; on failure exit 1.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, fail, launchChromium } from './browser.mjs';

const TIMEOUT = Number(process.env.ADMIN_E2E_TIMEOUT_MS || 20000);
const PASSWORD = process.env.ADMIN_PASSWORD || 'liaoyi-demo-2019';
const steps = [];
const foreign = new Set();
const pageErrors = [];

async function signedIn(browser, base, host, user) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
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
  await page.goto(`${base}/admin/login`, { waitUntil: 'load' });
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
  return page;
}

async function main() {
  const [base, raw, shotDir] = process.argv.slice(2);
  if (!base || !raw || !shotDir) fail('usage: node tests/ui/admin_review_desk_e2e.mjs <base url> <config> <screenshot dir>');
  const config = JSON.parse(raw);
  mkdirSync(shotDir, { recursive: true });
  const host = new URL(base).host;
  const browser = await launchChromium();
  let page;
  const shot = async (name) => page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });
  const report = { ok: true, steps };
  try {
    page = await signedIn(browser, base, host, 'city_supervisor');

    // 1. 督办 on a case under review
    await page.goto(`${base}/admin/cases/${encodeURIComponent(config.urgedCase)}`, { waitUntil: 'load' });
    await page.locator('[data-test=urge]').click();
    const dialog = page.locator('[data-test=urge-dialog]');
    await dialog.locator('[data-test=urge-message]').waitFor();
    await dialog.locator('[data-test=urge-submit]').click();
    const fieldError = dialog.locator('.el-form-item__error');
    await fieldError.waitFor();
    report.emptyError = (await fieldError.innerText()).trim();
    await dialog.locator('[data-test=urge-message]').fill(config.message);
    await shot('urge_dialog');
    await dialog.locator('[data-test=urge-submit]').click();
    await dialog.locator('[data-test=urge-submit]').waitFor({ state: 'hidden' });
    const row = page.locator('[data-test=timeline] tbody tr', { hasText: '督办' });
    await row.waitFor();
    report.timelineRow = (await row.innerText()).replace(/\s+/g, ' ').trim();
    report.status = (await page.locator('[data-test=case-status]').innerText()).trim();
    await shot('urged');
    step('urged');

    // 2. the denied case's decision, printed
    await page.goto(`${base}/admin/cases/${encodeURIComponent(config.deniedCase)}`, { waitUntil: 'load' });
    const link = page.locator('[data-test=decision-notice-link]');
    await link.waitFor();
    report.link = (await link.innerText()).trim();
    await link.click();
    await page.locator('[data-test=decision]').waitFor();
    report.title = (await page.locator('[data-test=decision-title]').innerText()).trim();
    report.number = (await page.locator('[data-test=decision-number]').innerText()).trim();
    report.reason = (await page.locator('[data-test=decision-reason]').innerText()).trim();
    report.remedy = (await page.locator('[data-test=decision-remedy]').innerText()).trim();
    report.applicant = (await page.locator('[data-test=decision-applicant]').innerText()).trim();
    await shot('decision');
    await page.emulateMedia({ media: 'print' });
    report.toolbarPrinted = await page.locator('[data-test=print]').isVisible();
    report.sheetPrinted = await page.locator('[data-test=decision]').isVisible();
    await page.pdf({ path: path.join(shotDir, 'decision.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    step('decision printed');

    if (foreign.size) fail(`requests to other hosts: ${[...foreign].join(', ')}`);
    if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
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
  process.stderr.write(`admin_review_desk_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
