#!/usr/bin/env node
// End to end in the admin UI: the catalogue admin signs in, finds an item, edits its draft
// (changes the committed time limit), publishes it and sees version 2 in the history.
//
// Usage: node tests/ui/admin_catalog_e2e.mjs <server base url> <item name> <new committed limit> <screenshot dir>
//
// Debian's Chromium (/usr/bin/chromium) driven by playwright-core from admin-ui/node_modules
// (no Playwright browser download). Any request to another host fails the run (no CDN).
// Saves login.png, catalog.png, item.png, draft.png, history.png (the last page) and prints one
// JSON line: {"ok": true, "steps": [...], ...}; on failure exit 1 with {"ok": false, "error": ...}.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), ADMIN_E2E_TIMEOUT_MS (default 30000),
//              ADMIN_USER / ADMIN_PASSWORD (default city_catalog / liaoyi-demo-2019).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, fail, launchChromium } from './browser.mjs';

const TIMEOUT = Number(process.env.ADMIN_E2E_TIMEOUT_MS || 30000);
const USER = process.env.ADMIN_USER || 'city_catalog';
const PASSWORD = process.env.ADMIN_PASSWORD || 'liaoyi-demo-2019';
const SESSION_KEY = 'liaoyi.admin.session';


const steps = [];
const foreign = new Set();
const pageErrors = [];
const consoleErrors = [];

async function main() {
  const [base, itemName, newLimit, shotDir] = process.argv.slice(2);
  if (!base || !itemName || !newLimit || !shotDir) {
    fail('usage: node tests/ui/admin_catalog_e2e.mjs <base url> <item name> <new committed limit> <screenshot dir>');
  }
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

    // 1. Not signed in: /admin/ goes to the login page.
    await page.goto(`${base}/admin/`, { waitUntil: 'load' });
    await page.waitForURL(/\/admin\/login/);
    await page.fill('input[name=username]', USER);
    await page.fill('input[name=password]', 'wrong-password-123');
    await page.click('button[type=submit]');
    await page.locator('.el-form-item__error, .form-error').first().waitFor();
    step('wrong password shows an error');
    await page.fill('input[name=password]', PASSWORD);
    await shot('login');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/admin\/catalog/);
    await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
    const stored = await page.evaluate((k) => ({ session: sessionStorage.getItem(k), local: localStorage.length }), SESSION_KEY);
    if (!stored.session) fail('the token is not in sessionStorage after login');
    if (stored.local !== 0) fail('something was written to localStorage');
    step('signed in');

    // 2. Search the catalogue (the filter goes into the URL) and open the item.
    await page.fill('input[name=text]', itemName);
    await page.press('input[name=text]', 'Enter');
    await page.waitForURL((url) => new URL(url).searchParams.get('text') === itemName);
    const link = page.locator('[data-test=catalog-table] a', { hasText: itemName });
    await link.first().waitFor();
    await shot('catalog');
    step('found the item, filter in the URL');
    await link.first().click();
    await page.waitForURL(/\/admin\/catalog\/items\/[^/]+$/);
    await page.locator('[data-test=item-name]', { hasText: itemName }).waitFor();
    const before = await page.locator('[data-test=committed-limit]').innerText();
    await shot('item');
    step(`opened the item (committed limit ${before})`);

    // 3. Edit the draft: change the committed time limit and save.
    await page.click('[data-test=edit-draft]');
    await page.waitForURL(/\/draft$/);
    const limit = page.locator('[data-test=committed-limit] input');
    await limit.waitFor();
    // a committed limit longer than the statutory one is refused, next to the field
    await limit.fill('999');
    await limit.press('Tab');
    await page.click('[data-test=save-draft]');
    const fieldError = page.locator('.el-form-item', { has: page.locator('[data-test=committed-limit]') }).locator('.el-form-item__error');
    await fieldError.waitFor();
    const refused = await fieldError.innerText();
    step(`refused next to the field: ${refused}`);
    await limit.fill(String(newLimit));
    await limit.press('Tab');
    await shot('draft');
    await page.click('[data-test=save-draft]');
    await page.waitForURL(/\/admin\/catalog\/items\/[^/]+$/);
    const publish = page.locator('[data-test=publish]');
    await publish.waitFor();
    const publishText = await publish.innerText();
    if (!publishText.includes('第 2 版')) fail(`the publish button says ${JSON.stringify(publishText)}, expected 第 2 版`);
    step('saved the draft as version 2');

    // 4. Publish, then the history shows version 2 as current and the new limit.
    await publish.click();
    await page.locator('[data-test=publish]').waitFor({ state: 'detached' });
    await page.locator('[data-test=committed-limit]', { hasText: String(newLimit) }).waitFor();
    const after = await page.locator('[data-test=committed-limit]').innerText();
    await page.locator('.el-tabs__item', { hasText: '版本历史' }).click();
    const row2 = page.locator('[data-test=versions] tr', { hasText: '第 2 版' });
    await row2.filter({ hasText: '现行' }).first().waitFor();
    const history = await page.locator('[data-test=versions] tbody').innerText();
    step(`published (committed limit ${after})`);

    // 5. Diff of version 1 against version 2 names the time limit.
    await page.click('[data-test=diff-from]');
    await page.locator('.diff-from-popper .el-select-dropdown__item', { hasText: '第 1 版' }).click();
    await page.locator('.el-popper.diff-from-popper').waitFor({ state: 'hidden' });
    await page.click('[data-test=diff-to]');
    await page.locator('.diff-to-popper .el-select-dropdown__item', { hasText: '第 2 版' }).click();
    await page.locator('.el-popper.diff-to-popper').waitFor({ state: 'hidden' });
    await page.click('[data-test=compare]');
    await page.locator('[data-test=diff] .diff-cell').first().waitFor();
    const diff = await page.locator('[data-test=diff] tbody').innerText();
    if (!diff.includes(String(newLimit))) fail(`the diff does not show the new limit: ${JSON.stringify(diff)}`);
    step('version diff shown');
    await shot('history');

    // 6. Logout clears the stored token.
    await page.click('[data-test=logout]');
    await page.waitForURL(/\/admin\/login/);
    const cleared = await page.evaluate((k) => sessionStorage.getItem(k), SESSION_KEY);
    if (cleared !== null) fail('logout left the token in sessionStorage');
    step('signed out, token cleared');

    if (foreign.size) fail(`requests to other hosts: ${[...foreign].join(', ')}`);
    if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
    process.stdout.write(`${JSON.stringify({ ok: true, steps, before, after, history, diff, consoleErrors })}\n`);
  } catch (err) {
    if (page) await shot('failure').catch(() => {});
    throw err;
  } finally {
    await browser.close().catch(() => {});
  }
}

main().catch((err) => {
  const message = err instanceof CheckFailure ? err.message : `${err.name}: ${err.message.split('\n').slice(0, 6).join(' ')}`;
  process.stderr.write(`admin_catalog_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  if (consoleErrors.length) process.stderr.write(`console errors: ${consoleErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
