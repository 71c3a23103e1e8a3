#!/usr/bin/env node
// End to end in the admin UI: the catalogue admin signs in, finds a theme in the theme list, builds a
// new theme (一件事) with two stages and a questionnaire (a yes/no question that adds an item), is
// refused next to the field while it is incomplete, saves it, sees the preview of every answer path,
// publishes it, suspends and resumes it, then adds a service-menu entry pointing at it and publishes the menu.
//
// Usage: node tests/ui/admin_themes_e2e.mjs <server base url> <theme code> <theme name> <screenshot dir>
//
// Debian's Chromium (/usr/bin/chromium) driven by playwright-core from admin-ui/node_modules
// (no Playwright browser download). Any request to another host fails the run (no CDN).
// Saves login.png, themes.png, refused.png, editor.png, preview.png, published.png, menu.png and
// prints one JSON line: {"ok": true, "steps": [...], "paths": [...], ...}; on failure exit 1 with
// {"ok": false, "error": ...} (and failure.png).
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), ADMIN_E2E_TIMEOUT_MS (default 30000),
//              ADMIN_USER / ADMIN_PASSWORD (default city_catalog / liaoyi-demo-2019).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, fail, launchChromium } from './browser.mjs';

const TIMEOUT = Number(process.env.ADMIN_E2E_TIMEOUT_MS || 30000);
const USER = process.env.ADMIN_USER || 'city_catalog';
const PASSWORD = process.env.ADMIN_PASSWORD || 'liaoyi-demo-2019';

// the catalogue items the theme is built from (seeds/items/people.yaml)
const REGISTER = { code: '200720001000', search: '失业登记', name: '失业登记' };
const BENEFIT = { code: '050701001000', search: '失业保险金', name: '失业保险金申领' };
const CARD = { code: '200720002000', search: '就业创业证', name: '就业创业证申领', situation: '已办理就业或失业登记人员申领' };
const QUESTION = '是否参加失业保险满一年';

const steps = [];
const foreign = new Set();
const pageErrors = [];
const consoleErrors = [];

async function main() {
  const [base, code, name, shotDir] = process.argv.slice(2);
  if (!base || !code || !name || !shotDir) {
    fail('usage: node tests/ui/admin_themes_e2e.mjs <base url> <theme code> <theme name> <screenshot dir>');
  }
  mkdirSync(shotDir, { recursive: true });
  const host = new URL(base).host;
  const browser = await launchChromium();
  let page;
  const shot = async (file) => page.screenshot({ path: path.join(shotDir, `${file}.png`), fullPage: true });
  /** The whole of a long page: the shell scrolls inside .main, so the viewport grows to fit it. */
  const tallShot = async (file) => {
    const height = await page.evaluate(() => document.querySelector('.main')?.scrollHeight ?? 900);
    await page.setViewportSize({ width: 1440, height: Math.min(Math.max(height + 60, 900), 8000) });
    await shot(file);
    await page.setViewportSize({ width: 1440, height: 900 });
  };
  const step = (text) => steps.push(text);
  /** The visible dropdown's option containing `text` (Element Plus teleports poppers to body). */
  const option = (popper, text) => page.locator(`${popper}:visible .el-select-dropdown__item`, { hasText: text }).first();
  /** Type into an Element Plus select (remote or filterable) and pick the option containing `pick`. */
  async function choose(select, typed, popper, pick) {
    // up to three tries: on a loaded machine a popper still moving into place can refuse the click
    // ("waiting for element to be stable"); closing it and searching again is what a person would do
    for (let attempt = 1; ; attempt += 1) {
      await select.click();
      if (typed && attempt === 1) await page.keyboard.type(typed, { delay: 20 });
      else if (typed) await select.locator('input').first().fill(typed);
      const o = option(popper, pick);
      try {
        await o.waitFor({ timeout: 20000 });
        await o.click({ timeout: 10000 });
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
        step(`retrying the pick of ${pick} (${String(err).split('\n')[0].slice(0, 80)})`);
        await page.keyboard.press('Escape');
        await page.waitForTimeout(300);
      }
    }
  }
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
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

    // 1. Sign in.
    await page.goto(`${base}/admin/themes`, { waitUntil: 'load' });
    await page.waitForURL(/\/admin\/login/, { timeout: 2 * TIMEOUT }); // a cold server's first page
    await page.fill('input[name=username]', USER);
    await page.fill('input[name=password]', PASSWORD);
    await shot('login');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/admin\/themes/);
    await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
    step('signed in, back on the theme list');

    // 2. The theme list: search by initials (the filter goes into the URL).
    await page.locator('[data-test=theme-table] tbody tr').first().waitFor();
    const total = await page.locator('[data-test=pager-total]').innerText();
    await page.fill('input[name=search]', 'kbcyd');
    await page.press('input[name=search]', 'Enter');
    await page.waitForURL((url) => new URL(url).searchParams.get('search') === 'kbcyd');
    await page.locator('[data-test=theme-table] tbody tr').first().filter({ hasText: 'open-restaurant' }).waitFor();
    await shot('themes');
    step(`theme list (${total}); “kbcyd” finds 开办餐饮店 (open-restaurant) first`);

    // 3. A new theme: saving it incomplete is refused next to the field.
    await page.click('[data-test=new-theme]');
    await page.waitForURL(/\/admin\/themes\/new$/);
    await page.fill('[data-test=theme-code]', code);
    await page.fill('[data-test=theme-name]', name);
    await page.fill('[data-test=guide-summary]', '失业登记、失业保险金和就业创业证一次申请，并联办理。');
    await page.fill('[data-test=guide-process]', '一次填报\n失业登记\n待遇核定与发放');
    await page.click('[data-test=save-theme]');
    const leadError = page.locator('.el-form-item', { has: page.locator('[data-test=lead-department]') }).locator('.el-form-item__error');
    await leadError.waitFor();
    const refused = await leadError.innerText();
    const summary = await page.locator('[data-test=error-summary]').innerText();
    await shot('refused');
    step(`refused next to the field: ${refused}`);
    if (!summary.includes('没有事项')) fail(`the error summary does not name the empty stage: ${JSON.stringify(summary)}`);

    // 4. The content: life stage, lead department, budget, visits.
    await choose(page.locator('[data-test=theme-life-stage]'), '', '.el-select__popper', '就业');
    await choose(page.locator('[data-test=lead-department]'), '人力资源和社会保障局', '.lead-department-popper', '371500-RSJ');
    await page.fill('[data-test=budget-value] input', '10');
    await page.fill('[data-test=max-visits] input', '0');
    await page.press('[data-test=max-visits] input', 'Tab');

    // 5. The questionnaire: one yes/no question.
    await page.click('[data-test=add-question-yes-no]');
    await page.fill('[data-test=question-0] [data-test=question-text]', QUESTION);
    step('questionnaire: one yes/no question');

    // 6. Stage 1: 失业登记, always.
    const stage0 = page.locator('[data-test=stage-0]');
    await stage0.locator('[data-test=stage-name]').fill('失业登记');
    await choose(stage0.locator('[data-test=item-picker]'), REGISTER.search, '.item-picker-popper', REGISTER.code);
    await stage0.locator('[data-test=item-0-0] [data-test=item-name]', { hasText: REGISTER.name }).waitFor();

    // 7. Stage 2: the benefit only when insured (the question adds it), the card always, with its situation.
    await page.click('[data-test=add-stage]');
    const stage1 = page.locator('[data-test=stage-1]');
    await stage1.locator('[data-test=stage-name]').fill('待遇发放');
    await choose(stage1.locator('[data-test=item-picker]'), BENEFIT.search, '.item-picker-popper', BENEFIT.code);
    const benefit = stage1.locator('[data-test=item-1-0]');
    await benefit.locator('[data-test=item-name]', { hasText: BENEFIT.name }).waitFor();
    await benefit.locator('[data-test=add-clause]').click();
    await benefit.locator('[data-test=clause-values] label', { hasText: '是' }).click();
    const when = await benefit.locator('[data-test=condition]').first().innerText();
    if (!when.includes(`${QUESTION}：是`)) fail(`the benefit's condition reads ${JSON.stringify(when)}`);
    await choose(stage1.locator('[data-test=item-picker]'), CARD.search, '.item-picker-popper', CARD.code);
    const card = stage1.locator('[data-test=item-1-1]');
    await card.locator('[data-test=item-name]', { hasText: CARD.name }).waitFor();
    await card.locator('[data-test=item-situations] label', { hasText: CARD.situation }).click();
    const effects = await page.locator('[data-test=question-0] [data-test=question-effects]').innerText();
    if (!effects.includes(BENEFIT.name)) fail(`the question does not say what “是” selects: ${JSON.stringify(effects)}`);
    await tallShot('editor');
    step(`two stages; “${QUESTION}：是” selects ${BENEFIT.name}`);

    // 8. Save: the draft is created and the page becomes the theme's own.
    await page.click('[data-test=save-theme]');
    await page.waitForURL((url) => new URL(url).pathname.endsWith(`/admin/themes/${code}`));
    await page.locator('[data-test=theme-status]', { hasText: '草稿' }).waitFor();
    await page.locator('[data-test=publish-theme]').waitFor();
    step('saved as a draft (version 1)');

    // 9. The preview of every answer path.
    await page.locator('.el-tabs__item', { hasText: '预览全部回答组合' }).click();
    const rows = page.locator('[data-test=paths-table] .el-table__body tbody tr');
    await rows.nth(1).waitFor();
    const count = await rows.count();
    const paths = [];
    for (let i = 0; i < count; i += 1) paths.push((await rows.nth(i).innerText()).replace(/\s+/g, ' ').trim());
    if (count !== 2) fail(`expected 2 answer paths, the preview shows ${count}: ${JSON.stringify(paths)}`);
    const head = await page.locator('[data-test=preview-summary]').innerText();
    await page.locator('[data-test=path-detail] .el-collapse-item__header').first().click();
    await page.locator('[data-test=path-detail] [data-test=path-form]').first().waitFor();
    const form = await page.locator('[data-test=path-detail] [data-test=path-form]').first().innerText();
    const counts = await page.locator('[data-test=path-detail] [data-test=path-counts]').first().innerText();
    await page.waitForTimeout(500); // the collapse's opening transition
    await tallShot('preview');
    step(`preview: ${head.replace(/\s+/g, '')}`);

    // 10. Publish.
    await page.click('[data-test=publish-theme]');
    await page.locator('[data-test=theme-status]', { hasText: '在用' }).waitFor();
    await page.locator('[data-test=publish-theme]').waitFor({ state: 'detached' });
    await page.locator('[data-test=preview-summary]', { hasText: '现行' }).waitFor(); // the preview, recomputed
    await page.waitForTimeout(400); // the tags' fade-in
    await shot('published');
    step('published');

    // 10b. Suspend and resume it (each asks for a reason).
    for (const [button, status] of [['suspend-theme', '暂停'], ['resume-theme', '在用']]) {
      await page.click(`[data-test=${button}]`);
      await page.locator('[data-test=confirm-status]').click();
      await page.locator('.el-dialog .el-form-item__error', { hasText: '请填写原因' }).waitFor();
      await page.fill('[data-test=status-reason]', '界面测试：调整办理流程');
      await page.locator('[data-test=confirm-status]').click();
      await page.locator('[data-test=theme-status]', { hasText: status }).waitFor();
    }
    step('suspended and resumed, each with its reason');

    // 11. The service menu: a new entry pointing at the theme, published as a new version.
    await page.locator('.el-menu-item', { hasText: '服务菜单' }).click();
    await page.waitForURL(/\/admin\/service-menu$/);
    const version = page.locator('[data-test=menu-version]');
    await version.waitFor();
    const before = await version.innerText();
    const n = await page.locator('[data-test^=menu-entry-]').count();
    await page.click('[data-test=add-menu-entry]');
    const entry = page.locator(`[data-test=menu-entry-${n}]`);
    await entry.locator('[data-test=entry-title]').fill(name.slice(0, 32));
    await entry.locator('[data-test=entry-category]').click();
    await page.keyboard.type('就业创业', { delay: 20 });
    await option('.el-select__popper', '就业创业').click();
    await choose(entry.locator('[data-test=entry-themes]'), name, '.menu-theme-popper', name);
    await page.keyboard.press('Escape');
    await page.fill('[data-test=menu-change-note]', `新增${name}`);
    const pending = await page.locator('[data-test=menu-changes]').innerText();
    await page.click('[data-test=publish-menu]');
    await page.locator('[data-test=menu-version]', { hasText: `${n + 1} 项` }).waitFor();
    const after = await version.innerText();
    await page.locator('[data-test=menu-history] tbody tr').first().filter({ hasText: `新增${name}` }).waitFor();
    await tallShot('menu');
    step(`menu published: ${before} → ${after}`);

    if (foreign.size) fail(`requests to other hosts: ${[...foreign].join(', ')}`);
    if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
    process.stdout.write(`${JSON.stringify({ ok: true, steps, refused, paths, form, counts, pending, before, after, consoleErrors })}\n`);
  } catch (err) {
    if (page) await shot('failure').catch(() => {});
    throw err;
  } finally {
    await browser.close().catch(() => {});
  }
}

main().catch((err) => {
  const message = err instanceof CheckFailure ? err.message : `${err.name}: ${err.message.split('\n').slice(0, 6).join(' ')}`;
  process.stderr.write(`admin_themes_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  if (consoleErrors.length) process.stderr.write(`console errors: ${consoleErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
