#!/usr/bin/env node
// End to end in the admin UI, the signed exchange (合作单位 · 交换日志 · 对账): the city administrator
// signs in, registers a partner (refused next to the fields first; the routes picked by catalogue
// search), sees its signing secret once and copies it, rotates the key (the new secret shown once,
// two keys listed) and retires the old one; filters the exchange log to a dead message, opens it and
// sends it again until it is delivered; on the reconciliation page reconciles the bank (one
// difference) and a county system nobody answers for (对方未应答), closes the difference with a note
// (refused without one); and finally switches the new partner off.
//
// Usage: node tests/ui/admin_exchange_e2e.mjs <server base url> <config json> <screenshot dir>
//   config: {"seal": {code, name, address, routeSearch, route}, "bank": {code, name}, "county": {code, name}, "deadCase",
//            "decidedCase", "applicant", "note"}
//
// Debian's Chromium (/usr/bin/chromium) driven by playwright-core from admin-ui/node_modules
// (no Playwright browser download). Any request to another host fails the run (no CDN).
// Saves login.png, refused.png, secret.png, rotated.png, log.png, log_expanded.png, retried.png,
// reconciliation.png, difference_refused.png, closed.png, partners.png and prints one JSON line:
// {"ok": true, "steps": [...], ...}; on failure exit 1 with {"ok": false, "error": ...} (and failure.png).
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), ADMIN_E2E_TIMEOUT_MS (default 30000),
//              ADMIN_USER / ADMIN_PASSWORD (default city_admin / liaoyi-demo-2019).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, fail, launchChromium } from './browser.mjs';

const TIMEOUT = Number(process.env.ADMIN_E2E_TIMEOUT_MS || 30000);
const USER = process.env.ADMIN_USER || 'city_admin';
const PASSWORD = process.env.ADMIN_PASSWORD || 'liaoyi-demo-2019';

const steps = [];
const foreign = new Set();
const pageErrors = [];
const consoleErrors = [];

async function main() {
  const [base, raw, shotDir] = process.argv.slice(2);
  if (!base || !raw || !shotDir) fail('usage: node tests/ui/admin_exchange_e2e.mjs <base url> <config json> <screenshot dir>');
  const cfg = JSON.parse(raw);
  mkdirSync(shotDir, { recursive: true });
  const origin = new URL(base).origin;
  const host = new URL(base).host;
  const browser = await launchChromium();
  let page;
  const report = {};
  const shot = async (file) => page.screenshot({ path: path.join(shotDir, `${file}.png`), fullPage: true });
  /** The whole of a long page: the shell scrolls inside .main, so the viewport grows to fit it. */
  const tallShot = async (file) => {
    const height = await page.evaluate(() => document.querySelector('.main')?.scrollHeight ?? 900);
    await page.setViewportSize({ width: 1440, height: Math.min(Math.max(height + 60, 900), 8000) });
    await shot(file);
    await page.setViewportSize({ width: 1440, height: 900 });
  };
  const step = (text) => steps.push(text);
  const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
  /** The visible dropdown's option containing `text` (Element Plus teleports poppers to body). */
  const option = (popper, t) => page.locator(`${popper}:visible .el-select-dropdown__item`, { hasText: t }).first();
  /** Open an Element Plus select (typing into it when it searches) and pick the option containing `pick`. */
  async function choose(select, typed, popper, pick) {
    // up to three tries: on a loaded machine a popper still moving into place can refuse the click
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
  /** The field error under the form item holding `inner`. */
  const fieldError = (scope, inner) => scope.locator('.el-form-item', { has: page.locator(inner) }).locator('.el-form-item__error');
  const confirmBox = async (button) => {
    const box = page.locator('.el-message-box:visible');
    await box.waitFor();
    await box.locator('.el-message-box__btns button', { hasText: button }).click();
    await box.waitFor({ state: 'hidden' });
  };
  const menu = async (title, url) => {
    await page.locator('.el-menu-item', { hasText: new RegExp(`^\\s*${title}\\s*$`) }).click();
    await page.waitForURL(url);
  };

  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
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

    // 1. Sign in; the three pages are in the administrator's menu.
    await page.goto(`${base}/admin/exchange/partners`, { waitUntil: 'load' });
    await page.waitForURL(/\/admin\/login/, { timeout: 2 * TIMEOUT }); // a cold server's first page
    await page.fill('input[name=username]', USER);
    await page.fill('input[name=password]', PASSWORD);
    await shot('login');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/admin\/exchange\/partners/);
    await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
    const items = await page.locator('.el-menu-item').allInnerTexts();
    for (const t of ['合作单位', '交换日志', '对账']) if (!items.map((s) => s.trim()).includes(t)) fail(`no ${t} in the menu: ${items.join(', ')}`);
    const table = page.locator('[data-test=partner-table]');
    await table.locator('tbody tr', { hasText: cfg.bank.code }).first().waitFor();
    step('signed in as the city administrator; the partner list shows the bank');

    // 2. Register a partner: refused next to the fields first.
    await page.click('[data-test=new-partner]');
    const dialog = page.locator('.el-dialog:visible', { has: page.locator('[data-test=partner-code]') });
    await dialog.waitFor();
    await page.fill('[data-test=partner-code]', 'X');
    await page.fill('[data-test=partner-base-url]', 'ftp://x');
    await page.click('[data-test=save-partner]');
    const codeError = fieldError(dialog, '[data-test=partner-code]');
    await codeError.waitFor();
    report.refused = {
      code: await text(codeError),
      name: await text(fieldError(dialog, '[data-test=partner-name]')),
      baseUrl: await text(fieldError(dialog, '[data-test=partner-base-url]')),
    };
    await shot('refused');
    step(`refused next to the fields: ${report.refused.code} / ${report.refused.name} / ${report.refused.baseUrl}`);

    await choose(dialog.locator('[data-test=partner-kind]'), '', '.partner-kind-popper', '公章刻制企业');
    await page.fill('[data-test=partner-code]', cfg.seal.code);
    await page.fill('[data-test=partner-name]', cfg.seal.name);
    await choose(dialog.locator('[data-test=partner-region]'), '', '.partner-region-popper', '371500');
    await page.fill('[data-test=partner-base-url]', cfg.seal.address);
    await page.fill('[data-test=partner-timeout] input', '2');
    await page.press('[data-test=partner-timeout] input', 'Tab');
    await page.fill('[data-test=partner-max-attempts] input', '3');
    await page.press('[data-test=partner-max-attempts] input', 'Tab');
    await choose(dialog.locator('[data-test=route-picker]'), cfg.seal.routeSearch, '.route-picker-popper', cfg.seal.route);
    await dialog.locator('[data-test=partner-route]', { hasText: cfg.seal.route }).waitFor();
    if (!(await dialog.locator('[data-test=partner-active]').getAttribute('class'))?.includes('is-checked')) fail('a new partner is not active by default');
    await page.click('[data-test=save-partner]');

    // 3. The secret, shown once: a warning, the copy button, the key's fingerprint.
    const secretDialog = page.locator('.el-dialog:visible', { has: page.locator('[data-test=partner-secret]') });
    await secretDialog.waitFor();
    report.warning = await text(secretDialog.locator('[data-test=secret-warning]'));
    report.created = await secretDialog.locator('[data-test=partner-secret]').inputValue();
    if (!report.created.startsWith('whsec_')) fail(`the secret shown is ${JSON.stringify(report.created)}`);
    await secretDialog.locator('[data-test=copy-secret]').click();
    await secretDialog.locator('[data-test=secret-copied]').waitFor();
    report.copied = await page.evaluate(() => navigator.clipboard.readText());
    await shot('secret');
    await secretDialog.locator('[data-test=secret-done]').click();
    await secretDialog.waitFor({ state: 'hidden' });
    const row = table.locator('tbody tr', { hasText: cfg.seal.code }).first();
    await row.waitFor();
    if ((await row.locator('[data-test=partner-key]').count()) !== 1) fail('a new partner should have one key');
    if ((await page.content()).includes(report.created)) fail('the secret is still on the page after its dialog closed');
    step('registered; the secret shown once, copied, gone from the page once closed');

    // 4. Rotate: a new secret shown once; both keys listed, the new one signing. Then retire the old one.
    await row.locator('[data-test=rotate-key]').click();
    await confirmBox('轮换');
    await secretDialog.waitFor();
    report.rotated = await secretDialog.locator('[data-test=partner-secret]').inputValue();
    report.fingerprint = await text(secretDialog.locator('[data-test=secret-fingerprint]'));
    await secretDialog.locator('[data-test=secret-done]').click();
    await secretDialog.waitFor({ state: 'hidden' });
    await row.locator('[data-test=retire-key]').waitFor();
    const keys = row.locator('[data-test=partner-key]');
    report.keys = (await keys.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    report.keyFingerprints = await row.locator('[data-test=key-fingerprint]').allInnerTexts();
    if (report.keys.length !== 2 || !report.keys[0].startsWith('k2') || !report.keys[0].includes('签名')
      || !report.keys[1].startsWith('k1') || !report.keys[1].includes('仅验证')) fail(`keys after the rotation: ${JSON.stringify(report.keys)}`);
    await shot('rotated');
    await row.locator('[data-test=retire-key]').click();
    await confirmBox('停用');
    await row.locator('[data-test=retire-key]').waitFor({ state: 'detached' });
    const left = (await keys.allInnerTexts()).map((s) => s.trim());
    if (left.length !== 1 || !left[0].startsWith('k2')) fail(`keys after retiring the old one: ${JSON.stringify(left)}`);
    step('rotated (k2 signs, k1 verifies), then k1 retired');

    // 5. The exchange log: filter to the bank's dead messages, then to the case; open the row.
    await menu('交换日志', /\/admin\/exchange\/log/);
    const log = page.locator('[data-test=log-table]');
    await log.locator('tbody tr').first().waitFor();
    await choose(page.locator('[data-test=log-partner]'), cfg.bank.name, '.log-partner-popper', cfg.bank.code);
    await choose(page.locator('[data-test=log-status]'), '', '.log-status-popper', '死信');
    await page.keyboard.press('Escape');
    await page.click('[data-test=log-search]');
    await page.waitForURL((url) => new URL(url).searchParams.get('status') === 'DEAD' && new URL(url).searchParams.get('partner') === cfg.bank.code);
    await log.locator('tbody tr', { hasText: cfg.deadCase }).first().waitFor();
    const deadRows = await log.locator('tbody tr.el-table__row').count();
    await page.fill('input[name=case]', cfg.deadCase);
    await page.press('input[name=case]', 'Enter');
    await page.waitForURL((url) => new URL(url).searchParams.get('case') === cfg.deadCase);
    const message = log.locator('tbody tr.el-table__row', { hasText: cfg.deadCase }).first();
    await message.waitFor();
    if ((await log.locator('tbody tr.el-table__row').count()) !== 1) fail('the case filter should leave one message');
    await shot('log');
    await message.locator('.el-table__expand-icon').click();
    const detail = log.locator('[data-test=log-detail]');
    await detail.waitFor();
    report.message = {
      body: await detail.locator('[data-test=log-body]').innerText(),
      answer: await detail.locator('[data-test=log-answer]').innerText(),
      verification: await text(detail.locator('[data-test=log-verification]')),
      attempts: await text(detail.locator('[data-test=log-attempts]')),
      lastError: await text(detail.locator('[data-test=log-last-error]')),
    };
    if (cfg.applicant && report.message.body.includes(cfg.applicant)) fail('the log shows the applicant’s name unmasked');
    await page.waitForTimeout(300); // the expand transition
    await tallShot('log_expanded');
    step(`log: ${deadRows} dead message(s) of the bank; the case's opened (${report.message.lastError})`);

    // 6. 重发: the row is read again until it is delivered.
    await message.locator('[data-test=retry-message]').click();
    try {
      await message.locator('[data-test=log-status-tag]', { hasText: '已送达' }).waitFor({ timeout: 2 * TIMEOUT });
    } catch {
      fail(`after 重发 the row reads ${await text(message)}`);
    }
    report.afterRetry = await text(message.locator('[data-test=log-status-tag]'));
    await tallShot('retried');
    step(`sent again: ${report.afterRetry}`);

    // 7. Reconciliation: the principle, 立即对账 for the bank (one difference) and the county system (no answer).
    await menu('对账', /\/admin\/exchange\/reconciliation/);
    const principle = await text(page.locator('[data-test=reconcile-principle]'));
    if (!principle.includes('不会改变任何办件')) fail(`the page does not say a difference changes no case: ${principle}`);
    const runs = page.locator('[data-test=run-table]');
    const bankRun = runs.locator('tbody tr', { hasText: cfg.bank.code }).first();
    await bankRun.waitFor();
    await bankRun.locator('[data-test=reconcile-now]').click();
    await bankRun.locator('[data-test=run-outcome]', { hasText: '处差异' }).waitFor({ timeout: 2 * TIMEOUT });
    report.bankRun = { checked: await text(bankRun.locator('[data-test=run-checked]')), outcome: await text(bankRun.locator('[data-test=run-outcome]')) };
    const countyRun = runs.locator('tbody tr', { hasText: cfg.county.code }).first();
    await countyRun.locator('[data-test=reconcile-now]').click();
    await countyRun.locator('[data-test=run-outcome]', { hasText: '对方未应答' }).waitFor({ timeout: 2 * TIMEOUT });
    report.countyRun = { outcome: await text(countyRun.locator('[data-test=run-outcome]')), error: await text(countyRun.locator('[data-test=run-error]')) };
    step(`reconciled: the bank ${report.bankRun.checked} compared, ${report.bankRun.outcome}; the county system ${report.countyRun.outcome}`);

    // 8. The difference: decided there, accepted here. 处理 without a note is refused; with one, it closes.
    await choose(page.locator('[data-test=difference-partner]'), cfg.bank.name, '.difference-partner-popper', cfg.bank.code);
    await page.locator('.toolbar button', { hasText: '查询' }).click();
    await page.waitForURL((url) => new URL(url).searchParams.get('partner') === cfg.bank.code);
    const diffs = page.locator('[data-test=difference-table]');
    const diff = diffs.locator('tbody tr.el-table__row', { hasText: cfg.decidedCase }).first();
    await diff.waitFor();
    report.difference = {
      kind: await text(diff.locator('[data-test=difference-kind]')),
      ours: await text(diff.locator('[data-test=difference-ours]')),
      theirs: await text(diff.locator('[data-test=difference-theirs]')),
      rows: await diffs.locator('tbody tr.el-table__row').count(),
    };
    if (report.difference.kind !== '状态不一致' || !report.difference.ours.includes('已受理') || !report.difference.theirs.includes('已准予')) {
      fail(`the difference reads ${JSON.stringify(report.difference)}`);
    }
    await tallShot('reconciliation');
    await diff.locator('[data-test=close-difference]').click();
    const closeDialog = page.locator('.el-dialog:visible', { has: page.locator('[data-test=difference-note-input]') });
    await closeDialog.waitFor();
    await closeDialog.locator('[data-test=confirm-close-difference]').click();
    const noteError = fieldError(closeDialog, '[data-test=difference-note-input]');
    await noteError.waitFor();
    report.noteRefused = await text(noteError);
    await shot('difference_refused');
    await closeDialog.locator('[data-test=difference-note-input]').fill(cfg.note);
    await closeDialog.locator('[data-test=confirm-close-difference]').click();
    await closeDialog.waitFor({ state: 'hidden' });
    await diffs.locator('tbody tr.el-table__row', { hasText: cfg.decidedCase }).waitFor({ state: 'detached' });
    await page.locator('[data-test=difference-state] label', { hasText: '已处理' }).click();
    await page.waitForURL((url) => new URL(url).searchParams.get('state') === 'closed');
    const closed = page.locator('[data-test=difference-table] tbody tr.el-table__row', { hasText: cfg.decidedCase }).first();
    await closed.waitFor();
    report.closedNote = await text(closed.locator('[data-test=difference-note]'));
    await tallShot('closed');
    step(`difference closed with a note (refused without: ${report.noteRefused})`);

    // 9. Back on the partner list: the new partner switched off; its route shows the item's name.
    await menu('合作单位', /\/admin\/exchange\/partners/);
    const seal = page.locator('[data-test=partner-table] tbody tr', { hasText: cfg.seal.code }).first();
    await seal.waitFor();
    await seal.locator('[data-test=edit-partner]').click();
    const edit = page.locator('.el-dialog:visible', { has: page.locator('[data-test=partner-code]') });
    await edit.waitFor();
    if (!(await edit.locator('[data-test=partner-code]').isDisabled())) fail('the code of a registered partner is editable');
    await edit.locator('[data-test=partner-active]').click();
    await edit.locator('[data-test=save-partner]').click();
    await edit.waitFor({ state: 'hidden' });
    await seal.locator('[data-test=partner-status]', { hasText: '停用' }).waitFor();
    report.route = await text(seal.locator('[data-test=partner-route-cell]').first());
    if (!report.route.includes(cfg.seal.route) || !report.route.includes('（')) fail(`the route reads ${report.route}`);
    await tallShot('partners');
    step(`switched off; route shown as ${report.route}`);

    if (foreign.size) fail(`requests to other hosts: ${[...foreign].join(', ')}`);
    if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
    process.stdout.write(`${JSON.stringify({ ok: true, steps, ...report, consoleErrors })}\n`);
  } catch (err) {
    if (page) await shot('failure').catch(() => {});
    throw err;
  } finally {
    await browser.close().catch(() => {});
  }
}

main().catch((err) => {
  const message = err instanceof CheckFailure ? err.message : `${err.name}: ${err.message.split('\n').slice(0, 6).join(' ')}`;
  process.stderr.write(`admin_exchange_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  if (consoleErrors.length) process.stderr.write(`console errors: ${consoleErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
