#!/usr/bin/env node
// End to end: the hall supervisor signs in, opens 工程建设项目 from the navigation, finds the project
// by its code, opens it, and the page shows the Gantt chart of the four stages (a canvas with pixels
// on it), each stage's state and what the applicant must do (the send-back's reason).
//
// Usage: node tests/ui/admin_construction_e2e.mjs <server base url> <spec JSON> <screenshot dir>
//   spec: {"code": 项目代码, "permit": the sent-back item's name, "reason": the reviewer's reason}
//
// Debian's Chromium driven by playwright-core from admin-ui/node_modules (tests/ui/browser.mjs). Any
// request to another host fails the run (no CDN). Saves projects.png and project.png and prints one
// JSON line: {"ok": true, "steps": [...], "stages": [...], "todo": "...", "chart": {...}}; on failure exit 1.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), ADMIN_E2E_TIMEOUT_MS (default 30000),
//              ADMIN_USER / ADMIN_PASSWORD (default city_supervisor / liaoyi-demo-2019).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CheckFailure, fail, launchChromium } from './browser.mjs';

const TIMEOUT = Number(process.env.ADMIN_E2E_TIMEOUT_MS || 30000);
const USER = process.env.ADMIN_USER || 'city_supervisor';
const PASSWORD = process.env.ADMIN_PASSWORD || 'liaoyi-demo-2019';

const steps = [];
const foreign = new Set();
const pageErrors = [];
const consoleErrors = [];

async function painted(page, selector) {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas`);
    if (!canvas) return { canvas: false, width: 0, height: 0, painted: 0 };
    const { width, height } = canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n += 1;
    return { canvas: true, width, height, painted: n };
  }, selector);
}

async function main() {
  const [base, specText, shotDir] = process.argv.slice(2);
  if (!base || !specText || !shotDir) fail('usage: node tests/ui/admin_construction_e2e.mjs <base url> <spec JSON> <screenshot dir>');
  const spec = JSON.parse(specText);
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

    // 1. Sign in as the hall supervisor; the navigation offers the construction projects.
    await page.goto(`${base}/admin/login`, { waitUntil: 'load' });
    await page.fill('input[name=username]', USER);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.locator('[data-test=user-name]').filter({ hasText: /\S/ }).waitFor();
    step('signed in');
    await page.locator('.el-menu-item', { hasText: '工程建设项目' }).click();
    await page.waitForURL(/\/admin\/bundles\/construction/);
    step('opened 工程建设项目 from the navigation');

    // 2. The project is listed by its code; open it.
    const link = page.locator('[data-test=project-link]', { hasText: spec.code });
    await link.waitFor();
    await shot('projects');
    await link.click();
    await page.locator('[data-test=project-code]', { hasText: spec.code }).waitFor();
    step('opened the project by its code');

    // 3. The Gantt chart is drawn, the stages' states and the applicant's to-do are shown.
    await page.locator('[data-test=project-gantt] canvas').waitFor();
    await page.waitForTimeout(800);
    const chart = await painted(page, '[data-test=project-gantt]');
    if (!chart.canvas || chart.width < 300 || chart.painted < 2000) fail(`the Gantt chart is not drawn: ${JSON.stringify(chart)}`);
    const stages = (await page.locator('[data-test=stage-status]').allInnerTexts()).map((s) => s.trim());
    const todo = (await page.locator('[data-test=project-todo]').allInnerTexts()).join(' | ');
    if (!todo.includes(spec.reason) || !todo.includes(spec.permit)) fail(`the applicant's to-do lacks the reason: ${todo}`);
    const held = await page.locator('[data-test=project-stages]').innerText();
    if (!held.includes(`因“${spec.permit}”暂缓`)) fail(`the held stages do not name the permit: ${held}`);
    await shot('project');
    step(`Gantt chart drawn (${chart.painted} pixels), ${stages.length} stages`);

    if (foreign.size) fail(`requests to other hosts: ${[...foreign].join(', ')}`);
    if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
    process.stdout.write(`${JSON.stringify({ ok: true, steps, stages, todo, chart, consoleErrors })}\n`);
  } catch (err) {
    if (page) await shot('failure').catch(() => {});
    throw err;
  } finally {
    await browser.close().catch(() => {});
  }
}

main().catch((err) => {
  const message = err instanceof CheckFailure ? err.message : `${err.name}: ${err.message.split('\n').slice(0, 6).join(' ')}`;
  process.stderr.write(`admin_construction_e2e: FAIL after [${steps.join(', ')}]: ${message}\n`);
  if (pageErrors.length) process.stderr.write(`page errors: ${pageErrors.join(' | ')}\n`);
  if (consoleErrors.length) process.stderr.write(`console errors: ${consoleErrors.join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message, steps })}\n`);
  process.exit(1);
});
