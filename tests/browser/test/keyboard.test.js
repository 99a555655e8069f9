// Keyboard use: the skip link comes first and works, Tab reaches every link and button in DOM
// order, and focus is always visible.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { targets } = require('../pages');
const { start, launch, newContext, visit, expectNone } = require('../lib/harness');
const { collectFocusables, focusState } = require('../lib/inpage');

const SKIP_TEXT = 'Hoppa till innehållet';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const target of targets.filter((t) => t.keyboard && t.keyboard.length)) {
  describe(`keyboard ${target.name}`, () => {
    let server, context, page, foreign;
    before(async () => {
      server = await start(target);
      ({ context, foreign } = await newContext(browser, server.baseURL, { viewport: { width: 1280, height: 900 } }));
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
      await server?.close();
    });

    for (const path of target.keyboard) {
      test(`skip link ${path}`, async () => {
        const url = server.baseURL + path;
        await visit(page, url);
        const { items } = await page.evaluate(collectFocusables);
        await page.keyboard.press('Tab');
        const first = await page.evaluate(focusState);
        assert.equal(first.index, 0, `${url}: the first Tab should focus the skip link, it focused ${first.what}`);
        const text = await page.evaluate(() => document.activeElement.textContent.trim());
        assert.equal(text, SKIP_TEXT, `${url}: the first Tab focused ${first.what}, not the skip link`);
        assert.ok(first.onScreen, `${url}: the focused skip link is not visible on screen`);
        assert.ok(first.indicator, `${url}: the focused skip link has no focus indicator (${first.style})`);

        const mainLook = () => page.evaluate(() => {
          const cs = getComputedStyle(document.getElementById('innehall'));
          return `background: ${cs.backgroundColor}; box-shadow: ${cs.boxShadow}`;
        });
        const lookBefore = await mainLook();
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'innehall', null, { timeout: 2000 })
          .catch(() => {});
        const focused = await page.evaluate(focusState);
        assert.ok(focused.tag === 'main' && focused.id === 'innehall',
          `${url}: activating the skip link should move focus to main#innehall, focus is on ${focused.what}`);

        // The main content is the skip link's target, not a control: it must not light up.
        assert.equal(await mainLook(), lookBefore, `${url}: main#innehall changes its look when the skip link focuses it`);

        // The next Tab continues from the start of the main content.
        await page.keyboard.press('Tab');
        const next = await page.evaluate(focusState);
        const firstInMain = await page.evaluate(() =>
          window.__focusables.findIndex((el) => document.getElementById('innehall').contains(el)));
        assert.equal(next.index, firstInMain,
          `${url}: after the skip link, Tab should focus the first link in the content (${items[firstInMain]}), it focused ${next.what}`);
      });

      test(`tab order and visible focus ${path}`, async () => {
        const url = server.baseURL + path;
        await visit(page, url);
        const { items, problems } = await page.evaluate(collectFocusables);
        expectNone(problems, `${url}:`);
        assert.ok(items.length > 1, `${url}: found only ${items.length} focusable elements`);
        const reached = [];
        const noIndicator = [];
        for (let i = 0; i < items.length; i++) {
          await page.keyboard.press('Tab');
          const s = await page.evaluate(focusState);
          reached.push(s.index >= 0 ? items[s.index] : `(not a link or button: ${s.what})`);
          if (s.index >= 0 && !s.indicator) noIndicator.push(`${s.what}: ${s.style}`);
          if (s.index >= 0 && !s.onScreen) noIndicator.push(`${s.what}: focused but not on screen`);
        }
        assert.deepEqual(reached, items, `${url}: Tab does not reach every link and button in DOM order`);
        expectNone(noIndicator, `${url}: focus is not visible on:`);
      });
    }

    test('no requests to other origins', () => {
      expectNone([...new Set(foreign)], `requests to other origins than ${server.baseURL}:`);
    });
  });
}
