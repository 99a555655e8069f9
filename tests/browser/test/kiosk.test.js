// The kiosk's touch screen is 1280×800: every kiosk page must fit it without scrolling, and every
// link, button and field must be at least 48 px tall so a finger can hit it. Staff pages (/admin)
// may scroll (their tables grow), but their targets are as large, since staff use the same screen.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { targets } = require('../pages');
const { startKiosk, launch, newContext, visit, sessionFor } = require('../lib/harness');

for (const target of targets.filter((t) => t.kiosk)) {
  describe(`touch screen ${target.name}`, () => {
    let browser, server, page;
    before(async () => {
      browser = await launch();
      server = await startKiosk(target.kiosk);
      const { context } = await newContext(browser, server.baseURL, { viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
    });
    after(async () => {
      await server?.close();
      await browser?.close();
    });
    for (const p of target.pages) {
      const staffPage = p.path.startsWith('/admin');
      test(`${staffPage ? 'large targets' : 'fits 1280×800 with large targets'}: ${p.path}`, async () => {
        await sessionFor(page, server, p);
        await visit(page, server.baseURL + p.path);
        const { height, small } = await page.evaluate(() => ({
          height: document.documentElement.scrollHeight,
          small: [...document.querySelectorAll('a, button, input, select, textarea')]
            .filter((e) => e.offsetParent !== null && !e.classList.contains('skip-link'))
            .filter((e) => e.getBoundingClientRect().height < 48)
            .map((e) => e.outerHTML.slice(0, 100)),
        }));
        if (!staffPage) assert.ok(height <= 800, `${p.path} is ${height}px tall and scrolls on a 1280×800 screen`);
        assert.deepEqual(small, [], `${p.path}: targets smaller than 48 px`);
      });
    }
  });
}
