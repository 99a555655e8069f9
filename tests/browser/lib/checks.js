// Checks several browser tests make of the pages a person goes through: axe-core's WCAG A/AA
// violations, and Tab from the top of the page to an element with visible focus all the way.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const { collectFocusables, focusState } = require('./inpage');
const { expectNone } = require('./harness');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG A/AA violations on the page, one line each. The script is evaluated through
 * the DevTools protocol, which the daemons' Content-Security-Policy does not apply to, so the
 * policy stays in force for everything else.
 */
async function axeProblems(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  return result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}\n    ${v.helpUrl}`);
}

/**
 * Presses Tab from the top of the page until `target` has focus, as a keyboard user would, and
 * checks on the way that Tab follows the DOM order and that focus is always visible. Returns the
 * number of presses.
 */
async function tabTo(page, target, what) {
  await page.evaluate(() => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.remove();
    window.scrollTo(0, 0);
  });
  const { items, problems } = await page.evaluate(collectFocusables);
  expectNone(problems, `${page.url()}:`);
  const goal = await target.evaluate((el) => window.__focusables.indexOf(el));
  assert.ok(goal >= 0, `${what} is not among the elements Tab can reach on ${page.url()}`);
  for (let i = 0; i <= goal; i++) {
    await page.keyboard.press('Tab');
    const s = await page.evaluate(focusState);
    assert.equal(s.index, i, `Tab ${i + 1} on ${page.url()} should focus ${items[i]}, it focused ${s.what}`);
    assert.ok(s.indicator, `${s.what} has no visible focus (${s.style})`);
    assert.ok(s.onScreen, `${s.what} has focus but is not on screen`);
  }
  return goal + 1;
}

module.exports = { axeProblems, tabTo };
