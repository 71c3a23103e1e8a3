#!/usr/bin/env node
// A day at the hall (issue 16): five staff, each in a browser context of their own, work the same
// morning's cases; the same essential steps run once per pass of the spec (a hall PC, a hall tablet
// with every page and open dialog measured, a slowed network with the loading states watched).
//
//   clerk A  (city_clerk)         a walk-in refused (mistyped ID number, in the page; a name that is not
//                                 the one on file, from the server), corrected, received and 受理
//   clerk B  (guanxian_clerk)     an online application accepted with a material missing (容缺), the
//                                 容缺受理通知书 printed
//   reviewer (city_reviewer_scjg) claims and approves clerk A's case through its steps, reveals the applicant
//   supervisor (city_supervisor)  督办: the overdue case red, extended; a proposed 不予受理 confirmed
//   admin    (city_admin)         个人信息访问日志: the reviewer's reveal of the morning
//
// Usage: node tests/ui/day_at_hall_e2e.mjs <server base url> <spec json> <screenshot dir>
//   spec: {"passes": [{name, viewport: [w, h], slow, measure, ...the morning's numbers}], "revealReason",
//          "rejectionReason", "emptyTexts": [...]}
//
// Screenshots <pass>_<step>.png. Prints one JSON line {"ok": true, "steps": [...], "passes": [...]};
// on failure exits 1 with {"ok": false, "error": ...} and <pass>_failure.png.
//
// Environment: CHROMIUM_PATH, ADMIN_E2E_TIMEOUT_MS (default 30000; four times that on the slowed network),
// ADMIN_PASSWORD (default liaoyi-demo-2019).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, fail, launchChromium } from './browser.mjs';
import { layoutProblems, quietTracker } from './layout_checks.mjs';

const TIMEOUT = Number(process.env.ADMIN_E2E_TIMEOUT_MS || 30000);
const PASSWORD = process.env.ADMIN_PASSWORD || 'liaoyi-demo-2019';
// the slowed network: a poor 3G link (latency per request, bytes per second)
const SLOW = { offline: false, latency: 400, downloadThroughput: 200 * 1024, uploadThroughput: 100 * 1024 };

const steps = [];
const pageErrors = [];
const foreign = new Set();
let current; // the page of the failure screenshot

const caseUrl = (url) => /\/admin\/cases\/[^/]+$/.test(new URL(url).pathname) && !String(url).includes('walk-in');

/** Records, from the first script on, whether a loading state and any empty-answer text were shown. */
function watchScript(emptyTexts) {
  window.__watch = { empty: [], loading: 0 };
  const check = () => {
    const body = document.body;
    if (!body) return;
    const text = body.innerText || '';
    const masks = [...document.querySelectorAll('.el-loading-mask, .el-button.is-loading')].some((e) => getComputedStyle(e).display !== 'none');
    if (masks || text.includes('加载中')) window.__watch.loading += 1;
    for (const t of emptyTexts) {
      if (text.includes(t) && !window.__watch.empty.some((e) => e.text === t && e.path === location.pathname)) {
        window.__watch.empty.push({ text: t, path: location.pathname, masked: masks });
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

async function actor(browser, base, spec, pass, user, target) {
  const host = new URL(base).host;
  const context = await browser.newContext({ viewport: { width: pass.viewport[0], height: pass.viewport[1] }, locale: 'zh-CN' });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (!['data:', 'blob:', 'about:'].includes(u.protocol) && u.host !== host) {
      foreign.add(u.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  if (pass.slow) await context.addInitScript(watchScript, spec.emptyTexts);
  const page = await context.newPage();
  current = page;
  page.setDefaultTimeout(pass.slow ? 4 * TIMEOUT : TIMEOUT);
  page.on('pageerror', (err) => pageErrors.push(`${pass.name} ${user}: ${err.message}`));
  if (pass.slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW);
  }
  const quiet = quietTracker(page);
  await page.goto(`${base}/admin${target}`, { waitUntil: 'load' });
  await page.waitForURL(/\/admin\/login/);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  const pathOnly = target.split('?')[0];
  await page.waitForURL((url) => new URL(url).pathname === `/admin${pathOnly}`);
  await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
  return { page, context, quiet, user };
}

async function main() {
  const [base, raw, shotDir] = process.argv.slice(2);
  if (!base || !raw || !shotDir) fail('usage: node tests/ui/day_at_hall_e2e.mjs <base url> <spec json> <screenshot dir>');
  const spec = JSON.parse(raw);
  mkdirSync(shotDir, { recursive: true });
  const browser = await launchChromium();
  const passes = [];
  let passName = 'setup';
  try {
    for (const pass of spec.passes) {
      passName = pass.name;
      const done = { name: pass.name, shots: [], layoutProblems: [], emptyBeforeAnswer: [], noLoadingState: [], listsLoaded: 0, loadingSeen: 0 };
      passes.push(done);
      const step = (text) => steps.push(`${pass.name}: ${text}`);
      const settled = (page) => page.waitForFunction(
        () => ![...document.querySelectorAll('.el-overlay, .el-loading-mask')].some((e) => getComputedStyle(e).display !== 'none'),
      );
      const measure = async (who, what) => {
        if (!pass.measure) return;
        await who.quiet();
        for (const p of await layoutProblems(who.page)) done.layoutProblems.push(`${who.user} ${what}: ${p.kind} ${p.what} (${p.detail})`);
      };
      const shot = async (who, name, { dialog = false } = {}) => {
        if (!dialog) await settled(who.page).catch(() => {});
        await measure(who, name);
        const file = `${pass.name}_${name}`;
        await who.page.screenshot({ path: path.join(shotDir, `${file}.png`), fullPage: !dialog });
        done.shots.push(file);
      };
      // a list that has rows: on the slowed network, a loading state first and never an empty answer
      const listed = async (who, locator) => {
        await locator.first().waitFor();
        if (!pass.slow) return;
        const seen = await who.page.evaluate(() => {
          const w = window.__watch;
          const out = { empty: w.empty, loading: w.loading };
          window.__watch = { empty: [], loading: 0 };
          return out;
        });
        done.listsLoaded += 1;
        if (seen.loading > 0) done.loadingSeen += 1;
        else done.noLoadingState.push(`${who.user} ${new URL(who.page.url()).pathname}`);
        for (const e of seen.empty) done.emptyBeforeAnswer.push(`${who.user} ${e.path}: "${e.text}"${e.masked ? ' (under the loading mask)' : ''}`);
      };
      const reset = async (who) => { if (pass.slow) await who.page.evaluate(() => { window.__watch = { empty: [], loading: 0 }; }); };
      const status = async (who, expected) => {
        const tag = who.page.locator('[data-test=case-status]');
        await tag.filter({ hasText: expected }).waitFor();
      };
      const menuTo = async (who, title) => {
        const first = who.page.locator('[data-test=side-menu] .el-menu-item').first();
        if (!(await first.isVisible())) await who.page.click('[data-test=menu-toggle]');
        await reset(who);
        await who.page.locator('[data-test=side-menu] .el-menu-item', { hasText: title }).click();
      };

      // --- clerk A: the walk-in, refused, corrected, received and accepted -----------------------
      const a = await actor(browser, base, spec, pass, 'city_clerk', '/cases/walk-in');
      if (pass.measure) {
        done.menuFoldedAtStart = !(await a.page.locator('[data-test=side-menu] .el-menu-item').first().isVisible());
      }
      await reset(a);
      await a.page.locator('[data-test=item-search]').fill(pass.itemName);
      await a.page.click('[data-test=item-search-submit]');
      const found = a.page.locator('[data-test=item-results] tr', { hasText: pass.implementationCode });
      await listed(a, found);
      await found.locator('[data-test=item-choose]').click();
      await a.page.locator('[data-test=chosen-item]', { hasText: pass.itemName }).waitFor();
      if (pass.situationCount > 1) await a.page.locator('[data-test=situation] .el-radio', { hasText: pass.situationName }).click();
      const ap = pass.applicant;
      const fieldError = (sel) => a.page.locator('.el-form-item', { has: a.page.locator(sel) }).locator('.el-form-item__error');
      // a mistyped ID number (the check digit): refused next to the field before anything is sent
      const typo = ap.idNumber.slice(0, 17) + (ap.idNumber[17] === '1' ? '2' : '1');
      await a.page.locator('[data-test=applicant-id]').fill(typo);
      await a.page.click('[data-test=walk-in-submit]');
      await fieldError('[data-test=applicant-id]').waitFor();
      done.idError = (await fieldError('[data-test=applicant-id]').innerText()).trim();
      step(`clerk A refused next to the ID number: ${done.idError}`);
      // the right number, a name that is not the one on file: the server refuses, next to the name
      await a.page.locator('[data-test=applicant-id]').fill(ap.idNumber);
      await a.page.locator('[data-test=person-on-file]').waitFor();
      await a.page.locator('[data-test=applicant-name]').fill(ap.wrongName);
      await a.page.locator('[data-test=applicant-phone]').fill(ap.phone);
      await a.page.locator('[data-test=applicant-credit-code]').fill(ap.creditCode);
      for (const field of pass.form) await fillField(a.page, field);
      for (const key of pass.present) await a.page.locator(`[data-test="present-${key}"]`).click();
      await a.page.click('[data-test=walk-in-submit]');
      const nameError = fieldError('[data-test=applicant-name]');
      await nameError.waitFor();
      done.nameError = (await nameError.innerText()).trim();
      await nameError.scrollIntoViewIfNeeded();
      await shot(a, 'clerk_a_refused');
      step(`clerk A refused next to the name: ${done.nameError}`);
      // corrected: received, then 受理 (every material presented)
      await a.page.locator('[data-test=applicant-name]').fill(ap.name);
      await a.page.click('[data-test=walk-in-submit]');
      await a.page.waitForURL(caseUrl);
      await status(a, '已申报');
      done.walkInId = decodeURIComponent(new URL(a.page.url()).pathname.split('/').pop());
      done.walkInNumber = (await a.page.locator('[data-test=case-number]').innerText()).trim();
      await a.page.click('[data-test=accept]');
      await status(a, '已受理');
      await shot(a, 'clerk_a_accepted');
      step(`clerk A received and accepted ${done.walkInNumber}`);

      // --- clerk B: the online application, 容缺, the printed notice ------------------------------
      const b = await actor(browser, base, spec, pass, 'guanxian_clerk', `/cases/window?number=${encodeURIComponent(pass.onlineNumber)}`);
      const link = b.page.locator('[data-test=case-queue] [data-test=case-link]', { hasText: pass.onlineNumber });
      await listed(b, link);
      await shot(b, 'clerk_b_queue');
      await link.click();
      await status(b, '已申报');
      await b.page.click('[data-test=accept-missing]');
      const deferral = b.page.locator('[data-test=deferral-dialog]').filter({ visible: true });
      await deferral.locator('[data-test=commitment]').fill('申请人已签署《容缺受理承诺书》，承诺在许可决定前补交');
      await shot(b, 'clerk_b_deferral_dialog', { dialog: true });
      await b.page.click('[data-test=deferral-submit]');
      await status(b, '已受理');
      await b.page.click('[data-test=deferral-notice-link]');
      await b.page.waitForURL(/\/deferral-notice$/);
      const notice = b.page.locator('[data-test=notice]');
      await notice.waitFor();
      done.noticeText = await notice.innerText();
      done.noticeTitle = done.noticeText.includes('容缺受理通知书') ? '容缺受理通知书' : done.noticeText.slice(0, 20);
      await b.page.emulateMedia({ media: 'print' });
      await shot(b, 'clerk_b_notice');
      await b.page.emulateMedia({ media: 'screen' });
      step(`clerk B accepted ${pass.onlineNumber} with a material missing and printed the notice`);

      // --- the reviewer: claims and approves clerk A's case, reveals the applicant ---------------
      const r = await actor(browser, base, spec, pass, 'city_reviewer_scjg', `/cases/review?number=${encodeURIComponent(done.walkInNumber)}`);
      const rlink = r.page.locator('[data-test=case-queue] [data-test=case-link]', { hasText: done.walkInNumber });
      await listed(r, rlink);
      await shot(r, 'reviewer_queue');
      await rlink.click();
      await r.page.waitForURL(caseUrl);
      await r.page.locator('[data-test=deadline-tag]').waitFor();
      const passed = [];
      for (let i = 0; i < 6; i += 1) {
        const state = (await r.page.locator('[data-test=case-status]').innerText()).trim();
        if (state.includes('已准予')) break;
        if (await r.page.locator('[data-test=claim]').isVisible()) {
          await r.page.click('[data-test=claim]');
          await status(r, '审查中');
        }
        await r.page.click('[data-test=approve]');
        passed.push((await r.page.locator('[data-test=approve-step]').innerText()).trim());
        await r.page.locator('[data-test=action-reason]').fill('经审查符合要求');
        if (i === 0) await shot(r, 'reviewer_approve_dialog', { dialog: true });
        await r.page.click('[data-test=action-submit]');
        await r.page.locator('[data-test=action-submit]').waitFor({ state: 'hidden' });
        await settled(r.page);
        await r.quiet();
      }
      await status(r, '已准予');
      done.approvedSteps = passed;
      await r.page.click('[data-test=reveal]');
      await r.page.locator('[data-test=reveal-reason]').fill(spec.revealReason);
      await r.page.click('[data-test=reveal-confirm]');
      await r.page.locator('[data-test=revealed]').first().waitFor();
      await shot(r, 'reviewer_case');
      step(`the reviewer approved ${done.walkInNumber} through ${passed.join(' → ')} and revealed the applicant`);

      // --- the supervisor: 督办 (extend), then a proposed 不予受理 confirmed ------------------------
      const s = await actor(browser, base, spec, pass, 'city_supervisor', '/cases/overdue');
      const overdue = s.page.locator('[data-test=overdue-table] tr', { hasText: pass.overdueNumber });
      await listed(s, overdue);
      if (!(await overdue.locator('.el-tag--danger').count())) fail(`${pass.name}: the overdue deadline is not tagged red`);
      await shot(s, 'supervisor_overdue');
      await overdue.locator('a').first().click();
      await s.page.waitForURL(caseUrl);
      await s.page.click('[data-test=extend]');
      await s.page.locator('[data-test=extend-days] input').fill('3');
      await s.page.locator('[data-test=extend-days] input').press('Tab');
      await s.page.locator('[data-test=extend-reason]').fill('需组织现场复核，延长办理时限');
      await shot(s, 'supervisor_extend_dialog', { dialog: true });
      await s.page.click('[data-test=extend-submit]');
      await s.page.locator('[data-test=extend]', { hasText: '已延期 3 个工作日' }).waitFor();
      step(`the supervisor extended ${pass.overdueNumber}`);
      await menuTo(s, '不予受理确认');
      await s.page.waitForURL(/\/admin\/cases\/rejections/);
      await s.page.fill('input[name=number]', pass.proposedNumber);
      await reset(s);
      await s.page.press('input[name=number]', 'Enter');
      const plink = s.page.locator('[data-test=case-queue] [data-test=case-link]', { hasText: pass.proposedNumber });
      await listed(s, plink);
      await plink.click();
      await status(s, '拟不予受理');
      await s.page.click('[data-test=confirm-rejection]');
      await s.page.locator('[data-test=action-reason]').fill(spec.rejectionReason);
      await s.page.click('[data-test=action-submit]');
      await status(s, '不予受理');
      await shot(s, 'supervisor_rejected');
      step(`the supervisor confirmed 不予受理 of ${pass.proposedNumber}`);

      // --- the administrator: the morning's reveal in the access log ----------------------------
      const d = await actor(browser, base, spec, pass, 'city_admin', '/dashboard');
      await menuTo(d, '个人信息访问日志');
      await d.page.waitForURL(/\/admin\/access-log/);
      const row = d.page.locator('.el-table__body tr', { hasText: spec.revealReason });
      await listed(d, row);
      done.accessLogRows = await row.count();
      done.accessLogRow = (await row.first().innerText()).replace(/\s+/g, ' ').trim();
      await shot(d, 'admin_access_log');
      step(`the administrator read ${done.accessLogRows} reveal(s) of the morning in the access log`);

      for (const who of [a, b, r, s, d]) await who.context.close();
      current = undefined;
    }
    if (foreign.size) fail(`requests to other hosts: ${[...foreign].join(', ')}`);
    if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
    console.log(JSON.stringify({ ok: true, steps, passes }));
  } catch (err) {
    if (current) await current.screenshot({ path: path.join(shotDir, `${passName}_failure.png`), fullPage: true }).catch(() => {});
    const error = err instanceof CheckFailure ? err.message : (err.stack || String(err)).split('\n').slice(0, 8).join('\n');
    console.log(JSON.stringify({ ok: false, error, steps, url: current?.url(), passes, pageErrors }));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

async function fillField(page, field) {
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

await main();
