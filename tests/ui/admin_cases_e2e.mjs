#!/usr/bin/env node
// End to end in the admin UI, the case workbench:
//   window   — the clerk receives a walk-in (item found by pinyin, applicant, form, materials ticked),
//              accepts it with a missing material (容缺), opens and "prints" the 容缺受理通知书 (print
//              media, one A4 page, no navigation), then takes the missing paper at the window;
//   review   — the department reviewer finds it in the review queue (filters in the URL), claims and
//              approves it through every review step (one claim for all), and reveals the applicant's name (logged);
//   correction — the clerk finds a material wanting, and sends the one-time correction notice;
//   overturn — the hall supervisor sees an overdue case marked red in 督办 and extends it, then
//              finds a proposed rejection and overturns it;
//   outbox   — the city administrator lists dead letters (status filter in the URL) and retries one.
//
// Usage: node tests/ui/admin_cases_e2e.mjs <server base url> <scenario> <spec json> <screenshot dir>
//
// Debian's Chromium (/usr/bin/chromium) driven by playwright-core from admin-ui/node_modules. Any
// request to another host fails the run (no CDN). Screenshots are named <scenario>_<page>.png; the
// last one of each scenario is its last page. Prints one JSON line {"ok": true, "steps": [...], ...};
// on failure exits 1 with {"ok": false, "error": ...} and saves <scenario>_failure.png.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), ADMIN_E2E_TIMEOUT_MS (default 30000).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, fail, launchChromium } from './browser.mjs';

const TIMEOUT = Number(process.env.ADMIN_E2E_TIMEOUT_MS || 30000);
const PASSWORD = 'liaoyi-demo-2019';


const steps = [];
const step = (name) => steps.push(name);
const foreign = new Set();
const pageErrors = [];
const consoleErrors = [];
const result = {};

let page;
let shotDir;
let scenario;
// Dialogs and loading masks fade out: wait until none is shown, so that the screenshot is the page.
const settled = () => page.waitForFunction(
  () => ![...document.querySelectorAll('.el-overlay, .el-loading-mask')].some((e) => getComputedStyle(e).display !== 'none'),
);
const shot = async (name) => {
  await settled().catch(() => {});
  await page.screenshot({ path: path.join(shotDir, `${scenario}_${name}.png`), fullPage: true });
};

async function login(base, user, target) {
  await page.goto(`${base}/admin${target}`, { waitUntil: 'load' });
  await page.waitForURL(/\/admin\/login/);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  const pathOnly = target.split('?')[0];
  await page.waitForURL((url) => new URL(url).pathname === `/admin${pathOnly}`);
  await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
  step(`${user} signed in`);
}

async function status(expected) {
  const tag = page.locator('[data-test=case-status]');
  await tag.filter({ hasText: expected }).waitFor();
  return tag.innerText();
}

async function menuTitles() {
  return (await page.locator('.el-aside .el-menu-item').allInnerTexts()).map((t) => t.trim());
}

// --- the window: walk-in, 容缺, notice, supply ----------------------------------------------------

async function fillField(field) {
  const item = page.locator(`[data-test="field-${field.key}"]`);
  const value = String(field.value);
  switch (field.type) {
    case 'TEXTAREA':
      await item.locator('textarea').fill(value);
      break;
    case 'NUMBER': {
      const input = item.locator('input');
      await input.fill(value);
      await input.press('Tab');
      break;
    }
    case 'DATE': {
      const input = item.locator('input');
      await input.click();
      await input.fill(value);
      await input.press('Enter');
      await page.keyboard.press('Escape');
      break;
    }
    case 'SELECT':
      await item.locator('.el-select__wrapper').click();
      await page.locator('.el-select-dropdown__item').filter({ hasText: value, visible: true }).first().click();
      break;
    case 'BOOLEAN':
      await item.locator('.el-radio').filter({ hasText: field.value ? '是' : '否' }).click();
      break;
    default:
      await item.locator('input').fill(value);
  }
}

async function windowScenario(base, spec) {
  await login(base, 'city_clerk', '/cases/walk-in');
  const menu = await menuTitles();
  for (const title of ['窗口受理', '代为收件', '出件办结']) if (!menu.includes(title)) fail(`the clerk's menu lacks ${title}: ${menu}`);
  for (const title of ['审批', '督办', '通知发件箱']) if (menu.includes(title)) fail(`the clerk's menu shows ${title}`);
  step('clerk menu by role');

  // the application form is rendered from the item's formFields, one widget per type, and checked
  // in the page (required, formats) next to each field before anything is sent
  if (spec.formItem) {
    await page.locator('[data-test=item-search]').fill(spec.formItem.name);
    await page.click('[data-test=item-search-submit]');
    const found = page.locator('[data-test=item-results] tr', { hasText: spec.formItem.implementationCode });
    await found.waitFor();
    await found.locator('[data-test=item-choose]').click();
    const situations = page.locator('[data-test=situation] .el-radio');
    if (await situations.count()) await situations.first().click();
    const formErrors = page.locator('[data-test=walk-in-form] .el-form-item__error');
    await page.click('[data-test=walk-in-submit]');
    await formErrors.first().waitFor();
    const required = await formErrors.count();
    if (required !== spec.formItem.required) fail(`${required} form fields flagged empty, expected ${spec.formItem.required}`);
    for (const field of spec.formItem.form) await fillField(field);
    await page.click('[data-test=walk-in-submit]');
    await page.locator('.el-form-item__error', { hasText: '请填写申请人身份证号码' }).waitFor();
    const cleared = await page.waitForFunction(
      () => ![...document.querySelectorAll('[data-test=walk-in-form] .el-form-item__error')].some((e) => e.textContent.trim()),
      null, { timeout: 3000 },
    ).then(() => true, () => false);
    if (!cleared) fail(`form fields still refused after filling: ${(await formErrors.allInnerTexts()).join(' | ')}`);
    await shot('form');
    step(`rendered and filled ${spec.formItem.form.length} form fields of ${spec.formItem.name} (${[...new Set(spec.formItem.form.map((f) => f.type))].join(',')})`);
    await page.locator('button', { hasText: '重新选择' }).click();
  }

  // find the item by its pinyin initials, pick the city's one
  await page.locator('[data-test=item-search]').fill(spec.search);
  await page.click('[data-test=item-search-submit]');
  const row = page.locator('[data-test=item-results] tr', { hasText: spec.implementationCode });
  await row.waitFor();
  await row.locator('[data-test=item-choose]').click();
  await page.locator('[data-test=chosen-item]', { hasText: spec.itemName }).waitFor();
  step(`found ${spec.itemName} by "${spec.search}"`);
  if (spec.situationCount > 1) await page.locator('[data-test=situation] .el-radio', { hasText: spec.situationName }).click();

  // a bad ID number is refused next to the field before anything is sent
  await page.locator('[data-test=applicant-id]').fill('371525199001011230');
  await page.click('[data-test=walk-in-submit]');
  const idError = page.locator('.el-form-item', { has: page.locator('[data-test=applicant-id]') }).locator('.el-form-item__error');
  await idError.waitFor();
  step(`refused next to the field: ${await idError.innerText()}`);

  await page.locator('[data-test=applicant-id]').fill(spec.applicant.idNumber);
  await page.locator('[data-test=applicant-name]').fill(spec.applicant.name);
  await page.locator('[data-test=applicant-phone]').fill(spec.applicant.phone);
  await page.locator('[data-test=applicant-credit-code]').fill(spec.applicant.creditCode);
  for (const field of spec.form) await fillField(field);
  step(`filled ${spec.form.length} form fields`);
  for (const key of spec.present) await page.locator(`[data-test="present-${key}"]`).click();
  step(`ticked ${spec.present.length} materials presented`);
  await shot('walk_in');
  await page.click('[data-test=walk-in-submit]');
  await page.waitForURL((url) => /\/admin\/cases\/[^/]+$/.test(new URL(url).pathname) && !url.toString().includes('walk-in'));
  await status('已申报');
  result.caseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  result.caseNumber = (await page.locator('[data-test=case-number]').innerText()).trim();
  step(`received as ${result.caseNumber}`);

  // plain 受理 is refused while the deferrable material is missing: the error sits on its row
  await page.click('[data-test=accept]');
  const rowError = page.locator(`[data-test="material-error-${spec.deferrableKey}"]`);
  await rowError.waitFor();
  step(`accept refused on the material row: ${await rowError.innerText()}`);

  // 容缺受理
  await page.click('[data-test=accept-missing]');
  const dialog = page.locator('.el-dialog', { hasText: '容缺受理' }).filter({ visible: true });
  await dialog.locator(`[data-test="deferral-row-${spec.deferrableKey}"]`).waitFor();
  await dialog.locator('[data-test=commitment]').fill('申请人已签署《容缺受理承诺书》，承诺在许可决定前补交检测报告');
  await page.click('[data-test=deferral-submit]');
  await status('已受理');
  step('accepted with the missing material (容缺)');
  await shot('accepted');

  // the printable notice: same tab, no navigation, one A4 page
  await page.click('[data-test=deferral-notice-link]');
  await page.waitForURL(/\/deferral-notice$/);
  const notice = page.locator('[data-test=notice]');
  await notice.waitFor();
  const noticeText = await notice.innerText();
  if (!noticeText.includes('容缺受理通知书') || !noticeText.includes(spec.deferrableName)) fail(`the notice lacks its title or material: ${noticeText}`);
  if (!noticeText.includes(result.caseNumber)) fail('the notice lacks the case number');
  const addressee = (await page.locator('[data-test=notice-applicant]').innerText()).trim();
  if (addressee !== spec.enterpriseName) fail(`the notice is addressed to ${addressee}, expected ${spec.enterpriseName}`);
  if (await page.locator('.el-aside, .el-menu').count()) fail('the notice page shows the navigation');
  await page.emulateMedia({ media: 'print' });
  if (await page.locator('[data-test=print]').isVisible()) fail('the print button is printed');
  const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
  result.noticePages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  writeFileSync(path.join(shotDir, `${scenario}_deferral_notice.pdf`), pdf);
  await shot('deferral_notice');
  await page.emulateMedia({ media: 'screen' });
  step(`printed the 容缺受理通知书 (${result.noticePages} A4 page)`);

  // back to the case; the applicant brings the missing report to the window
  await page.locator('a', { hasText: '返回办件' }).click();
  await page.waitForURL((url) => /\/admin\/cases\/[^/]+$/.test(new URL(url).pathname));
  await page.click('[data-test=supply]');
  await page.locator(`[data-test="supply-${spec.deferrableKey}"]`).waitFor();
  await page.click('[data-test=supply-submit]');
  await page.locator('[data-test=supply]').waitFor({ state: 'detached' });
  step('took the missing material at the window');
  await shot('case');
}

// --- the back office: claim and approve every step ------------------------------------------------

async function reviewScenario(base, spec) {
  await login(base, 'city_reviewer_scjg', `/cases/review?mine=unclaimed&number=${encodeURIComponent(spec.caseNumber)}`);
  const menu = await menuTitles();
  if (!menu.includes('审批') || menu.includes('窗口受理')) fail(`the reviewer's menu: ${menu}`);
  const link = page.locator('[data-test=case-queue] [data-test=case-link]', { hasText: spec.caseNumber });
  await link.waitFor();
  const rows = await page.locator('[data-test=case-queue] tbody tr').count();
  if (rows !== 1) fail(`the number filter in the URL should leave one row, found ${rows}`);
  await shot('queue');
  step('found the case in the review queue (filters from the URL)');
  await link.click();
  await page.waitForURL((url) => /\/admin\/cases\/[^/]+$/.test(new URL(url).pathname));
  await page.locator('[data-test=deadline-tag]').waitFor();

  // one claim covers every review step: after a step the case stays with the reviewer, under review
  await page.click('[data-test=claim]');
  await status('审查中');
  const passed = [];
  for (let i = 0; i < spec.steps.length; i += 1) {
    if (await page.locator('[data-test=claim]').count()) fail(`step ${i + 1}: the case asks to be claimed again`);
    await page.click('[data-test=approve]');
    const shown = (await page.locator('[data-test=approve-step]').innerText()).trim();
    if (shown !== spec.steps[i]) fail(`step ${i + 1}: the dialog says ${shown}, expected ${spec.steps[i]}`);
    await page.locator('[data-test=action-reason]').fill('经审查符合要求');
    await page.click('[data-test=action-submit]');
    await page.locator('[data-test=action-submit]').waitFor({ state: 'hidden' });
    await status(i + 1 < spec.steps.length ? '审查中' : '已准予');
    await settled();
    passed.push(shown);
  }
  result.approvedSteps = passed;
  step(`approved through ${passed.join(' → ')}`);

  // the applicant's phone is masked; "显示" asks why, and the view is logged
  const masked = (await page.locator('[data-test=applicant-phone]').innerText()).trim();
  await page.click('[data-test=reveal]');
  await page.locator('[data-test=reveal-reason]').fill('核对许可证持证人信息');
  await page.click('[data-test=reveal-confirm]');
  await page.locator('[data-test=revealed]').first().waitFor();
  result.revealed = await page.locator('[data-test=revealed]').allInnerTexts();
  result.masked = masked;
  step('revealed the applicant (logged)');
  await page.locator('[data-test=timeline]').scrollIntoViewIfNeeded();
  await shot('case');
}

// --- the hall supervisor: 督办 and overturning a proposed rejection ------------------------------

async function overturnScenario(base, spec) {
  await login(base, 'city_supervisor', '/cases/overdue');
  const menu = await menuTitles();
  if (!menu.includes('督办') || !menu.includes('不予受理确认') || menu.includes('代为收件')) fail(`the supervisor's menu: ${menu}`);
  const overdue = page.locator('[data-test=overdue-table] tr', { hasText: spec.overdueNumber });
  await overdue.waitFor();
  if (!(await overdue.locator('.dot.red').count())) fail('the overdue case has no red mark');
  if (!(await overdue.locator('.el-tag--danger').count())) fail('the overdue deadline is not tagged red');
  await shot('overdue');
  step('督办: the overdue case is marked red');

  // extend it (once), from its page
  await overdue.locator('a').first().click();
  await page.waitForURL((url) => /\/admin\/cases\/[^/]+$/.test(new URL(url).pathname));
  await page.click('[data-test=extend]');
  await page.locator('[data-test=extend-days] input').fill('3');
  await page.locator('[data-test=extend-days] input').press('Tab');
  await page.locator('[data-test=extend-reason]').fill('需组织现场复核，延长办理时限');
  await page.click('[data-test=extend-submit]');
  await page.locator('[data-test=extend]', { hasText: '已延期 3 个工作日' }).waitFor();
  step('extended the overdue case by 3 working days');

  await page.locator('.el-aside .el-menu-item', { hasText: '不予受理确认' }).click();
  await page.waitForURL(/\/admin\/cases\/rejections/);
  await page.fill('input[name=number]', spec.caseNumber);
  await page.press('input[name=number]', 'Enter');
  await page.waitForURL((url) => new URL(url).searchParams.get('number') === spec.caseNumber);
  const link = page.locator('[data-test=case-queue] [data-test=case-link]', { hasText: spec.caseNumber });
  await link.waitFor();
  step('found the proposed rejection, filter in the URL');
  await link.click();
  await status('拟不予受理');
  // overturning needs a reason: refused next to the field first
  await page.click('[data-test=overturn-rejection]');
  await page.click('[data-test=action-submit]');
  const reasonError = page.locator('.el-form-item', { has: page.locator('[data-test=action-reason]') }).locator('.el-form-item__error');
  await reasonError.waitFor();
  step(`refused next to the field: ${await reasonError.innerText()}`);
  await page.locator('[data-test=action-reason]').fill('材料齐全，拟不予受理的理由不成立，退回窗口受理');
  await page.click('[data-test=action-submit]');
  await status('已申报');
  step('overturned: back at the window');
  await shot('case');
}

// --- the window: one correction notice listing everything (一次性告知) ----------------------------

async function correctionScenario(base, spec) {
  await login(base, 'city_clerk', `/cases/window?number=${encodeURIComponent(spec.caseNumber)}`);
  const link = page.locator('[data-test=case-queue] [data-test=case-link]', { hasText: spec.caseNumber });
  await link.waitFor();
  await link.click();
  await status('已申报');
  // the scan of a material opens from the case page (fetched with the bearer token, shown as a blob)
  if (spec.scanKey) {
    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      page.click(`[data-test="download-${spec.scanKey}"]`),
    ]);
    result.download = popup.url();
    await popup.close();
    step('opened the scanned material');
  }
  // the clerk finds the layout plan wanting against its review points: unticks it, says why
  await page.locator(`[data-test="check-${spec.failedKey}"]`).click();
  const note = page.locator('[data-test=materials] tr', { has: page.locator(`[data-test="material-${spec.failedKey}"]`) }).locator('input[type=text]');
  await note.fill('未标明消毒间、布草间位置');
  await page.click('[data-test=accept]');
  const rowError = page.locator(`[data-test="material-error-${spec.failedKey}"]`);
  await rowError.waitFor();
  step(`accept refused on the material row: ${await rowError.innerText()}`);

  await page.click('[data-test=request-correction]');
  const first = page.locator('[data-test=correction-note-0]');
  await first.waitFor();
  const prefilled = await first.inputValue();
  if (!prefilled.includes('消毒间')) fail(`the correction item is not prefilled from the check: ${prefilled}`);
  await page.locator('.el-dialog', { hasText: '一次性告知补正' }).locator('button', { hasText: '增加一项' }).click();
  await page.locator('[data-test^=correction-note-]').last().fill('申请表中营业面积与平面图不一致，请核对');
  result.correctionItems = await page.locator('[data-test^=correction-note-]').count();
  await page.click('[data-test=correction-submit]');
  await status('待补正');
  step('one-time correction notice sent');
  await page.click('[data-test=correction-notice-link]');
  await page.waitForURL(/\/correction-notice$/);
  const notice = page.locator('[data-test=notice]');
  await notice.waitFor();
  result.noticeItems = await page.locator('[data-test=notice-item]').count();
  const text = await notice.innerText();
  if (!text.includes('一次性告知单') || !text.includes(spec.caseNumber)) fail(`the notice: ${text}`);
  await page.emulateMedia({ media: 'print' });
  await shot('notice');
  step(`printed the 一次性告知单 with ${result.noticeItems} items`);
}

// --- the city administrator: dead letters in the outbox, retried -------------------------------

async function outboxScenario(base, spec) {
  await login(base, 'city_admin', '/outbox');
  const menu = await menuTitles();
  if (!menu.includes('通知发件箱') || menu.includes('窗口受理')) fail(`the city admin's menu: ${menu}`);
  await page.click('[data-test=outbox-status]');
  await page.locator('.el-select-dropdown__item').filter({ hasText: '死信', visible: true }).click();
  await page.locator('button', { hasText: '查询' }).click();
  await page.waitForURL((url) => new URL(url).searchParams.get('status') === 'DEAD');
  const row = page.locator('[data-test=outbox-table] tr', { hasText: spec.recipient });
  await row.waitFor();
  const tags = await page.locator('[data-test=outbox-table] tbody .el-tag').allInnerTexts();
  if (tags.some((t) => t.trim() !== '死信')) fail(`the DEAD filter shows other statuses: ${tags}`);
  step('dead letters listed, filter in the URL');
  await row.locator('[data-test=retry]').click();
  await row.locator('.el-tag', { hasText: '排队中' }).waitFor();
  result.retried = (await row.locator('.el-tag').innerText()).trim();
  result.event = (await row.locator('[data-test=outbox-event]').innerText()).trim();
  result.recipient = (await row.locator('[data-test=outbox-recipient]').innerText()).trim();
  step('retried: queued again');
  await shot('outbox');
}

const SCENARIOS = {
  window: windowScenario, review: reviewScenario, correction: correctionScenario, overturn: overturnScenario, outbox: outboxScenario,
};

async function main() {
  const [base, name, specJson, dir] = process.argv.slice(2);
  if (!base || !SCENARIOS[name] || !specJson || !dir) {
    fail('usage: node tests/ui/admin_cases_e2e.mjs <base url> <window|review|correction|overturn|outbox> <spec json> <screenshot dir>');
  }
  scenario = name;
  shotDir = dir;
  const spec = JSON.parse(specJson);
  mkdirSync(shotDir, { recursive: true });
  const host = new URL(base).host;
  const browser = await launchChromium();
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
    await SCENARIOS[name](base, spec);
    if (foreign.size) fail(`requests to other hosts: ${[...foreign].join(', ')}`);
    if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
    process.stdout.write(`${JSON.stringify({ ok: true, scenario, steps, ...result, consoleErrors })}\n`);
  } catch (err) {
    if (page) await shot('failure').catch(() => {});
    throw err;
  } finally {
    await browser.close().catch(() => {});
  }
}

main().catch((err) => {
  const message = err instanceof CheckFailure ? err.message : `${err.name}: ${err.message.split('\n').slice(0, 6).join(' ')}`;
  process.stderr.write(`admin_cases_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  if (consoleErrors.length) process.stderr.write(`console errors: ${consoleErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
