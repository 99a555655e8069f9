// The search page /sok/ of the real site: instant results while typing (Swedish words with and
// without å, ä, ö, inflections, word beginnings), ?q= from the header link or a bookmark, axe with
// results shown, the filter lists without JavaScript, and the same word normalisation in
// search.js as in the Rust index (tests/fixtures/search-terms.tsv).
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { REPO, targets } = require('../pages');
const { start, launch, newContext, visit, expectNone } = require('../lib/harness');

const SCRIPT = path.join(REPO, 'themes', 'omtanke', 'static', 'assets', 'search.js');
const WORDS = path.join(REPO, 'tests', 'fixtures', 'search-terms.tsv');
const AXE = require.resolve('axe-core/axe.min.js');
const { terms } = require(SCRIPT);

test('search.js turns words into the same terms as the Rust index', () => {
  const lines = fs.readFileSync(WORDS, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  assert.ok(lines.length > 20, `only ${lines.length} words in ${WORDS}`);
  const wrong = lines
    .map((l) => l.split('\t'))
    .filter(([word, expected]) => terms(word).join(' ') !== expected)
    .map(([word, expected]) => `${JSON.stringify(word)}: search.js gives "${terms(word).join(' ')}", the index "${expected}"`);
  expectNone(wrong, `search.js and src/output/search.rs disagree (${WORDS}):`);
});

const site = targets.find((t) => t.name === 'site');

// The words searched for come from the real site's activities as its build publishes them
// (pages.js), not from named content, so editors can rename or delete any activity.
const activities = site ? site.activities.filter((a) => !a.ended) : [];
const plain = (text) => text.normalize('NFD').replace(/\p{M}/gu, '');
// Interest words of five letters or more, each with an activity that has it.
const words = activities.flatMap((a) => a.interests.filter((i) => /^\p{L}{5,}$/u.test(i)).map((word) => ({ word, a })));
// One whose first four letters are a search term (not a function word such as "till"), with å,
// ä or ö if there is one, so typing its beginning also tests folding.
const typeable = words.filter((w) => terms(w.word.slice(0, 4)).length === 1);
const typed = typeable.find((w) => plain(w.word) !== w.word) || typeable[0];
// An interest with an ending that search.js strips again (the index has only the stem).
const inflected = words
  .map(({ word, a }) => ({ word: ['en', 'er', 'ar'].map((e) => word + e).find((w) => terms(w)[0] === terms(word)[0]), a }))
  .find((w) => w.word);
// An activity whose title has accents, typed without them.
const accented = activities.find((a) => plain(a.title) !== a.title);
// The interest most activities share, and the filter lists the no-JavaScript notice offers.
const count = (i) => site.activities.filter((a) => a.interests.includes(i)).length;
const common = site && site.activities.flatMap((a) => a.interests).sort((x, y) => count(y) - count(x))[0];
const filters = site ? site.pages.filter((p) => p.type.startsWith('filter-')).map((p) => p.path) : [];

describe('search on the real site', { skip: !site && 'only for the built site (OMTANKE_TEST_URL is set)' }, () => {
  let browser, server, context, page, foreign;
  before(async () => {
    browser = await launch();
    server = await start(site);
    ({ context, foreign } = await newContext(browser, server.baseURL, { viewport: { width: 1280, height: 900 } }));
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await server?.close();
    await browser?.close();
  });

  // Types `query` into the search field as a person would and returns the results once the
  // status names that query.
  async function typeAndWait(query) {
    await visit(page, `${server.baseURL}/sok/`);
    await page.locator('#sok-ord').pressSequentially(query, { delay: 40 });
    return results(query);
  }

  async function results(query) {
    await page.waitForFunction((q) => document.getElementById('sok-status').textContent.includes(`”${q}”`), query,
      { timeout: 5000 });
    return page.$$eval('#sok-traffar li', (items) => items.map((li) => ({
      href: li.querySelector('a').getAttribute('href'),
      title: li.querySelector('a').textContent,
      kind: li.querySelector('.search-kind').textContent,
    })));
  }

  const list = (found) => found.map((r) => `${r.title} (${r.kind}, ${r.href})`).join('; ');

  test(`"${typed?.word.slice(0, 4)}" finds an activity about ${typed?.word} while the word is being typed`,
    { skip: !typed && 'no activity has an interest of five letters or more' }, async () => {
      const query = typed.word.slice(0, 4);
      const found = await typeAndWait(query);
      assert.ok(found.some((r) => r.kind === 'Aktivitet' && r.href === typed.a.path),
        `no ${typed.a.path} among: ${list(found)}`);
      assert.match(await page.textContent('#sok-status'), new RegExp(`^\\d+ träff(ar)? för ”${query}”`));
      assert.equal(await page.getAttribute('#sok-status', 'role'), 'status', 'the count is announced');
      assert.equal(new URL(page.url()).searchParams.get('q'), query, 'the address keeps the search');
    });

  test(`"${inflected?.word}" finds ${inflected?.a.path} (an inflection)`,
    { skip: !inflected && 'no interest word takes an ending' }, async () => {
      const found = await typeAndWait(inflected.word);
      assert.ok(found.some((r) => r.href === inflected.a.path), `no ${inflected.a.path} among: ${list(found)}`);
    });

  test(`"${accented && plain(accented.title)}" without accents finds ${accented?.title} first`,
    { skip: !accented && 'no activity has accents in its title' }, async () => {
      const found = await typeAndWait(plain(accented.title));
      assert.equal(found[0]?.title, accented.title, `first results: ${list(found.slice(0, 3))}`);
    });

  test('a word with no match says so', async () => {
    const found = await typeAndWait('xyzzyq');
    assert.equal(found.length, 0);
    assert.match(await page.textContent('#sok-status'), /^Inga träffar för ”xyzzyq”/);
  });

  test('?q= from the header form or a bookmark searches on load, and the results pass axe',
    { skip: !common && 'no activity has an interest' }, async () => {
      await visit(page, `${server.baseURL}/sok/?q=${encodeURIComponent(common)}`);
      const found = await results(common);
      const missing = site.activities.filter((a) => a.interests.includes(common) && !found.some((r) => r.href === a.path));
      expectNone(missing.map((a) => a.path), `?q=${common} does not find every activity about ${common}:`);
      assert.equal(await page.inputValue('#sok-ord'), common);
      assert.equal(await page.isVisible('#sok-utan-js'), false, 'the "needs JavaScript" notice is hidden');
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'],
      }));
      expectNone(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        `/sok/?q=${common} with results: accessibility violations:`);
    });

  test('the header links to the search page', async () => {
    await visit(page, `${server.baseURL}/`);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sök' }).click();
    await page.waitForURL(`${server.baseURL}/sok/`);
    assert.equal(await page.locator('h1').textContent(), 'Sök');
  });

  test('without JavaScript the page explains and offers the filter lists', async () => {
    const { context: noJs, foreign: f } = await newContext(browser, server.baseURL, { javaScriptEnabled: false });
    try {
      const p = await noJs.newPage();
      await visit(p, `${server.baseURL}/sok/?q=${encodeURIComponent(common)}`);
      assert.ok(await p.isVisible('#sok-utan-js'), 'the notice that search needs JavaScript is shown');
      assert.match(await p.textContent('#sok-utan-js'), /JavaScript/);
      for (const href of filters) {
        assert.ok(await p.isVisible(`.search-browse a[href="${href}"]`), `no visible link to ${href}`);
      }
      foreign.push(...f);
    } finally {
      await noJs.close();
    }
  });

  test('no requests to other origins', () => {
    expectNone([...new Set(foreign)], `requests to other origins than ${server.baseURL}:`);
  });
});
