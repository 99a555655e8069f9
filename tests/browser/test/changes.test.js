// Changes to a schedule as a person sees them (issue #16), on the fictional example site
// (examples/), built on 7 December 2026 and served under its sub-path /omtanke/ like on its host:
// a cancelled meeting (Pratcafé Exempelhuset, Monday 14 December) is struck through on its
// activity page and in the calendar, with the reason in plain text beside it; a moved meeting
// (Språkcafé, Saturday 19 → Sunday 20 December) is struck through on the old day and shown on the
// new one, each saying where it went or came from; a paused activity whose facts have not been
// checked for long (Promenadgruppen) says both at the top of its page and has no meetings in the
// pause; the footer says when the site was built. axe-core finds nothing on these pages. "Struck
// through" is what is drawn: every piece of the date and time has a line through it.
// Screenshots of the calendar week, of the paused page and of the cancelled meeting's list are
// left in OMTANKE_SCREENSHOTS (/tmp/omtanke-screenshots) to look at.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO } = require('../pages');
const { buildSite, serve, launch, newContext, visit, expectNone } = require('../lib/harness');

const EXAMPLES = path.join(REPO, 'examples');
// The day the example site's changes are written for (examples/README.md, tests/examples.rs).
const BUILT = '2026-12-07';
// site.toml's base_url is https://example.org/omtanke: served the same way here.
const PREFIX = '/omtanke';

const AXE = require.resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS = process.env.OMTANKE_SCREENSHOTS || path.join(os.tmpdir(), 'omtanke-screenshots');

const CANCELLED = '/aktiviteter/pratcafe-exempelhuset/';
const MOVED = '/aktiviteter/sprakcafe/';
const PAUSED = '/aktiviteter/promenadgruppen/';
const CALENDAR = '/kalender/';

// axe's "Fix any of the following:\n  reason\n  reason…" as one short line (as in pages.test.js).
function summary(text) {
  const reasons = text.split('\n').filter((l) => /^\s/.test(l)).map((l) => l.trim());
  return reasons.slice(0, 2).join('; ') + (reasons.length > 2 ? '; …' : '');
}

/** Runs axe-core on the page with the suite's WCAG tags; fails with one line per element. */
async function expectNoAxeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  const lines = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target.join(' ')} ${n.html}${n.failureSummary ? ' — ' + summary(n.failureSummary) : ''}`).join('\n') +
    `\n    ${v.helpUrl}`);
  expectNone(lines, `${page.url()}: ${lines.length} accessibility violation(s) (axe-core, ${AXE_TAGS.join(', ')}):`);
}

/**
 * The text inside the element, in pieces as drawn, each with whether a line is drawn through it.
 * A line-through (text-decoration-line) is drawn through the text of the element that sets it and
 * of its in-flow inline descendants, but not into an inline-block (or another atomic inline), a
 * float or an absolutely positioned box (CSS Text Decoration, §2.1): the computed style of the
 * element alone does not tell whether a person sees the line, so each piece of text is followed up
 * to the element that sets the line.
 */
function drawnLines(locator) {
  return locator.evaluate((el) => {
    const stops = (e) => {
      const cs = getComputedStyle(e);
      return /^inline-(block|flex|grid|table)$/.test(cs.display) || cs.float !== 'none' ||
        cs.position === 'absolute' || cs.position === 'fixed';
    };
    const struck = (node) => {
      for (let e = node.parentElement; e; e = e.parentElement) {
        if (getComputedStyle(e).textDecorationLine.includes('line-through')) return true;
        if (stops(e)) return false;
      }
      return false;
    };
    const pieces = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.replace(/\s+/g, ' ').trim();
      if (text) pieces.push({ text, struck: struck(n), in: window.__describe(n.parentElement) });
    }
    return pieces;
  });
}

async function expectVisible(locator, what) {
  assert.equal(await locator.count(), 1, `${what}: expected exactly one, found ${await locator.count()}`);
  assert.ok(await locator.isVisible(), `${what} is not visible`);
}

/** The whole text of `locator` is drawn with a line through it (and the element is an <s>). */
async function expectStruck(locator, what) {
  await expectVisible(locator, what);
  const own = await locator.evaluate((el) => getComputedStyle(el).textDecorationLine);
  assert.match(own, /line-through/, `${what} is not struck through (text-decoration-line: ${own})`);
  const plain = (await drawnLines(locator)).filter((p) => !p.struck);
  expectNone(plain.map((p) => `  "${p.text}" in ${p.in}`),
    `${what}: part of it is drawn without the line through it (a line-through is not drawn into an inline-block):`);
}

/** No part of the text of `locator` is drawn with a line through it. */
async function expectNotStruck(locator, what) {
  await expectVisible(locator, what);
  const struck = (await drawnLines(locator)).filter((p) => p.struck);
  expectNone(struck.map((p) => `  "${p.text}" in ${p.in}`), `${what} is drawn struck through:`);
}

let browser;
before(async () => {
  browser = await launch();
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

describe(`the example site's pause, cancelled and moved meetings (built ${BUILT}, served under ${PREFIX}/)`, () => {
  let tmp, server, context, foreign, page;
  const failed = [];

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omtanke-changes-'));
    const out = path.join(tmp, 'public');
    // The address must be known before the build: serve the (empty) folder first, build into it.
    server = await serve(out, PREFIX);
    buildSite(EXAMPLES, null, out, server.baseURL, BUILT);
    // A reader in Sweden on the day the site was built, so fresh.js leaves the page as built.
    ({ context, foreign } = await newContext(browser, server.baseURL, {
      viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm',
    }));
    context.setDefaultTimeout(10000);
    page = await context.newPage();
    await page.clock.setFixedTime(new Date(`${BUILT}T12:00:00+01:00`));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()} (on ${page.url()})`);
    });
  });
  after(async () => {
    await context?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('the cancelled meeting on its activity page is struck through, date and time, and says why', async () => {
    await visit(page, server.baseURL + CANCELLED);
    const region = page.getByRole('region', { name: 'Kommande tillfällen' });
    await region.screenshot({ path: path.join(SHOTS, 'examples-cancelled-meetings-1280.png') });
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Pratcafé Exempelhuset' }), 'the heading');
    const meetings = region.getByRole('listitem');
    const cancelled = meetings.filter({ hasText: 'måndag 14 december' });
    await expectVisible(cancelled, 'the meeting on Monday 14 December');
    await expectNotStruck(cancelled.getByText('Inställt: Värdarna är på utbildning.', { exact: true }), 'the reason it is cancelled');
    // The meetings either side of it take place: nothing struck through, no "Inställt".
    for (const day of ['torsdag 10 december', 'torsdag 17 december']) {
      const held = meetings.filter({ hasText: day });
      await expectNotStruck(held, `the meeting on ${day}`);
      assert.equal(await held.locator('s').count(), 0, `the meeting on ${day} has an <s>`);
      assert.doesNotMatch(await held.innerText(), /Inställt/, `the meeting on ${day}`);
    }
    const struck = cancelled.locator('s');
    assert.equal((await struck.innerText()).replace(/\s+/g, ' ').trim(), 'måndag 14 december, kl. 12.00–16.00');
    await expectStruck(struck, 'the date and time of the cancelled meeting');
  });

  test('axe finds nothing on the activity page with the cancelled meeting', async () => {
    await visit(page, server.baseURL + CANCELLED);
    await expectNoAxeViolations(page);
  });

  test('the moved meeting on its activity page is struck through on the old day and shown on the new one, and axe finds nothing', async () => {
    await visit(page, server.baseURL + MOVED);
    const meetings = page.getByRole('region', { name: 'Kommande tillfällen' }).getByRole('listitem');
    const from = meetings.filter({ hasText: 'lördag 19 december' });
    await expectNotStruck(from.getByText('Flyttad till söndag 20 december', { exact: true }), 'where the meeting went');
    const to = meetings.filter({ hasText: 'söndag 20 december' }).filter({ hasNotText: 'Flyttad till' });
    await expectNotStruck(to, 'the meeting on its new day');
    assert.match(await to.innerText(), /^söndag 20 december, kl\. 14\.00–16\.00 Flyttad från lördag 19 december: Lokalen är upptagen på lördagen\.$/);
    await expectNoAxeViolations(page);
    await expectStruck(from.locator('s'), 'the date and time the meeting was moved from');
  });

  test('the footer says the day the site was built, and the page is not called old on that day', async () => {
    await visit(page, server.baseURL + CANCELLED);
    const built = page.getByRole('contentinfo').getByText('Uppdaterad 7 december 2026', { exact: true });
    await expectVisible(built, 'the footer\'s "Uppdaterad 7 december 2026"');
    assert.equal(await built.locator('time').getAttribute('datetime'), BUILT);
    assert.equal(await page.locator('.notice-stale').count(), 0, 'a notice calls the page old on the day it was built');
  });

  test('the paused activity whose facts are old says both at the top, has no meetings in the pause, and axe finds nothing', async () => {
    await visit(page, server.baseURL + PAUSED);
    await page.screenshot({ path: path.join(SHOTS, 'examples-paused-1280.png'), fullPage: true });
    const h1 = page.getByRole('heading', { level: 1, name: 'Promenadgruppen' });
    await expectVisible(h1, 'the heading');
    const paused = page.getByText('Uppehåll till och med 10 januari 2027.', { exact: true });
    await expectVisible(paused, 'the pause');
    await expectVisible(page.getByText('Vi tar uppehåll under den kallaste delen av vintern.', { exact: true }), 'the pause\'s note');
    const unconfirmed = page.getByText('Uppgifterna har inte kontrollerats på länge.', { exact: true });
    await expectVisible(unconfirmed, 'the notice about facts not checked for long');
    await expectVisible(page.getByText('Kontakta arrangören innan du åker.'), 'the advice to contact the organiser');
    // Read before anything else: both notices are between the heading and the meetings.
    const heading = await page.getByRole('heading', { name: 'Kommande tillfällen' }).boundingBox();
    const top = (await h1.boundingBox()).y;
    for (const [what, notice] of [['the pause', paused], ['the old facts', unconfirmed]]) {
      const y = (await notice.boundingBox()).y;
      assert.ok(y > top && y < heading.y, `the notice about ${what} is not between the heading and the meetings`);
    }
    // The first meeting shown is the first Tuesday or Saturday after the pause.
    const first = page.getByRole('region', { name: 'Kommande tillfällen' }).getByRole('listitem').first();
    assert.match(await first.innerText(), /^tisdag 12 januari, kl\. 10\.00–11\.30$/);
    await expectNoAxeViolations(page);
  });

  test('the calendar strikes through the cancelled and the moved meeting, shows the moved one on its new day, and axe finds nothing', async () => {
    await visit(page, server.baseURL + CALENDAR);
    const week = page.getByRole('region', { name: 'Vecka 51 14 december – 20 december' });
    await expectVisible(week, 'week 51');
    await week.screenshot({ path: path.join(SHOTS, 'examples-calendar-week-51-1280.png') });
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await week.screenshot({ path: path.join(SHOTS, 'examples-calendar-week-51-375.png') });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    const day = (name) => week.locator('.day').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });

    const cancelled = day('måndag 14 december').getByRole('listitem').filter({ hasText: 'Pratcafé Exempelhuset' });
    await expectStruck(cancelled.locator('s').filter({ hasText: '12.00–16.00' }), 'the cancelled talk café\'s time');
    await expectNotStruck(cancelled.getByRole('link', { name: 'Pratcafé Exempelhuset' }), 'the cancelled talk café\'s name');
    await expectNotStruck(cancelled.getByText('Inställt: Värdarna är på utbildning.', { exact: true }), 'the reason the talk café is cancelled');

    const movedFrom = day('lördag 19 december').getByRole('listitem').filter({ hasText: 'Språkcafé' });
    await expectStruck(movedFrom.locator('s').filter({ hasText: '13.00–15.00' }), 'the language café\'s Saturday time');
    await expectNotStruck(movedFrom.getByText('Flyttad till söndag 20 december', { exact: true }), 'where the language café went');

    const movedTo = day('söndag 20 december').getByRole('listitem').filter({ hasText: 'Språkcafé' });
    await expectNotStruck(movedTo.locator('time').filter({ hasText: '14.00–16.00' }), 'the language café\'s Sunday time');
    assert.equal(await movedTo.locator('s').count(), 0, 'the language café on Sunday has an <s>');
    await expectNotStruck(movedTo.getByText('Flyttad från lördag 19 december: Lokalen är upptagen på lördagen.', { exact: true }),
      'where the language café came from, and why');

    // Held meetings in the same week are not struck through.
    const held = day('torsdag 17 december').getByRole('listitem').filter({ hasText: 'Pratcafé Exempelhuset' });
    await expectNotStruck(held.locator('time'), 'the talk café on Thursday 17 December');

    // The walking group is paused to 10 January 2027: not on any day before, on days after.
    const walks = await page.locator('.day').filter({ hasText: 'Promenadgruppen' }).evaluateAll((days) => days.map((d) => d.dataset.date));
    assert.ok(walks.length > 0, 'the walking group is not in the calendar at all');
    expectNone(walks.filter((d) => d <= '2027-01-10'), 'the paused walking group is in the calendar during its pause:');

    await expectNoAxeViolations(page);
  });

  test('no requests to other origins, nothing that does not load', () => {
    expectNone([...new Set(foreign)], `requests to other origins than ${server.baseURL}:`);
    expectNone([...new Set(failed)], 'addresses that failed:');
  });
});
