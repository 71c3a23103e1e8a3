// Layout checks shared by the browser tests (issue 16, "tables fit at 1280×720; labels never stack one
// character per line; the layout works on a hall tablet"): measured in the page with
// getBoundingClientRect and text ranges, nothing judged by eye.
//
//   overflow — an element whose visible part (its box cut by every ancestor that clips: overflow
//              other than visible) reaches past the viewport's right or left edge: nothing lets the
//              clerk scroll to it. The page itself (or its main area, el-main) scrolling sideways counts
//              too: a wide table scrolls in its own box.
//   clipped  — a table cell whose content is wider than the cell (Element Plus cells hide what does
//              not fit), unless the column shows the rest in a tooltip (show-overflow-tooltip).
//   tall     — a label (form item, descriptions, table header, button, tag, radio, tab, menu item)
//              whose text runs over more than two lines.
//   wrapped  — a form label of ten characters or fewer that breaks over two lines.
//   stacked  — any table cell whose text runs one or two characters a line over three lines or more.

/** Waits until no GraphQL request is in flight for a moment and no loading mask or dialog animation runs. */
export function quietTracker(page) {
  let inFlight = 0;
  let last = Date.now();
  const isApi = (req) => new URL(req.url()).pathname.startsWith('/graphql');
  page.on('request', (req) => { if (isApi(req)) { inFlight += 1; last = Date.now(); } });
  const done = (req) => { if (isApi(req)) { inFlight = Math.max(0, inFlight - 1); last = Date.now(); } };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async function quiet(ms = 250, timeout = 30000) {
    const until = Date.now() + timeout;
    for (;;) {
      if (inFlight === 0 && Date.now() - last >= ms) break;
      if (Date.now() > until) throw new Error(`${inFlight} GraphQL requests still in flight after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await page.waitForFunction(
      () => ![...document.querySelectorAll('.el-loading-mask, .el-skeleton')].some((e) => getComputedStyle(e).display !== 'none'),
      null, { timeout },
    );
  };
}

/** The problems on the page as it is now: [{kind, what, detail}]. */
export async function layoutProblems(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out = [];
    const describe = (el) => {
      const cls = [...el.classList].filter((c) => !c.startsWith('is-')).slice(0, 3).join('.');
      const test = el.getAttribute('data-test');
      const text = (el.innerText || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${test ? `[data-test=${test}]` : ''} "${text}"`;
    };
    const shown = (el) => {
      const s = getComputedStyle(el);
      return s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0 && el.getClientRects().length > 0;
    };
    const lines = (el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = [];
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
      }
      return tops.length;
    };

    if (document.documentElement.scrollWidth > vw + 1) {
      out.push({ kind: 'overflow', what: 'the page', detail: `scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${vw}` });
    }
    // visible part of each element: its box cut by every clipping ancestor
    for (const el of document.body.querySelectorAll('*')) {
      if (['SCRIPT', 'STYLE', 'svg', 'path'].includes(el.tagName)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1 || (r.right <= vw + 1 && r.left >= -1)) continue;
      if (!shown(el)) continue;
      let left = r.left;
      let right = r.right;
      let fixed = getComputedStyle(el).position === 'fixed';
      for (let a = el.parentElement; a && a !== document.documentElement && !fixed; a = a.parentElement) {
        const s = getComputedStyle(a);
        // the page's own scroller (el-main) scrolling sideways is the page overflowing, not a table's scrollbar
        if (s.overflowX !== 'visible' && !a.classList.contains('el-main')) {
          const ar = a.getBoundingClientRect();
          left = Math.max(left, ar.left);
          right = Math.min(right, ar.right);
        }
        if (s.position === 'fixed') fixed = true;
      }
      if (right - left < 1) continue; // clipped away entirely (a collapsed menu, a hidden column)
      if (right > vw + 1 || left < -1) {
        // report the outermost offender only
        const parent = el.parentElement;
        const pr = parent?.getBoundingClientRect();
        if (parent && parent !== document.body && pr && (pr.right > vw + 1 || pr.left < -1) && shown(parent)) continue;
        out.push({ kind: 'overflow', what: describe(el), detail: `visible from ${Math.round(left)} to ${Math.round(right)} px in a ${vw} px viewport` });
      }
    }
    for (const cell of document.querySelectorAll('.el-table td .cell, .el-table th .cell')) {
      if (!shown(cell)) continue;
      if (cell.closest('.el-table__cell.is-hidden')) continue;
      if (cell.scrollWidth > cell.clientWidth + 1 && !cell.classList.contains('el-tooltip')) {
        out.push({ kind: 'clipped', what: describe(cell), detail: `content ${cell.scrollWidth} px in a ${cell.clientWidth} px cell` });
      }
      const text = (cell.innerText || '').replace(/\s+/g, '');
      const n = lines(cell);
      if (n >= 3 && text.length / n <= 2) {
        out.push({ kind: 'stacked', what: describe(cell), detail: `${text.length} characters on ${n} lines` });
      }
    }
    const labels = '.el-form-item__label, .el-descriptions__label, .el-table th .cell, .el-button > span, .el-tag__content, '
      + '.el-radio__label, .el-checkbox__label, .el-radio-button__inner, .el-tabs__item, .el-menu-item, .el-statistic__head, .el-dialog__title';
    for (const label of document.querySelectorAll(labels)) {
      if (!shown(label) || !(label.textContent || '').trim()) continue;
      if (label.closest('.el-table__cell.is-hidden')) continue;
      const n = lines(label);
      if (n > 2) out.push({ kind: 'tall', what: describe(label), detail: `${n} lines` });
      // a short form label is one line: "统一社会信用代" over "码" is a label too narrow for its text
      else if (n === 2 && label.matches('.el-form-item__label') && label.textContent.trim().length <= 10) {
        out.push({ kind: 'wrapped', what: describe(label), detail: `${label.textContent.trim().length} characters on 2 lines` });
      }
    }
    return out;
  });
}
