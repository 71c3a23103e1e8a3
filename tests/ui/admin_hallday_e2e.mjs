#!/usr/bin/env node
// A day at the hall (issue 16), in a real browser whose clock runs in New York: the first screen's
// JavaScript is measured as it crosses the wire (gzipped, the chart code not among it); the city
// administrator lands on the dashboard (the chart code comes only now), opens 个人信息访问日志 and
// reads whose data was viewed (masked) and when (China time); signs out on a page only
// administrators may open, and a window clerk signing in at the same browser lands on the clerk's
// own workbench, not on 无权访问; the clerk's session then expires on 代为收件 and the administrator
// signing in after it lands on the dashboard again.
//
// Usage: node tests/ui/admin_hallday_e2e.mjs <server base url> <config json> <screenshot dir>
//   config: {"reason": the reason of a reveal the test made, "subjectLabel": the masked subject}
//
// Saves login.png, access_log.png, clerk_home.png, admin_after_expiry.png and prints one JSON line
// {"ok": true, ...}; on failure exit 1 with {"ok": false, "error": ...} (and failure.png).
//
// Environment: CHROMIUM_PATH, ADMIN_E2E_TIMEOUT_MS (default 30000), ADMIN_PASSWORD (default liaoyi-demo-2019).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, fail, launchChromium } from './browser.mjs';

const TIMEOUT = Number(process.env.ADMIN_E2E_TIMEOUT_MS || 30000);
const PASSWORD = process.env.ADMIN_PASSWORD || 'liaoyi-demo-2019';

const steps = [];
const foreign = new Set();
const pageErrors = [];

/** Every script the page fetches from now on: url, bytes on the wire, content encoding. */
async function scriptMeter(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const pending = new Map();
  const scripts = [];
  cdp.on('Network.responseReceived', (e) => {
    if (e.type !== 'Script') return;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    pending.set(e.requestId, { url: e.response.url, encoding: headers['content-encoding'] ?? null, cache: headers['cache-control'] ?? null });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = pending.get(e.requestId);
    if (!s) return;
    pending.delete(e.requestId);
    scripts.push({ ...s, bytes: e.encodedDataLength });
  });
  return {
    /** The scripts finished since the last call. */
    take() {
      const out = scripts.splice(0, scripts.length);
      return { files: out.map((s) => path.basename(new URL(s.url).pathname)), bytes: out.reduce((n, s) => n + s.bytes, 0), scripts: out };
    },
  };
}

async function main() {
  const [base, raw, shotDir] = process.argv.slice(2);
  if (!base || !raw || !shotDir) fail('usage: node tests/ui/admin_hallday_e2e.mjs <base url> <config json> <screenshot dir>');
  const cfg = JSON.parse(raw);
  mkdirSync(shotDir, { recursive: true });
  const host = new URL(base).host;
  const browser = await launchChromium();
  let page;
  const report = {};
  const shot = async (file) => page.screenshot({ path: path.join(shotDir, `${file}.png`), fullPage: true });
  const step = (t) => steps.push(t);
  const pathname = () => new URL(page.url()).pathname;
  async function signInHere(user) {
    await page.waitForURL(/\/admin\/login/, { timeout: 2 * TIMEOUT });
    await page.fill('input[name=username]', user);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL((url) => !new URL(url).pathname.endsWith('/login'));
    await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
  }

  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', timezoneId: 'America/New_York' });
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (!['data:', 'blob:', 'about:'].includes(u.protocol) && u.host !== host) {
        foreign.add(u.href);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const meter = await scriptMeter(context, page);

    // 1. The first screen: the login page, its JavaScript as transferred.
    await page.goto(`${base}/admin/`, { waitUntil: 'networkidle', timeout: 2 * TIMEOUT });
    await page.locator('input[name=username]').waitFor();
    const first = meter.take();
    report.firstScreen = { bytes: first.bytes, files: first.files, encodings: [...new Set(first.scripts.map((s) => s.encoding))],
      caches: [...new Set(first.scripts.map((s) => s.cache))] };
    await shot('login');
    step(`first screen: ${first.files.length} scripts, ${first.bytes} bytes transferred`);

    // 2. The city administrator lands on the dashboard; the chart code comes with it, not before.
    await signInHere('city_admin');
    report.adminLanding = pathname();
    await page.locator('[data-test=card-submitted], .el-empty').first().waitFor(); // charts, or no cases yet
    await page.waitForLoadState('networkidle');
    const dash = meter.take();
    report.dashboard = { bytes: dash.bytes, files: dash.files };
    step('city_admin landed on the dashboard');

    // 3. 个人信息访问日志: whose data was viewed (masked), when (China time).
    await page.locator('.el-menu-item', { hasText: '个人信息访问日志' }).click();
    await page.waitForURL(/\/admin\/access-log/);
    const row = page.locator('.el-table__body tr', { hasText: cfg.reason }).first();
    await row.waitFor();
    report.subjectLabel = (await row.locator('[data-test=subject-label]').innerText()).trim();
    report.shownAt = (await row.locator('td').first().innerText()).trim();
    await shot('access_log');
    step('read the access log');

    // 4. Signs out on the staff page; a clerk signing in here starts on the clerk's workbench.
    await page.locator('.el-menu-item', { hasText: '工作人员' }).click();
    await page.waitForURL(/\/admin\/staff/);
    await page.click('[data-test=logout]');
    await signInHere('city_clerk');
    report.clerkLanding = pathname();
    report.clerkSawForbidden = (await page.locator('text=无权访问').count()) > 0;
    await shot('clerk_home');
    step(`city_clerk landed on ${report.clerkLanding}`);

    // 5. The clerk's session ends on 代为收件 (the token no longer valid); the admin signing in next
    //    does not land on a page for clerks.
    await page.locator('.el-menu-item', { hasText: '代为收件' }).click();
    await page.waitForURL(/\/admin\/cases\/walk-in/);
    await page.evaluate(() => {
      const key = 'liaoyi.admin.session';
      const t = JSON.parse(sessionStorage.getItem(key));
      sessionStorage.setItem(key, JSON.stringify({ ...t, token: 'expired', refreshToken: 'expired' }));
    });
    await page.reload({ waitUntil: 'load' });
    await page.waitForURL(/\/admin\/login/);
    report.expiredQuery = Object.fromEntries(new URL(page.url()).searchParams);
    await signInHere('city_admin');
    report.adminAfterExpiry = pathname();
    report.adminSawForbidden = (await page.locator('text=无权访问').count()) > 0;
    await shot('admin_after_expiry');
    step(`city_admin landed on ${report.adminAfterExpiry} after the clerk's session expired`);

    if (foreign.size) fail(`requests to other hosts: ${[...foreign].join(', ')}`);
    if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
    console.log(JSON.stringify({ ok: true, steps, ...report }));
  } catch (err) {
    if (page) await page.screenshot({ path: path.join(shotDir, 'failure.png'), fullPage: true }).catch(() => {});
    const error = err instanceof CheckFailure ? err.message : (err.stack || String(err));
    console.log(JSON.stringify({ ok: false, error, steps, url: page?.url(), ...report }));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main();
