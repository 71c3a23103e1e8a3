#!/usr/bin/env node
// End-to-end check of the self-hosted GraphiQL page.
//
// Usage: node tests/ui/graphiql_check.mjs <page url> <screenshot path>
//
// Opens the page in Debian's Chromium (/usr/bin/chromium, driven by
// playwright-core from admin-ui/node_modules; no Playwright browser download),
// fails if any request goes to a host other than the page's own (no CDN on
// isolated networks) or if the CSP blocks anything, waits for the GraphiQL
// editor, runs the first default tab, waits for a JSON result with "data",
// saves a full-page screenshot and prints one JSON line:
//   {"ok": true, "requests": N, "result": "<first 200 chars>"}
// On failure: exit 1, a message on stderr and {"ok": false, "error": ...} on stdout.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium),
//              GRAPHIQL_CHECK_TIMEOUT_MS (default 30000).

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const adminUi = path.resolve(here, '..', '..', 'admin-ui');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.GRAPHIQL_CHECK_TIMEOUT_MS || 30000);
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

class CheckFailure extends Error {}

// Throws; main() closes the browser and the top-level handler reports.
function fail(message) {
  throw new CheckFailure(message);
}

function report(message) {
  process.stderr.write(`graphiql_check: FAIL: ${message}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: message })}\n`);
  process.exit(1);
}

// data: URLs in CSP reports can be hundreds of KiB (inlined fonts).
function shortenDataUrls(text) {
  return text.replace(/data:([^;,'"\s]*)[^'"\s]{40,}/g, (_, type) => `data:${type}…`);
}

// Many identical violations (one per inlined font) are reported once, with a count.
function summarise(list) {
  const counts = new Map();
  for (const item of list) counts.set(item, (counts.get(item) || 0) + 1);
  return [...counts].map(([item, n]) => (n > 1 ? `${n}× ${item}` : item)).join(' | ');
}

const requests = [];
const foreign = new Set(); // URLs on other hosts
const problems = []; // CSP violations and uncaught page errors
const consoleErrors = [];

function loadChromium() {
  const require = createRequire(path.join(adminUi, 'package.json'));
  try {
    return require('playwright-core').chromium;
  } catch (err) {
    fail(`cannot load playwright-core from ${adminUi}/node_modules (run \`npm ci\` there): ${err.message}`);
  }
}

async function main() {
  const [pageUrl, screenshotPath] = process.argv.slice(2);
  if (!pageUrl || !screenshotPath) {
    fail('usage: node tests/ui/graphiql_check.mjs <page url> <screenshot path>');
  }
  let pageHost;
  try {
    pageHost = new URL(pageUrl).host;
  } catch {
    fail(`not a URL: ${pageUrl}`);
  }

  const chromium = loadChromium();
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (err) {
    fail(`cannot launch ${CHROMIUM} (apt-get install -y chromium): ${err.message.split('\n')[0]}`);
  }

  const isForeign = (url) => {
    try {
      const u = new URL(url);
      return !LOCAL_SCHEMES.has(u.protocol) && u.host !== pageHost;
    } catch {
      return true;
    }
  };

  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    // Never let a foreign request leave the machine: record it and abort it.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isForeign(url)) {
        foreign.add(url);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    const page = await context.newPage();
    page.on('request', (req) => {
      requests.push(`${req.method()} ${req.url()}`);
      if (isForeign(req.url())) foreign.add(req.url());
    });
    page.on('websocket', (ws) => {
      requests.push(`WS ${ws.url()}`);
      if (isForeign(ws.url())) foreign.add(ws.url());
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (/Content[ -]Security[ -]Policy/i.test(text)) problems.push(`CSP violation: ${shortenDataUrls(text)}`);
      else consoleErrors.push(text);
    });

    const response = await page.goto(pageUrl, { waitUntil: 'load', timeout: TIMEOUT });
    if (!response || !response.ok()) fail(`page answered HTTP ${response ? response.status() : 'nothing'}`);

    const editor = '.graphiql-query-editor .CodeMirror';
    const executeButton = 'button.graphiql-execute-button';
    try {
      await page.waitForSelector(editor, { state: 'visible', timeout: TIMEOUT });
      await page.waitForSelector(executeButton, { state: 'visible', timeout: TIMEOUT });
    } catch {
      const body = (await page.locator('body').innerText().catch(() => '')).slice(0, 300);
      fail(`GraphiQL editor did not appear in ${TIMEOUT} ms; page says: ${JSON.stringify(body)}; ` +
        `${summarise([...problems, ...consoleErrors]) || 'no console errors'}`);
    }

    // Run the first default tab (the active one after load).
    const firstTab = page.locator('.graphiql-tabs .graphiql-tab').first();
    if (await firstTab.count()) {
      await firstTab.locator('button.graphiql-tab-button').click();
    }
    const query = await page.evaluate((sel) => document.querySelector(sel).CodeMirror.getValue(), editor);
    if (!query.trim()) fail('the first tab has an empty query');
    await page.click(executeButton);

    const resultText = () =>
      page.evaluate(() => {
        const cm = document.querySelector('.result-window .CodeMirror');
        if (cm && cm.CodeMirror) return cm.CodeMirror.getValue();
        const el = document.querySelector('.result-window');
        return el ? el.innerText : '';
      });
    let result = '';
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      result = await resultText();
      let parsed;
      try {
        parsed = JSON.parse(result);
      } catch {
        parsed = undefined;
      }
      if (parsed && typeof parsed === 'object' && 'data' in parsed) break;
      if (Date.now() > deadline) {
        fail(`no JSON result with "data" in the result pane after ${TIMEOUT} ms; it shows: ` +
          `${JSON.stringify(result.slice(0, 300))}`);
      }
      await page.waitForTimeout(200);
    }

    if (foreign.size) {
      fail(`${foreign.size} request(s) to hosts other than ${pageHost}: ${[...foreign].join(', ')}`);
    }
    if (problems.length) fail(summarise(problems));
    for (const text of consoleErrors) process.stderr.write(`graphiql_check: console error: ${text}\n`);

    mkdirSync(path.dirname(path.resolve(screenshotPath)), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });

    process.stdout.write(`${JSON.stringify({ ok: true, requests: requests.length, result: result.slice(0, 200) })}\n`);
  } finally {
    await browser.close().catch(() => {});
  }
}

main().catch((err) => {
  let message = err instanceof CheckFailure ? err.message : err && err.stack ? err.stack.split('\n').slice(0, 3).join(' ') : String(err);
  message = message.replace(/\u001b\[[0-9;]*m/g, '');
  if (foreign.size && !message.includes('request(s) to hosts other than')) {
    message = `${foreign.size} request(s) to other hosts: ${[...foreign].join(', ')}; and: ${message}`;
  }
  report(message);
});
