#!/usr/bin/env node
// End to end: the city admin signs in, opens the statistics dashboard from the navigation, and the
// four charts are drawn (a canvas each, with pixels on it); choosing 冠县 puts the region into the URL
// and narrows the headline figures.
//
// Usage: node tests/ui/admin_dashboard_e2e.mjs <server base url> <screenshot dir>
//
// Debian's Chromium (/usr/bin/chromium) driven by playwright-core from admin-ui/node_modules. Any
// request to another host fails the run (no CDN). Saves dashboard.png and dashboard-guanxian.png
// and prints one JSON line: {"ok": true, "steps": [...], "charts": {...}, ...}; on failure exit 1.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), ADMIN_E2E_TIMEOUT_MS (default 30000),
//              ADMIN_USER / ADMIN_PASSWORD (default city_admin / liaoyi-demo-2019).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, fail, launchChromium } from './browser.mjs';

const TIMEOUT = Number(process.env.ADMIN_E2E_TIMEOUT_MS || 30000);
const USER = process.env.ADMIN_USER || 'city_admin';
const PASSWORD = process.env.ADMIN_PASSWORD || 'liaoyi-demo-2019';
const CHARTS = ['chart-volume', 'chart-on-time', 'chart-days', 'chart-overdue'];


const steps = [];
const foreign = new Set();
const pageErrors = [];
const consoleErrors = [];

/** Per chart: the canvas size and how many of its pixels are painted (not transparent). */
async function paintedCharts(page) {
  return page.evaluate((names) => {
    const out = {};
    for (const name of names) {
      const canvas = document.querySelector(`[data-test=${name}] canvas`);
      if (!canvas) {
        out[name] = { canvas: false, width: 0, height: 0, painted: 0 };
        continue;
      }
      const ctx = canvas.getContext('2d');
      const { width, height } = canvas;
      const data = ctx.getImageData(0, 0, width, height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted += 1;
      out[name] = { canvas: true, width, height, painted };
    }
    return out;
  }, CHARTS);
}

async function headline(page, key) {
  return (await page.locator(`[data-test=card-${key}] .value`).innerText()).trim();
}

async function main() {
  const [base, shotDir] = process.argv.slice(2);
  if (!base || !shotDir) fail('usage: node tests/ui/admin_dashboard_e2e.mjs <base url> <screenshot dir>');
  mkdirSync(shotDir, { recursive: true });
  const host = new URL(base).host;
  const browser = await launchChromium();
  let page;
  const shot = async (name) => page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });
  const step = (name) => steps.push(name);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.host !== host) {
        foreign.add(url.href);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));

    // 1. Sign in as the city admin; the navigation offers the dashboard.
    await page.goto(`${base}/admin/login`, { waitUntil: 'load' });
    await page.fill('input[name=username]', USER);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
    step('signed in');
    await page.locator('.el-menu-item', { hasText: '办件统计' }).click();
    await page.waitForURL(/\/admin\/dashboard/);
    step('opened the dashboard from the navigation');

    // 2. Headline cards and the four charts, each a canvas with something drawn on it.
    await page.locator('[data-test=card-submitted]').waitFor();
    for (const name of CHARTS) await page.locator(`[data-test=${name}] canvas`).waitFor();
    await page.waitForTimeout(1500); // ECharts animates the first drawing
    const charts = await paintedCharts(page);
    for (const [name, c] of Object.entries(charts)) {
      if (!c.canvas || c.width < 100 || c.height < 100) fail(`${name}: no canvas or too small ${JSON.stringify(c)}`);
      if (c.painted < 2000) fail(`${name}: the canvas is (nearly) empty ${JSON.stringify(c)}`);
    }
    const city = { submitted: await headline(page, 'submitted'), completed: await headline(page, 'completed'),
      onTime: await headline(page, 'on-time'), overdue: await headline(page, 'overdue') };
    if (!(Number(city.submitted) > 0)) fail(`no cases submitted in the default range: ${JSON.stringify(city)}`);
    await shot('dashboard');
    step(`four charts drawn (submitted ${city.submitted}, on time ${city.onTime})`);

    // 3. Choose 冠县: the region goes into the URL, and the figures narrow.
    await page.click('[data-test=region]');
    await page.locator('.el-select-dropdown__item', { hasText: '冠县' }).click();
    await page.click('[data-test=apply]');
    await page.waitForURL((url) => new URL(url).searchParams.get('region') === '371525');
    await page.locator('[data-test=card-submitted]').waitFor();
    for (const name of CHARTS) await page.locator(`[data-test=${name}] canvas`).waitFor();
    await page.waitForTimeout(1000);
    const county = { submitted: await headline(page, 'submitted') };
    if (!(Number(county.submitted) < Number(city.submitted))) {
      fail(`冠县 does not narrow the figures: ${JSON.stringify({ city, county })}`);
    }
    await shot('dashboard-guanxian');
    step(`region in the URL, 冠县 submitted ${county.submitted}`);

    // 4. A reload keeps the filter (it lives in the URL).
    await page.reload({ waitUntil: 'load' });
    await page.locator('[data-test=card-submitted]').waitFor();
    const again = await headline(page, 'submitted');
    if (again !== county.submitted) fail(`after a reload ${again}, expected ${county.submitted}`);
    step('the filter survives a reload');

    if (foreign.size) fail(`requests to other hosts: ${[...foreign].join(', ')}`);
    if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
    process.stdout.write(`${JSON.stringify({ ok: true, steps, charts, city, county, consoleErrors })}\n`);
  } catch (err) {
    if (page) await shot('failure').catch(() => {});
    throw err;
  } finally {
    await browser.close().catch(() => {});
  }
}

main().catch((err) => {
  const message = err instanceof CheckFailure ? err.message : `${err.name}: ${err.message.split('\n').slice(0, 6).join(' ')}`;
  process.stderr.write(`admin_dashboard_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  if (consoleErrors.length) process.stderr.write(`console errors: ${consoleErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
