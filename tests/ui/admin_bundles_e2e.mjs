#!/usr/bin/env node
// End to end in the admin UI, themed bundles (主题办件 · 一件事):
//   window — the clerk finds a theme by its pinyin initials (主题收件), answers the questionnaire, sees
//            the items it makes stage by stage, identifies the person at the counter and the
//            enterprise (a missing credit code refused next to its field), fills the one merged form
//            (fields the platform knows shown filled, with their source), ticks the one set of
//            materials (one also scanned and uploaded) leaving out a deferrable one, and receives the
//            bundle; finds it in the window's bundle queue; plain 受理 is refused on the missing
//            material's row; accepts it with that material missing (容缺) and prints the bundle's
//            容缺受理通知书 (print media, one A4 page, no navigation); the bundle page shows the stages,
//            their sub-cases and the timeline chart against the budget (a canvas of non-zero size);
//   office — the hall supervisor finds it among every bundle of the region (主题办件), is offered no
//            window action, and reveals the masked applicant with a reason (logged);
//   correction — the clerk unticks a material that fails its review points and sends one correction
//            notice for the whole bundle (一次性告知单: the failed check, the missing main material and
//            one more item), printed on one A4 page;
//   results — the clerk finds a bundle whose items are all approved among the results to hand out,
//            issues them together (one pickup) and completes the bundle (办结).
//
// Usage: node tests/ui/admin_bundles_e2e.mjs <server base url> <scenario> <spec json> <screenshot dir>
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

// a real one-page PDF (tests/samples.py): the server opens every upload whole with pypdf
const SCAN_PDF = 'JVBERi0xLjMKJeLjz9MKMSAwIG9iago8PAovUHJvZHVjZXIgKHB5cGRmKQovVGl0bGUgKGFkbWluXDA1NXVpIGUyZSBzY2FuKQo+PgplbmRvYmoKMiAwIG9iago8PAovVHlwZSAvUGFnZXMKL0NvdW50IDEKL0tpZHMgWyA0IDAgUiBdCj4+CmVuZG9iagozIDAgb2JqCjw8Ci9UeXBlIC9DYXRhbG9nCi9QYWdlcyAyIDAgUgo+PgplbmRvYmoKNCAwIG9iago8PAovVHlwZSAvUGFnZQovUmVzb3VyY2VzIDw8Cj4+Ci9NZWRpYUJveCBbIDAuMCAwLjAgNTk1IDg0MiBdCi9QYXJlbnQgMiAwIFIKPj4KZW5kb2JqCnhyZWYKMCA1CjAwMDAwMDAwMDAgNjU1MzUgZiAKMDAwMDAwMDAxNSAwMDAwMCBuIAowMDAwMDAwMDg0IDAwMDAwIG4gCjAwMDAwMDAxNDMgMDAwMDAgbiAKMDAwMDAwMDE5MiAwMDAwMCBuIAp0cmFpbGVyCjw8Ci9TaXplIDUKL1Jvb3QgMyAwIFIKL0luZm8gMSAwIFIKPj4Kc3RhcnR4cmVmCjI4NgolJUVPRgo=';

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
const onBundlePage = (url) => /\/admin\/bundles\/[^/]+$/.test(new URL(url).pathname)
  && !['walk-in', 'window', 'results', 'review'].includes(new URL(url).pathname.split('/').pop());

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

async function menuTitles() {
  return (await page.locator('.el-aside .el-menu-item').allInnerTexts()).map((t) => t.trim());
}

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

// --- the window: 主题收件, the queue, 容缺受理, the notice, the bundle page ----------------------------

async function windowScenario(base, spec) {
  await login(base, 'city_clerk', '/bundles/walk-in');
  const menu = await menuTitles();
  for (const title of ['主题收件', '主题办件受理', '主题办件出件']) if (!menu.includes(title)) fail(`the clerk's menu lacks ${title}: ${menu}`);
  if (menu.includes('主题办件审批')) fail(`the clerk's menu shows 主题办件审批: ${menu}`);
  step('clerk menu by role');

  // the theme, by its pinyin initials
  await page.locator('[data-test=theme-search]').fill(spec.search);
  await page.click('[data-test=theme-search-submit]');
  const row = page.locator('[data-test=theme-results] tr', { hasText: spec.themeName });
  await row.first().waitFor();
  await row.first().locator('[data-test=theme-choose]').click();
  await page.locator('[data-test=chosen-theme]', { hasText: spec.themeName }).waitFor();
  step(`found ${spec.themeName} by "${spec.search}"`);

  // the questionnaire decides the items, shown stage by stage
  for (const a of spec.answers) await page.locator(`[data-test="question-${a.key}"] .el-radio`, { hasText: a.label }).click();
  await page.locator('[data-test=stage-1]').waitFor();
  result.stagesShown = [];
  for (let n = 1; n <= spec.stages.length; n += 1) {
    result.stagesShown.push((await page.locator(`[data-test=stage-${n}] [data-test=stage-item]`).allInnerTexts()).map((t) => t.trim()));
  }
  if (await page.locator(`[data-test=stage-${spec.stages.length + 1}]`).count()) fail('more stages shown than the answers make');
  step(`answered ${spec.answers.length} questions: ${result.stagesShown.map((s) => s.join('+')).join(' → ')}`);

  // the enterprise theme needs the enterprise: refused next to the field before anything is sent
  await page.locator('[data-test=applicant-id]').fill(spec.applicant.idNumber);
  await page.click('[data-test=bundle-submit]');
  const codeError = page.locator('.el-form-item', { has: page.locator('[data-test=applicant-credit-code]') }).locator('.el-form-item__error');
  await codeError.waitFor();
  step(`refused next to the field: ${(await codeError.innerText()).trim()}`);
  await page.locator('[data-test=applicant-credit-code]').fill(spec.applicant.creditCode);

  // the merged form: what the platform knows is shown filled, with its source; the rest typed
  for (const key of spec.known) {
    const known = page.locator(`[data-test="field-${key}"] [data-test=known-field]`);
    const text = await known.innerText();
    if (!text.includes('平台已知')) fail(`field ${key} does not show its source: ${text}`);
  }
  const creditShown = await page.locator('[data-test="field-creditCode"] [data-test=known-field]').innerText().catch(() => '');
  if (creditShown && !creditShown.includes(spec.applicant.creditCode)) fail(`the credit code field shows ${creditShown}`);
  for (const field of spec.form) await fillField(field);
  step(`form: ${spec.known.length} fields known to the platform, ${spec.form.length} filled`);

  // the one set of materials: paper ticked, one scanned as well, the deferrable one left out
  for (const key of spec.paper) await page.locator(`[data-test="paper-${key}"]`).click();
  await page.locator(`[data-test="upload-${spec.scanKey}"]`).setInputFiles({
    name: `${spec.scanKey}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(SCAN_PDF, 'base64'),
  });
  await page.locator(`[data-test="scan-${spec.scanKey}"]`).waitFor();
  step(`ticked ${spec.paper.length} materials, scanned ${spec.scanKey}`);
  await shot('walk_in');
  await page.click('[data-test=bundle-submit]');
  await page.waitForURL((url) => onBundlePage(url));
  await page.locator('[data-test=bundle-status]').waitFor();
  result.bundleId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  result.bundleNumber = (await page.locator('[data-test=bundle-number]').innerText()).trim();
  step(`received as ${result.bundleNumber}: ${(await page.locator('[data-test=bundle-status]').innerText()).trim()}`);

  // the window's queue of bundles lists it; from there back to its page
  await page.locator('.el-aside .el-menu-item', { hasText: '主题办件受理' }).click();
  await page.waitForURL(/\/admin\/bundles\/window/);
  const link = page.locator('[data-test=bundle-queue] [data-test=bundle-link]', { hasText: result.bundleNumber });
  await link.waitFor();
  await page.locator('[data-test=pager-total]').waitFor();
  await shot('queue');
  step('listed in the window queue');
  await link.click();
  await page.waitForURL((url) => onBundlePage(url));
  await page.locator('[data-test=accept]').waitFor();

  // plain 受理 is refused while the deferrable material is missing: the error sits on its row
  await page.click('[data-test=accept]');
  const rowError = page.locator(`[data-test="material-error-${spec.deferrableKey}"]`);
  await rowError.waitFor();
  step(`accept refused on the material row: ${(await rowError.innerText()).trim()}`);

  // 容缺受理: one commitment, one notice for the bundle
  await page.click('[data-test=accept-missing]');
  const dialog = page.locator('.el-dialog', { hasText: '容缺受理' }).filter({ visible: true });
  await dialog.locator(`[data-test="deferral-row-${spec.deferrableKey}"]`).waitFor();
  await dialog.locator('[data-test=commitment]').fill(`申请人已签署《容缺受理承诺书》，承诺 5 个工作日内补交${spec.deferrableName}`);
  await page.click('[data-test=deferral-submit]');
  await page.locator('[data-test=deferral-notice-link]').waitFor();
  await page.locator('[data-test=accept]').waitFor({ state: 'detached' });
  step(`accepted with the missing material: ${(await page.locator('[data-test=bundle-status]').innerText()).trim()}`);
  await shot('accepted');

  // the printable notice: same tab, no navigation, one A4 page
  await page.click('[data-test=deferral-notice-link]');
  await page.waitForURL(/\/deferral-notice$/);
  const notice = page.locator('[data-test=notice]');
  await notice.waitFor();
  const noticeText = await notice.innerText();
  if (!noticeText.includes('容缺受理通知书') || !noticeText.includes(spec.deferrableName)) fail(`the notice lacks its title or material: ${noticeText}`);
  if (!noticeText.includes(result.bundleNumber) || !noticeText.includes(spec.themeName)) fail('the notice lacks the bundle number or theme');
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

  // back on the bundle page: the stages, their sub-cases, and the chart against the budget
  await page.locator('a', { hasText: '返回主题办件' }).click();
  await page.waitForURL((url) => onBundlePage(url));
  await page.locator('[data-test=stage-1]').waitFor();
  const links = await page.locator('[data-test=stage-1] [data-test=sub-case-link]').count();
  if (links !== spec.stages[0].length) fail(`stage 1 links ${links} sub-cases, expected ${spec.stages[0].length}`);
  const later = await page.locator('[data-test=stage-2] [data-test=sub-case-link]').count();
  if (later) fail('stage 2 links sub-cases before it opened');
  const waiting = (await page.locator('[data-test=stage-2] [data-test=item-state]').allInnerTexts()).map((t) => t.trim());
  step(`stage 1 has ${links} sub-cases; stage 2: ${waiting.join('、')}`);
  const canvas = page.locator('[data-test=stage-chart] canvas').first();
  await canvas.waitFor();
  await canvas.scrollIntoViewIfNeeded();
  result.chart = await canvas.evaluate((c) => ({ width: c.clientWidth, height: c.clientHeight, pixels: c.width * c.height }));
  if (!(result.chart.width > 0 && result.chart.height > 0)) fail(`the chart canvas has no size: ${JSON.stringify(result.chart)}`);
  step(`the stage chart renders (${result.chart.width}×${result.chart.height})`);
  const usage = (await page.locator('[data-test=budget-usage]').innerText()).trim();
  step(`budget: ${usage}`);
  // accepted just now: the working-hour meter on the hall's hours
  const meter = (await page.locator('[data-test=hour-meter]').innerText()).trim();
  if (!/已用 [\d.]+ \/ [\d.]+ 工作小时/.test(meter) || !meter.includes('按大厅办公时间计')) fail(`the hour meter reads: ${meter}`);
  step(`hours: ${meter.replace(/\s+/g, ' ')}`);
  await shot('bundle');
}

// --- the hall supervisor: every bundle of the region, the applicant revealed (logged) ------------

async function officeScenario(base, spec) {
  await login(base, 'city_supervisor', '/bundles');
  const menu = await menuTitles();
  if (!menu.includes('主题办件') || menu.includes('主题收件')) fail(`the supervisor's menu: ${menu}`);
  const link = page.locator('[data-test=bundle-queue] [data-test=bundle-link]', { hasText: spec.bundleNumber });
  await link.waitFor();
  step('listed among all bundles');
  await shot('all');
  await link.click();
  await page.waitForURL((url) => onBundlePage(url));
  await page.locator('[data-test=bundle-status]').waitFor();
  if (await page.locator('[data-test=accept], [data-test=supply], [data-test=issue-results]').count()) fail('the supervisor is offered window actions');
  // the applicant's phone is masked; "显示" asks why, and the view is logged
  result.masked = (await page.locator('[data-test=applicant-phone]').innerText()).trim();
  await page.click('[data-test=reveal]');
  await page.locator('[data-test=reveal-reason]').fill(spec.revealReason);
  await page.click('[data-test=reveal-confirm]');
  await page.locator('[data-test=revealed]').first().waitFor();
  result.revealed = await page.locator('[data-test=revealed]').allInnerTexts();
  step('revealed the applicant (logged)');
  await page.locator('[data-test=materials]').scrollIntoViewIfNeeded();
  await shot('bundle');
}

// --- the window: one correction notice across every item (一次性告知) --------------------------------

async function correctionScenario(base, spec) {
  await login(base, 'city_clerk', '/bundles/window');
  const link = page.locator('[data-test=bundle-queue] [data-test=bundle-link]', { hasText: spec.bundleNumber });
  await link.waitFor();
  await link.click();
  await page.waitForURL((url) => onBundlePage(url));
  await page.locator('[data-test=accept]').waitFor();
  // the clerk finds a material wanting against its review points: unticks it, says why
  await page.locator(`[data-test="check-${spec.failedKey}"]`).click();
  const note = page.locator('[data-test=materials] tr', { has: page.locator(`[data-test="material-${spec.failedKey}"]`) }).locator('input[type=text]');
  await note.fill(spec.failedNote);
  await page.click('[data-test=accept]');
  const rowError = page.locator(`[data-test="material-error-${spec.failedKey}"]`);
  await rowError.waitFor();
  step(`accept refused on the material row: ${(await rowError.innerText()).trim()}`);
  if (await page.locator('[data-test=accept-missing]').isEnabled()) fail('容缺 offered although a main material is missing');

  // one notice for the bundle: prefilled with the failed check and the missing main material
  await page.click('[data-test=request-correction]');
  const first = page.locator('[data-test=correction-note-0]');
  await first.waitFor();
  const prefilled = [];
  for (const input of await page.locator('[data-test^=correction-note-]').all()) prefilled.push(await input.inputValue());
  if (!prefilled.includes(spec.failedNote) || !prefilled.some((p) => p.includes(spec.missingName))) fail(`not prefilled from the check: ${prefilled}`);
  await page.locator('.el-dialog', { hasText: '一次性告知补正' }).locator('button', { hasText: '增加一项' }).click();
  await page.locator('[data-test^=correction-note-]').last().fill(spec.extraNote);
  result.correctionItems = await page.locator('[data-test^=correction-note-]').count();
  await page.click('[data-test=correction-submit]');
  await page.locator('[data-test=correction-notice-link]').waitFor();
  step(`one-time correction sent (${result.correctionItems} items): ${(await page.locator('[data-test=bundle-status]').innerText()).trim()}`);
  await page.click('[data-test=correction-notice-link]');
  await page.waitForURL(/\/correction-notice$/);
  const notice = page.locator('[data-test=notice]');
  await notice.waitFor();
  result.noticeItems = await page.locator('[data-test=notice-item]').count();
  const text = await notice.innerText();
  if (!text.includes('一次性告知单') || !text.includes(spec.bundleNumber)) fail(`the notice: ${text}`);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
  result.noticePages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  await shot('notice');
  step(`printed the 一次性告知单 with ${result.noticeItems} items (${result.noticePages} A4 page)`);
}

// --- the window: the results of every item go out together (统一出件), then 办结 --------------------

async function resultsScenario(base, spec) {
  await login(base, 'city_clerk', '/bundles/results');
  const link = page.locator('[data-test=bundle-queue] [data-test=bundle-link]', { hasText: spec.bundleNumber });
  await link.waitFor();
  step('listed among the results to hand out');
  await link.click();
  await page.waitForURL((url) => onBundlePage(url));
  const status = page.locator('[data-test=bundle-status]');
  await status.waitFor();
  result.before = (await status.innerText()).trim();
  const stageTags = await page.locator('.stage-title .el-tag').allInnerTexts();
  if (stageTags.some((t) => t.trim() !== '已完成')) fail(`not every stage is done: ${stageTags}`);
  const canvas = page.locator('[data-test=stage-chart] canvas').first();
  await canvas.waitFor();
  result.chart = await canvas.evaluate((c) => ({ width: c.clientWidth, height: c.clientHeight }));
  step(`${result.before}; ${stageTags.length} stages done, chart ${result.chart.width}×${result.chart.height}`);
  await page.click('[data-test=issue-results]');
  await page.locator('[data-test=result-method] .el-radio', { hasText: '窗口领取' }).click();
  await page.click('[data-test=issue-submit]');
  await page.locator('[data-test=complete]').waitFor();
  step('issued together: one pickup');
  await page.click('[data-test=complete]');
  await page.locator('[data-test=action-reason]').fill('申请人已一次领取全部办理结果');
  await page.click('[data-test=action-submit]');
  await page.locator('[data-test=complete]').waitFor({ state: 'detached' });
  await page.waitForFunction((before) => document.querySelector('[data-test=bundle-status]')?.textContent?.trim() !== before, result.before);
  result.after = (await status.innerText()).trim();
  step(`completed: ${result.after}`);
  await shot('bundle');
}

const SCENARIOS = { window: windowScenario, office: officeScenario, correction: correctionScenario, results: resultsScenario };

async function main() {
  const [base, name, specJson, dir] = process.argv.slice(2);
  if (!base || !SCENARIOS[name] || !specJson || !dir) {
    fail('usage: node tests/ui/admin_bundles_e2e.mjs <base url> <window|office|correction|results> <spec json> <screenshot dir>');
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
  process.stderr.write(`admin_bundles_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  if (consoleErrors.length) process.stderr.write(`console errors: ${consoleErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
