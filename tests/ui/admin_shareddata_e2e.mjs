#!/usr/bin/env node
// End to end in the admin UI, shared base data (一处填报、全网通用): the city administrator opens
// 基础库调用日志 from the menu, filters it to one case (then to one base: the URL keeps the filters),
// opens a row (the fields asked and returned, the form fields it filled; the subject masked), and
// opens a themed bundle whose merged form shows which values a base filled in, and from where; a
// window clerk then opens a case whose form shows the same, personal data masked, and sees it whole
// only with a reason (a logged reveal).
//
// Usage: node tests/ui/admin_shareddata_e2e.mjs <server base url> <config json> <screenshot dir>
//   config: {"caseNumber", "caseId", "itemName", "bundleNumber", "bundleId", "applicantName", "reason"}
//
// Debian's Chromium driven by playwright-core (tests/ui/browser.mjs); any request to another host fails.
// Saves pulls.png, pulls_filtered.png, pull_expanded.png, bundle_form.png, case_form.png, case_form_revealed.png
// and prints one
// JSON line {"ok": true, ...}; on failure exit 1 with {"ok": false, "error": ...} (and failure.png).
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

async function main() {
  const [base, raw, shotDir] = process.argv.slice(2);
  if (!base || !raw || !shotDir) fail('usage: node tests/ui/admin_shareddata_e2e.mjs <base url> <config json> <screenshot dir>');
  const cfg = JSON.parse(raw);
  mkdirSync(shotDir, { recursive: true });
  const host = new URL(base).host;
  const browser = await launchChromium();
  let page;
  const report = {};
  const shot = async (file) => page.screenshot({ path: path.join(shotDir, `${file}.png`), fullPage: true });
  const tallShot = async (file) => {
    const height = await page.evaluate(() => document.querySelector('.main')?.scrollHeight ?? 900);
    await page.setViewportSize({ width: 1440, height: Math.min(Math.max(height + 60, 900), 8000) });
    await shot(file);
    await page.setViewportSize({ width: 1440, height: 900 });
  };
  const step = (t) => steps.push(t);
  const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
  const option = (popper, t) => page.locator(`${popper}:visible .el-select-dropdown__item`, { hasText: t }).first();
  async function choose(select, popper, pick) {
    for (let attempt = 1; ; attempt += 1) {
      await select.click();
      const o = option(popper, pick);
      try {
        await o.waitFor({ timeout: 20000 });
        await o.click({ timeout: 10000 });
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
        step(`retrying the pick of ${pick}`);
        await page.keyboard.press('Escape');
        await page.waitForTimeout(300);
      }
    }
  }
  async function signIn(user, url, landing) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
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
    await page.goto(`${base}/admin/${url}`, { waitUntil: 'load' });
    await page.waitForURL(/\/admin\/login/, { timeout: 2 * TIMEOUT });
    await page.fill('input[name=username]', user);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(landing);
    await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
  }
  /** A form row of a case or bundle page: its shown value and the source tag, if any. */
  async function formRow(key) {
    const value = page.locator(`[data-test=form-${key}]`).first();
    await value.waitFor();
    const tag = page.locator(`[data-test=prefilled-${key}]`);
    return { value: await text(value), source: (await tag.count()) ? await text(tag.first()) : null };
  }

  try {
    // 1. The city administrator: 基础库调用日志 in the menu, newest first.
    await signIn('city_admin', 'catalog', /\/admin\/catalog/);
    const items = (await page.locator('.el-menu-item').allInnerTexts()).map((s) => s.trim());
    if (!items.includes('基础库调用日志')) fail(`no 基础库调用日志 in the menu: ${items.join(', ')}`);
    await page.locator('.el-menu-item', { hasText: /^\s*基础库调用日志\s*$/ }).click();
    await page.waitForURL(/\/admin\/shared-data\/pulls/);
    const table = page.locator('[data-test=pull-table]');
    await table.locator('tbody tr.el-table__row').first().waitFor();
    await shot('pulls');
    step('the pull log opened from the menu');

    // 2. Filtered to the case: its pulls only, each naming it; then to the population base.
    await page.fill('input[name=number]', cfg.caseNumber);
    await page.click('[data-test=pull-search]');
    await page.waitForURL((url) => new URL(url).searchParams.get('number') === cfg.caseNumber);
    const rows = table.locator('tbody tr.el-table__row');
    await rows.first().locator('[data-test=pull-case]', { hasText: cfg.caseNumber }).waitFor();
    report.caseRows = await rows.count();
    report.caseBases = await table.locator('[data-test=pull-base-tag]').allInnerTexts();
    report.cases = await table.locator('[data-test=pull-case]').allInnerTexts();
    await choose(page.locator('[data-test=pull-base]'), '.pull-base-popper', '人口库');
    await page.click('[data-test=pull-search]');
    await page.waitForURL((url) => new URL(url).searchParams.get('base') === 'POPULATION');
    await table.locator('tbody tr.el-table__row').first().waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-test=pull-base-tag]')]
      .every((e) => e.textContent.trim() === '人口库'));
    report.populationRows = await table.locator('tbody tr.el-table__row').count();
    const row = table.locator('tbody tr.el-table__row').first();
    report.subject = await text(row.locator('[data-test=pull-subject]'));
    report.purpose = await text(row.locator('[data-test=pull-purpose]'));
    report.url = page.url();
    await shot('pulls_filtered');
    await row.locator('.el-table__expand-icon').click();
    const detail = page.locator('[data-test=pull-detail]').first();
    await detail.waitFor();
    report.asked = await text(detail.locator('[data-test=pull-asked]'));
    report.returned = await text(detail.locator('[data-test=pull-returned]'));
    report.filled = await text(detail.locator('[data-test=pull-filled]'));
    await tallShot('pull_expanded');
    step(`filtered to ${cfg.caseNumber} (${report.caseRows} pulls), then to 人口库 (${report.populationRows})`);

    // 3. The bundle: its merged form says which values came from a base.
    await page.goto(`${base}/admin/bundles/${encodeURIComponent(cfg.bundleId)}`, { waitUntil: 'load' });
    await page.locator('[data-test=form-data]').waitFor();
    report.bundleIdNumber = await formRow('idNumber');
    await tallShot('bundle_form');
    step('the bundle page shows the prefilled field with its source');

    // 4. A window clerk: the case's form, masked, with the prefilled fields and their source.
    await page.context().close();
    await signIn('city_clerk', `cases/${encodeURIComponent(cfg.caseId)}`, /\/admin\/cases\//);
    await page.locator('[data-test=form-data]').waitFor();
    report.caseName = await formRow('applicantName');
    report.caseIdNumber = await formRow('idNumber');
    report.casePhone = await formRow('contactPhone');
    await tallShot('case_form');
    step('the case page shows the form masked, with the prefilled fields and their source');

    // 5. Seen whole only with a reason (refused without one), and the page says the view was recorded.
    await page.click('[data-test=reveal-form]');
    const dialog = page.locator('.el-dialog:visible', { has: page.locator('[data-test=reveal-form-reason]') });
    await dialog.waitFor();
    await dialog.locator('[data-test=reveal-form-confirm]').click();
    const reasonError = dialog.locator('.el-form-item__error');
    await reasonError.waitFor();
    report.reasonRefused = await text(reasonError);
    await dialog.locator('[data-test=reveal-form-reason]').fill(cfg.reason);
    await dialog.locator('[data-test=reveal-form-confirm]').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-test=form-revealed]').waitFor();
    report.revealedName = await formRow('applicantName');
    report.revealedIdNumber = await formRow('idNumber');
    await tallShot('case_form_revealed');
    step(`the form seen whole with a reason (refused without: ${report.reasonRefused})`);

    if (foreign.size) fail(`requests to other hosts: ${[...foreign].join(', ')}`);
    if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
    process.stdout.write(`${JSON.stringify({ ok: true, steps, ...report })}\n`);
  } catch (err) {
    if (page) await shot('failure').catch(() => {});
    throw err;
  } finally {
    await browser.close().catch(() => {});
  }
}

main().catch((err) => {
  const message = err instanceof CheckFailure ? err.message : `${err.name}: ${err.message.split('\n').slice(0, 6).join(' ')}`;
  process.stderr.write(`admin_shareddata_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
