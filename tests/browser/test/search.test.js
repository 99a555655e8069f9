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

test('search.js turns words into the same terms as the Rust index', () => {
  const { terms } = require(SCRIPT);
  const lines = fs.readFileSync(WORDS, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  assert.ok(lines.length > 20, `only ${lines.length} words in ${WORDS}`);
  const wrong = lines
    .map((l) => l.split('\t'))
    .filter(([word, expected]) => terms(word).join(' ') !== expected)
    .map(([word, expected]) => `${JSON.stringify(word)}: search.js gives "${terms(word).join(' ')}", the index "${expected}"`);
  expectNone(wrong, `search.js and src/output/search.rs disagree (${WORDS}):`);
});

const site = targets.find((t) => t.name === 'site');

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

  test('"läsn" finds the activity about reading while the word is being typed', async () => {
    const found = await typeAndWait('läsn');
    assert.ok(found.some((r) => r.kind === 'Aktivitet' && r.href === '/aktiviteter/sprakcafe-stadsbiblioteket/'),
      `no activity about läsning among: ${list(found)}`);
    assert.match(await page.textContent('#sok-status'), /^\d+ träff(ar)? för ”läsn”/);
    assert.equal(await page.getAttribute('#sok-status', 'role'), 'status', 'the count is announced');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'läsn', 'the address keeps the search');
  });

  test('"promenader" finds the walking group (an inflection)', async () => {
    const found = await typeAndWait('promenader');
    assert.ok(found.some((r) => r.href === '/aktiviteter/promenad-raa/'), `no promenad activity among: ${list(found)}`);
  });

  test('"pratcafe" without é finds Pratcafé Söder first', async () => {
    const found = await typeAndWait('pratcafe');
    assert.equal(found[0]?.title, 'Pratcafé Söder', `first results: ${list(found.slice(0, 3))}`);
  });

  test('a word with no match says so', async () => {
    const found = await typeAndWait('xyzzyq');
    assert.equal(found.length, 0);
    assert.match(await page.textContent('#sok-status'), /^Inga träffar för ”xyzzyq”/);
  });

  test('?q= from the header form or a bookmark searches on load, and the results pass axe', async () => {
    await visit(page, `${server.baseURL}/sok/?q=fika`);
    const found = await results('fika');
    assert.ok(found.length > 2, `only ${found.length} results for fika`);
    assert.equal(await page.inputValue('#sok-ord'), 'fika');
    assert.equal(await page.isVisible('#sok-utan-js'), false, 'the "needs JavaScript" notice is hidden');
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'],
    }));
    expectNone(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      '/sok/?q=fika with results: accessibility violations:');
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
      await visit(p, `${server.baseURL}/sok/?q=fika`);
      assert.ok(await p.isVisible('#sok-utan-js'), 'the notice that search needs JavaScript is shown');
      assert.match(await p.textContent('#sok-utan-js'), /JavaScript/);
      for (const href of ['/aktiviteter/intresse/lasning/', '/aktiviteter/omrade/soder/', '/aktiviteter/dag/torsdag/']) {
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
