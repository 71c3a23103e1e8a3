#!/usr/bin/env node
// Every admin page at 1280×720 (a hall PC) and at 768×1024 (a hall tablet), measured (issue 16):
// each role signs in and opens every page of its menu, then the detail pages the spec names; on each
// the layout checks of layout_checks.mjs run (nothing overflows the viewport without a scrollbar, no
// table cell is cut off, no label runs over two lines, no cell stacks its characters). The side menu
// is open at 1280 and collapsed at 768 (a toggle opens it over the page; choosing a page closes it).
//
// Usage: node tests/ui/admin_layout_e2e.mjs <server base url> <spec json> <screenshot dir>
//   spec: {"roles": {"<username>": ["/extra/route", ...]}, "sizes": [[1280, 720], [768, 1024]]}
//
// Saves <width>_<username>_<page>.png for every page; prints one JSON line
// {"ok": true, "visits": [{size, user, path, title, problems}], "menu": {...}}; on failure exits 1
// with {"ok": false, "error": ...} and failure.png.
//
// Environment: CHROMIUM_PATH, ADMIN_E2E_TIMEOUT_MS (default 30000), ADMIN_PASSWORD (default liaoyi-demo-2019).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, fail, launchChromium } from './browser.mjs';
import { layoutProblems, quietTracker } from './layout_checks.mjs';

const TIMEOUT = Number(process.env.ADMIN_E2E_TIMEOUT_MS || 30000);
const PASSWORD = process.env.ADMIN_PASSWORD || 'liaoyi-demo-2019';

const steps = [];
const pageErrors = [];
const foreign = new Set();

const slug = (p) => p.replace(/^\/+/, '').replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60) || 'home';

async function main() {
  const [base, raw, shotDir] = process.argv.slice(2);
  if (!base || !raw || !shotDir) fail('usage: node tests/ui/admin_layout_e2e.mjs <base url> <spec json> <screenshot dir>');
  const spec = JSON.parse(raw);
  mkdirSync(shotDir, { recursive: true });
  const host = new URL(base).host;
  const browser = await launchChromium();
  const visits = [];
  const menu = {};
  let page;
  try {
    for (const [width, height] of spec.sizes) {
      for (const [user, extra] of Object.entries(spec.roles)) {
        const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
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
        page.on('pageerror', (err) => pageErrors.push(`${user}@${width}: ${err.message}`));
        const quiet = quietTracker(page);
        const pathname = () => new URL(page.url()).pathname.replace(/^\/admin/, '');
        const visit = async (title, started) => {
          await quiet();
          const loaded = Date.now();
          const problems = await layoutProblems(page);
          const measured = Date.now();
          const p = pathname();
          await page.screenshot({ path: path.join(shotDir, `${width}_${user}_${slug(p)}.png`), fullPage: true });
          visits.push({ size: `${width}x${height}`, user, path: p, title, problems,
            ms: { load: loaded - started, measure: measured - loaded, shot: Date.now() - measured } });
        };

        await page.goto(`${base}/admin/login`, { waitUntil: 'load' });
        await page.fill('input[name=username]', user);
        await page.fill('input[name=password]', PASSWORD);
        await page.click('button[type=submit]');
        await page.waitForURL((url) => !new URL(url).pathname.endsWith('/login'));
        await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
        const aside = page.locator('[data-test=side-menu]');
        const toggle = page.locator('[data-test=menu-toggle]');
        const openAtStart = await aside.locator('.el-menu-item').first().isVisible();
        const titles = (await aside.locator('.el-menu-item').allTextContents()).map((t) => t.trim());
        menu[`${user}@${width}`] = { openAtStart, items: titles.length };
        if (width >= 1024 && !openAtStart) fail(`${user} at ${width} px: the side menu is collapsed at start`);
        if (width < 1024 && openAtStart) fail(`${user} at ${width} px: the side menu is open at start`);

        for (const [i, title] of titles.entries()) {
          if (!(await aside.locator('.el-menu-item').first().isVisible())) {
            await toggle.click();
            await aside.locator('.el-menu-item').first().waitFor({ state: 'visible' });
          }
          const started = Date.now();
          const before = page.url();
          await aside.locator('.el-menu-item').nth(i).click();
          if (page.url() === before) await page.waitForURL((u) => u.toString() !== before).catch(() => {});
          if (width < 1024) {
            // choosing a page closes the menu over it
            await aside.locator('.el-menu-item').first().waitFor({ state: 'hidden' });
          }
          await visit(title, started);
        }
        for (const route of extra) {
          const started = Date.now();
          await page.goto(`${base}/admin${route}`, { waitUntil: 'load' });
          await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
          await visit(route, started);
        }
        // the menu toggles both ways
        await toggle.click();
        const flipped = await aside.locator('.el-menu-item').first().isVisible();
        if (flipped === (width >= 1024)) fail(`${user} at ${width} px: the menu toggle did not ${width >= 1024 ? 'collapse' : 'open'} the menu`);
        await page.screenshot({ path: path.join(shotDir, `${width}_${user}_menu-toggled.png`) });
        steps.push(`${user} at ${width}x${height}: ${titles.length} menu pages and ${extra.length} more`);
        await context.close();
        page = undefined;
      }
    }
    if (foreign.size) fail(`requests to other hosts: ${[...foreign].join(', ')}`);
    if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
    console.log(JSON.stringify({ ok: true, steps, visits, menu }));
  } catch (err) {
    if (page) await page.screenshot({ path: path.join(shotDir, 'failure.png'), fullPage: true }).catch(() => {});
    const error = err instanceof CheckFailure ? err.message : (err.stack || String(err));
    console.log(JSON.stringify({ ok: false, error, steps, url: page?.url(), visits }));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main();
