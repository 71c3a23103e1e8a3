#!/usr/bin/env node
// Issue 16 in a real browser: the catalogue editor and the window clerk.
//
// 1. city_catalog opens the draft editor of a published item, edits 设定依据, adds a keyword and a
//    step of 办理流程, saves; the diff of version 1 against the draft names all three; the draft is
//    discarded (confirmed) and the item has no draft again.
// 2. city_clerk searches 代为收件 for 个人独资企业设立登记: the hall's own item first, each result with
//    its level and region; a walk-in of the city's item without the enterprise to be is refused with
//    the errors next to the three fields; corrected, it is received and the case shows the enterprise.
// 3. The same search, the county's (临清市) item: a warning on choosing it; submitting asks the clerk
//    to confirm (返回 keeps the page; 确认收件 receives it).
//
// Usage: node tests/ui/admin_hall_catalog_e2e.mjs <base url> <config json> <screenshot dir>
//   config: {"itemId", "idNumbers": [two], "phones": [two], "future": {"name", "kind", "address"}}
// Prints one JSON line {"ok": true, ...}; on failure exit 1 with {"ok": false, "error": ...} (failure.png).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, fail, launchChromium } from './browser.mjs';

const TIMEOUT = Number(process.env.ADMIN_E2E_TIMEOUT_MS || 30000);
const PASSWORD = process.env.ADMIN_PASSWORD || 'liaoyi-demo-2019';
const steps = [];
const pageErrors = [];
const foreign = new Set();

async function main() {
  const [base, raw, shotDir] = process.argv.slice(2);
  if (!base || !raw || !shotDir) fail('usage: node tests/ui/admin_hall_catalog_e2e.mjs <base url> <config json> <screenshot dir>');
  const cfg = JSON.parse(raw);
  mkdirSync(shotDir, { recursive: true });
  const host = new URL(base).host;
  const browser = await launchChromium();
  let page;
  const report = {};
  const shot = async (file) => page.screenshot({ path: path.join(shotDir, `${file}.png`), fullPage: true });
  const step = (t) => steps.push(t);
  async function signIn(user) {
    await page.goto(`${base}/admin/login`, { waitUntil: 'load' });
    await page.fill('input[name=username]', user);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL((url) => !new URL(url).pathname.endsWith('/login'));
    await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
  }
  async function signOut() {
    await page.click('[data-test=logout]');
    await page.waitForURL(/\/admin\/login/);
  }
  async function pick(selectTest, popper, text) {
    await page.click(`[data-test=${selectTest}]`);
    await page.locator(`.${popper} .el-select-dropdown__item`, { hasText: text }).first().click();
    await page.locator(`.el-popper.${popper}`).waitFor({ state: 'hidden' });
  }

  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
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

    // 1. the draft editor edits every element; the diff names each change; the draft is discarded
    await signIn('city_catalog');
    await page.goto(`${base}/admin/catalog/items/${cfg.itemId}/draft`, { waitUntil: 'load' });
    await page.locator('textarea[name=legalBasis]').waitFor();
    for (const sel of ['textarea[name=acceptanceConditions]', '[data-test=exercise-levels]', '[data-test=service-objects]',
      '[data-test=online]', '[data-test=high-frequency]', '[data-test=guide-process]', '[data-test=guide-faq]',
      'input[name="guide.address"]', 'input[name="guide.hours"]', 'input[name="guide.contact"]']) {
      if (!(await page.locator(sel).count())) fail(`the draft editor has no ${sel}`);
    }
    await page.fill('textarea[name=legalBasis]', '《城市市容和环境卫生管理条例》第十一条、第十七条');
    const kw = page.locator('input[name=keywords]');
    await kw.fill(`${await kw.inputValue()}，门头`);
    await page.click('[data-test=add-process-step]');
    const stepsInputs = page.locator('[data-test=guide-process] input');
    await stepsInputs.last().fill('现场勘查');
    await shot('draft_editor');
    await page.click('[data-test=save-draft]');
    await page.waitForURL(/\/admin\/catalog\/items\/[^/]+$/);
    await page.locator('[data-test=publish]').waitFor();
    await page.locator('.el-tabs__item', { hasText: '版本历史' }).click();
    await pick('diff-from', 'diff-from-popper', '第 1 版');
    await pick('diff-to', 'diff-to-popper', '第 2 版');
    await page.click('[data-test=compare]');
    await page.locator('[data-test=diff] .diff-cell').first().waitFor();
    report.diff = (await page.locator('[data-test=diff] tbody').innerText()).trim();
    await shot('diff');
    step('saved a draft; compared version 1 with it');
    await page.click('[data-test=discard-draft]');
    await page.locator('.el-message-box__btns button', { hasText: '放弃草稿' }).click();
    await page.locator('[data-test=publish]').waitFor({ state: 'detached' });
    report.discarded = (await page.locator('[data-test=discard-draft]').count()) === 0;
    step('discarded the draft');
    await signOut();

    // 2. the clerk's search: the hall's items first, level and region on each result
    await signIn('city_clerk');
    await page.goto(`${base}/admin/cases/walk-in`, { waitUntil: 'load' });
    async function search() {
      await page.fill('input[name=item-search]', '个人独资企业设立登记');
      await page.click('[data-test=item-search-submit]');
      await page.locator('[data-test=item-results] tbody tr').first().waitFor();
    }
    await search();
    const rows = page.locator('[data-test=item-results] tbody tr');
    report.results = [];
    for (let i = 0; i < (await rows.count()); i += 1) {
      const r = rows.nth(i);
      report.results.push({
        level: (await r.locator('[data-test=item-level]').innerText()).trim(),
        region: (await r.locator('[data-test=item-region]').innerText()).trim(),
        here: (await r.locator('[data-test=item-here]').count()) > 0,
        elsewhere: (await r.locator('[data-test=item-elsewhere]').count()) > 0,
      });
    }
    await shot('search');
    step(`searched: ${report.results.length} results`);

    async function fillPerson(i) {
      await page.fill('input[name=idNumber]', cfg.idNumbers[i]);
      await page.locator('[data-test=person-on-file]').waitFor();
      await page.fill('input[name=name]', cfg.names[i]);
      await page.fill('input[name=phone]', cfg.phones[i]);
    }
    async function fillFuture() {
      await page.fill('input[name="futureEnterprise.name"]', cfg.future.name);
      await pick('future-kind', 'future-kind-popper', cfg.future.kind);
      await page.fill('input[name="futureEnterprise.address"]', cfg.future.address);
    }

    // the city's item: refused without the enterprise to be, errors next to its fields; then corrected
    await rows.filter({ has: page.locator('[data-test=item-here]') }).first().locator('[data-test=item-choose]').click();
    await page.locator('[data-test=future-name]').waitFor();
    report.cityWarning = (await page.locator('[data-test=routing-warning]').count()) > 0;
    await fillPerson(0);
    await page.click('[data-test=walk-in-submit]');
    const futureErrors = page.locator('.el-form-item', { has: page.locator('[data-test^=future-]') }).locator('.el-form-item__error');
    await futureErrors.nth(2).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('.el-form-item__error')].filter((e) => e.textContent.trim()).length >= 3);
    report.fieldErrors = (await futureErrors.allTextContents()).map((t) => t.trim());
    await shot('refused');
    step('refused next to the three fields');
    await fillFuture();
    await page.click('[data-test=walk-in-submit]');
    await page.waitForURL(/\/admin\/cases\/(?!walk-in)[^/]+$/);
    report.caseEnterprise = (await page.locator('[data-test=future-enterprise]').innerText()).trim();
    await shot('case');
    step('received; the case shows the enterprise to be');

    // 3. the county's item: a warning on choosing, a confirmation on submitting
    await page.goto(`${base}/admin/cases/walk-in`, { waitUntil: 'load' });
    await search();
    await page.locator('[data-test=item-results] tbody tr', { has: page.locator('[data-test=item-elsewhere]') }).first()
      .locator('[data-test=item-choose]').click();
    const warning = page.locator('[data-test=routing-warning]');
    await warning.waitFor();
    report.warning = (await warning.innerText()).trim();
    await fillPerson(1);
    await fillFuture();
    await page.click('[data-test=walk-in-submit]');
    const box = page.locator('.routing-confirm');
    await box.waitFor();
    report.confirmText = (await box.locator('.el-message-box__message').innerText()).trim();
    await shot('confirm');
    await box.locator('button', { hasText: '返回' }).click();
    await box.waitFor({ state: 'hidden' });
    report.stayedAfterCancel = new URL(page.url()).pathname.endsWith('/cases/walk-in');
    await page.click('[data-test=walk-in-submit]');
    await box.waitFor();
    await box.locator('button', { hasText: '确认收件' }).click();
    await page.waitForURL(/\/admin\/cases\/(?!walk-in)[^/]+$/);
    report.countyCase = new URL(page.url()).pathname;
    step('warned, cancelled once, confirmed and received');

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
