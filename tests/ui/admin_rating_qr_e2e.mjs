#!/usr/bin/env node
// End to end: the 好差评 QR code on a printed notice, and 窗口服务登记 for the evaluator device.
// 1. The window clerk opens a finished case's 容缺受理通知书: the sheet carries the rating QR code the
//    server drew (its <img src> is reported back, for the test to check what it encodes).
// 2. The clerk opens another case, picks a window of the hall and marks the case served there
//    (serveCaseAtWindow): the page says so.
//
// Usage: node tests/ui/admin_rating_qr_e2e.mjs <server base url> <config JSON> <screenshot dir>
//   config: {"noticeCase": global id, "servedCase": global id, "window": "<number> <name>"}
//
// Debian's Chromium driven by playwright-core from admin-ui/node_modules; any request to another host
// fails the run. Prints one JSON line {"ok": true, "steps": [...], "qr": data URI, ...}; on failure exit 1.

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
  if (!base || !raw || !shotDir) fail('usage: node tests/ui/admin_rating_qr_e2e.mjs <base url> <config> <screenshot dir>');
  const config = JSON.parse(raw);
  mkdirSync(shotDir, { recursive: true });
  const host = new URL(base).host;
  const browser = await launchChromium();
  let page;
  const shot = async (name) => page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });
  const report = { ok: true, steps, qr: '', qrShown: false, caption: '', served: '', windows: [] };
  try {
    page = await signedIn(browser, base, host, 'city_clerk');

    // 1. The printed notice carries the QR code drawn by the server.
    await page.goto(`${base}/admin/cases/${encodeURIComponent(config.noticeCase)}/deferral-notice`, { waitUntil: 'load' });
    const qr = page.locator('[data-test=notice] [data-test=notice-rating-qr] img');
    await qr.waitFor();
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await qr.elementHandle());
    report.qr = (await qr.getAttribute('src')) ?? '';
    const box = await qr.boundingBox();
    report.qrShown = !!box && box.width > 50 && box.height > 50;
    report.caption = (await page.locator('[data-test=notice-rating-qr] figcaption').innerText()).trim();
    await shot('notice');
    // on paper too: the print media keeps the QR code
    await page.emulateMedia({ media: 'print' });
    report.qrPrinted = await qr.isVisible();
    await page.emulateMedia({ media: 'screen' });
    step('notice with the QR code');

    // 2. 窗口服务登记 on the case page.
    await page.goto(`${base}/admin/cases/${encodeURIComponent(config.servedCase)}`, { waitUntil: 'load' });
    const card = page.locator('[data-test=serve-at-window]');
    await card.locator('[data-test=serve-at-window-button]').waitFor();
    await card.locator('[data-test=serve-window-select]').click();
    const options = page.locator('.el-select-dropdown__item:visible');
    await options.first().waitFor();
    report.windows = (await options.allInnerTexts()).map((t) => t.trim());
    await options.filter({ hasText: config.window }).first().click();
    await card.locator('[data-test=serve-at-window-button]').click();
    await card.locator('[data-test=serve-at-window-done]').waitFor();
    report.served = (await card.locator('[data-test=serve-at-window-done]').innerText()).trim();
    await shot('served');
    step('served at the window');

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
  process.stderr.write(`admin_rating_qr_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  if (consoleErrors.length) process.stderr.write(`console errors: ${consoleErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
