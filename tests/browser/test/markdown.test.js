// The good fixture's page with every Markdown construct (/stod/alla-delar/), as a keyboard and
// a screen reader user meet it: a footnote can be followed with Tab and Enter, to the note and
// back to the text, and the task list's checkboxes are named by their text.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { targets } = require('../pages');
const { start, launch, newContext, visit, expectNone } = require('../lib/harness');

const PAGE = '/stod/alla-delar/';
// A phone turned sideways: low enough that the reference and its note, a screen apart on the
// page, are never both in view, so following the links must scroll.
const VIEWPORT = { width: 667, height: 375 };

// Only the good fixture has the page (not a site given by OMTANKE_TEST_URL).
const target = targets.find((t) => t.name === 'fixture-good');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

if (target) {
  describe(`every Markdown construct ${target.name} ${PAGE}`, () => {
    let server, context, page, foreign;
    before(async () => {
      server = await start(target);
      ({ context, foreign } = await newContext(browser, server.baseURL, { viewport: VIEWPORT }));
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
      await server?.close();
    });

    // Whether the element `selector` is wholly inside the viewport (to a pixel: an element
    // scrolled to the top may sit a fraction of one above it).
    const inView = (selector) => page.locator(selector).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top > -1 && r.bottom < window.innerHeight + 1;
    });
    const focused = () => page.evaluate(() => window.__describe(document.activeElement));

    test('a footnote is followed by keyboard: Enter on the reference reaches the note, its back-link returns', async () => {
      const url = server.baseURL + PAGE;
      await visit(page, url);
      // Tab to the first footnote reference, as a keyboard user would.
      const links = await page.evaluate(() => document.querySelectorAll('a[href], summary, input:not([disabled])').length);
      let tabs = 0;
      while (tabs < links && await page.evaluate(() => document.activeElement.id) !== 'fnref-1') {
        await page.keyboard.press('Tab');
        tabs++;
      }
      assert.equal(await page.evaluate(() => document.activeElement.id), 'fnref-1',
        `${url}: ${tabs} Tabs did not reach the first footnote reference a#fnref-1; focus is on ${await focused()}`);
      assert.ok(!(await inView('#fn-1')), `${url}: the note li#fn-1 is in view already at ${VIEWPORT.width}×${VIEWPORT.height}, so the test proves no scrolling`);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#fn-1', null, { timeout: 2000 }).catch(() => {});
      assert.equal(await page.evaluate(() => location.hash), '#fn-1', `${url}: Enter on the reference did not go to #fn-1`);
      assert.ok(await inView('#fn-1'), `${url}#fn-1: the note is not in view after following its reference`);
      // Focus continues from the note: the next Tab is its back-link, named for a screen reader.
      await page.keyboard.press('Tab');
      const back = page.getByRole('link', { name: 'Tillbaka till texten, fotnot 1' });
      assert.ok(await back.evaluate((el) => el === document.activeElement && el.closest('li').id === 'fn-1'),
        `${url}#fn-1: Tab after following the reference should reach the note's back-link, focus is on ${await focused()}`);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#fnref-1', null, { timeout: 2000 }).catch(() => {});
      assert.equal(await page.evaluate(() => location.hash), '#fnref-1', `${url}: the note's back-link did not go to #fnref-1`);
      assert.ok(await inView('#fnref-1'), `${url}#fnref-1: the reference is not in view after the back-link`);
      // And reading goes on from the reference: the next Tab is the second reference.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'fnref-2',
        `${url}#fnref-1: Tab after the back-link should reach the next reference a#fnref-2, focus is on ${await focused()}`);
    });

    test('the task list\'s checkboxes are named by their text', async () => {
      const url = server.baseURL + PAGE;
      await visit(page, url);
      const expected = [['Gratis', true], ['Anmälan', false]];
      const problems = [];
      const all = await page.getByRole('checkbox').count();
      if (all !== expected.length) problems.push(`${all} checkboxes, expected ${expected.length}`);
      for (const [name, checked] of expected) {
        const box = page.getByRole('checkbox', { name, exact: true });
        if (await box.count() !== 1) problems.push(`no one checkbox named "${name}" (found ${await box.count()})`);
        else if (await box.isChecked() !== checked) problems.push(`the checkbox "${name}" is ${checked ? 'not ' : ''}checked`);
      }
      expectNone(problems, `${url}: the task list:`);
    });

    test('no requests to other origins', () => {
      expectNone([...new Set(foreign)], `requests to other origins than ${server.baseURL}:`);
    });
  });
}
