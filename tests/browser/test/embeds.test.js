// Listings partners embed: a partner's page on another origin (a second local port) holds the
// site's three kinds of embeddable list in <iframe>s, as /inbadda/ tells web editors to. Each
// frame renders its activities, has a title, passes axe inside the frame, and its links open
// the full page in a new tab; nothing is requested from anywhere but the site and the partner.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO } = require('../pages');
const { buildSite, serve, launch, newContext, expectNone } = require('../lib/harness');

const AXE = require.resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS = process.env.OMTANKE_SCREENSHOTS || path.join(os.tmpdir(), 'omtanke-screenshots');
const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'good');

const EMBEDS = [
  { path: '/inbadda/arrangor/huset/', title: 'Föreningen Huset: aktiviteter från Testsajt', shows: 'Kvällscafé' },
  { path: '/inbadda/intresse/samtal/', title: 'samtal: aktiviteter från Testsajt', shows: 'Fredagsmöte' },
  { path: '/inbadda/omrade/paarp/', title: 'Påarp: aktiviteter från Testsajt', shows: 'Fredagsmöte' },
];

describe('the site\'s lists embedded on a partner\'s page', () => {
  let tmp, web, partner, browser, context, foreign, page;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omtanke-embeds-'));
    const out = path.join(tmp, 'public');
    fs.mkdirSync(out);
    web = await serve(out);
    buildSite(FIXTURE, null, out, web.baseURL);
    // The partner's page: the snippets as /inbadda/ gives them, pasted into a page of its own.
    const snippets = fs.readFileSync(path.join(out, 'inbadda', 'index.html'), 'utf8');
    const frames = EMBEDS.map((e) => {
      const code = snippets.match(new RegExp(`&lt;iframe src="${web.baseURL}${e.path}"[^\\n]*?&gt;&lt;/iframe&gt;`));
      assert.ok(code, `/inbadda/ has no snippet for ${e.path}`);
      return code[0].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    });
    const site = path.join(tmp, 'partner');
    fs.mkdirSync(site);
    fs.writeFileSync(path.join(site, 'index.html'), `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">
<title>Föreningens sida</title></head><body><main><h1>Vad händer?</h1>${frames.join('\n')}</main></body></html>`);
    partner = await serve(site);
    browser = await launch();
    ({ context, foreign } = await newContext(browser, partner.baseURL, {}, [web.baseURL]));
    page = await context.newPage();
    // Tall enough that every lazy frame is in view, and so loads.
    await page.setViewportSize({ width: 1000, height: 2400 });
    await page.goto(`${partner.baseURL}/`);
    const deadline = Date.now() + 10000;
    while (page.frames().filter((f) => f.url().startsWith(web.baseURL)).length < EMBEDS.length && Date.now() < deadline) {
      await page.waitForTimeout(100);
    }
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await web?.close();
    await partner?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const e of EMBEDS) {
    test(`${e.path} renders in the partner's frame with its title, and passes axe inside it`, async () => {
      const frame = page.frame({ url: `${web.baseURL}${e.path}` });
      assert.ok(frame, `no frame shows ${e.path}`);
      await frame.waitForLoadState();
      assert.equal(await frame.title(), e.title);
      await frame.getByRole('heading', { name: new RegExp(e.shows), level: 2 }).waitFor();
      await frame.addScriptTag({ path: AXE });
      const result = await frame.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        AXE_TAGS,
      );
      expectNone(result.violations.map((v) => `${v.id}: ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `${e.path} inside the frame:`);
    });
  }

  test('a link in a frame opens the full page in a new tab, not inside the partner\'s page', async () => {
    const frame = page.frame({ url: `${web.baseURL}/inbadda/omrade/paarp/` });
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      frame.getByRole('link', { name: /Fredagsmöte/ }).click(),
    ]);
    await tab.waitForLoadState();
    assert.equal(tab.url(), `${web.baseURL}/aktiviteter/fredagsmote/`);
    assert.equal(page.url(), `${partner.baseURL}/`, 'the partner\'s page was left');
    await tab.close();
    await page.screenshot({ path: path.join(SHOTS, 'embeds-partner.png'), fullPage: true });
  });

  test('in dark mode the lists turn dark too', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      const frame = page.frame({ url: `${web.baseURL}/inbadda/intresse/samtal/` });
      const bg = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.notEqual(bg, 'rgb(255, 255, 255)', 'the frame stays white in dark mode');
      await frame.addScriptTag({ path: AXE });
      const result = await frame.evaluate(() => window.axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } }));
      expectNone(result.violations.map((v) => v.nodes.map((n) => n.target.join(' ')).join(', ')), 'contrast in dark mode:');
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  test('nothing is requested from anywhere but the site and the partner', () => {
    assert.deepEqual(foreign, []);
  });
});
