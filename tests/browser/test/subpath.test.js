// A site published under a sub-path, as a project page on a static host: the real site and the
// Swedish-names fixture, each built with --base-url http://127.0.0.1:PORT/undermapp and served
// from /undermapp/ only (anything else is a 404 that is not the site's, so a link that forgets
// the sub-path fails). Chromium crawls every page from /undermapp/, following every same-origin
// link, and every page the build wrote besides: no link, stylesheet, script, picture, feed,
// calendar or sitemap address under the site leads to a 404, and nothing is asked for outside
// /undermapp/; the theme's stylesheet applies on every page; search, typed into as a person
// would, finds pages that open; the fixture's picture with å and spaces in its name shows.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO, SITE } = require('../pages');
const { buildSite, serve, launch, newContext, htmlFiles, expectNone } = require('../lib/harness');
const { terms } = require(path.join(REPO, 'themes', 'omtanke', 'static', 'assets', 'search.js'));

const PREFIX = '/undermapp';
// What only the theme's stylesheet sets: the header's brand colour (--brand, #0b5560).
const HEADER_BACKGROUND = 'rgb(11, 85, 96)';
// An address the site does not have, below a folder, so the 404 page's own links and stylesheet
// must not depend on where it is served.
const NOT_FOUND = '/finns-inte/alls/';

const SITES = [
  {
    name: 'the real site',
    root: SITE,
  },
  {
    name: 'the Swedish-names fixture',
    root: path.join(REPO, 'tests', 'fixtures', 'swedish-names'),
    // Its picture, linked from a section's Markdown and as an activity's image.
    pictures: ['/traffpunkter/', '/aktiviteter/maltidsvanner/'],
    picture: 'bild på fika.jpg',
  },
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const s of SITES) {
  describe(`${s.name} under ${PREFIX}/`, () => {
    let tmp, server, out, base, origin, context, page, foreign;
    // What the crawl found: problems by kind, the feeds the pages name, and every address checked
    // with its HTTP status.
    const found = { broken: [], outside: [], unstyled: [], pictures: [], absent: [], aliases: [] };
    const feeds = new Set();
    const statuses = new Map();
    const visited = new Set();
    // The page that first linked to each page the browser visits.
    const linkedFrom = new Map();

    // Under the site: the same origin, and /undermapp itself or below it.
    const under = (u) => u.origin === origin && (u.pathname === PREFIX || u.pathname.startsWith(`${PREFIX}/`));
    // The built file an address under the site is served from, or null.
    const fileOf = (u) => {
      const local = decodeURIComponent(u.pathname.slice(PREFIX.length)) || '/';
      const file = path.join(out, local, local.endsWith('/') ? 'index.html' : '');
      return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
    };
    // A page that only sends the browser on (an alias: an old address of a moved page).
    const isAlias = (u) => {
      const file = fileOf(u);
      return file !== null && file.endsWith('.html') && /<meta http-equiv="refresh"/i.test(fs.readFileSync(file, 'utf8'));
    };
    // A 404 for an address the build wrote no file for (a link to a page the site does not have)
    // is kept apart from other failures and reported by its own test below.
    function failed(url, status, where) {
      const u = new URL(url);
      const line = `${url}: HTTP ${status} (${where})`;
      if (status === 404 && under(u) && !fileOf(u)) found.absent.push(line);
      else found.broken.push(line);
    }

    /**
     * Fetches `url` (not a page for the browser: a feed, a calendar, a sitemap address) once and
     * records a failure. Feeds, calendars and sitemaps are read for the site's own absolute
     * addresses in them, which are checked the same way.
     */
    async function check(url, from) {
      const u = new URL(url);
      u.hash = '';
      if (u.origin !== origin) return;
      if (!under(u)) {
        found.outside.push(`${u.href} (in ${from})`);
        return;
      }
      if (statuses.has(u.href)) return;
      statuses.set(u.href, 0);
      let res;
      try {
        res = await fetch(u.href);
      } catch (e) {
        found.broken.push(`${u.href}: ${e.message} (in ${from})`);
        return;
      }
      statuses.set(u.href, res.status);
      if (res.status !== 200) {
        failed(u.href, res.status, `in ${from}`);
        return;
      }
      if (!under(new URL(res.url))) found.outside.push(`${u.href} leads to ${res.url} (in ${from})`);
      if (/\.(xml|ics)$/.test(u.pathname)) {
        // Calendar lines are folded at 75 characters: unfold before looking for addresses.
        const text = (await res.text()).replace(/\r?\n[ \t]/g, '');
        const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        for (const m of text.matchAll(new RegExp(`${escaped}[^\\s"'<>]*`, 'g'))) {
          await check(m[0].replace(/&amp;/g, '&'), u.href);
        }
      } else {
        await res.arrayBuffer();
      }
    }

    // Everything one page names and how it looks, read in the page.
    function readPage() {
      const hrefs = (selector, attr) => [...document.querySelectorAll(selector)].map((el) => el[attr]).filter(Boolean);
      const header = document.querySelector('.site-header');
      return {
        links: hrefs('a[href]', 'href'),
        resources: [
          ...hrefs('link[href]', 'href'), ...hrefs('script[src]', 'src'), ...hrefs('img', 'currentSrc'),
          ...hrefs('iframe[src], source[src], video[src], audio[src]', 'src'), ...hrefs('form[action]', 'action'),
          ...[...document.querySelectorAll('[data-index]')].map((el) => new URL(el.dataset.index, location.href).href),
        ],
        feeds: hrefs('link[rel~="alternate"][type$="xml"]', 'href'),
        sheets: [...document.querySelectorAll('link[rel~="stylesheet"]')]
          .filter((l) => !(l.sheet && l.sheet.cssRules.length > 0)).map((l) => l.href),
        header: header ? getComputedStyle(header).backgroundColor : null,
        pictures: [...document.images].filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.currentSrc || i.src),
      };
    }

    async function crawl(siteHost) {
      const queue = [`${base}/`, base + NOT_FOUND];
      const pending = async (url, from) => {
        const u = new URL(url);
        u.hash = '';
        if (u.protocol === 'webcal:') return check(u.href.replace(/^webcal:/, 'http:'), from);
        if (!/^https?:$/.test(u.protocol)) return;
        if (u.host === siteHost) found.outside.push(`${u.href}: site.toml's address instead of --base-url's (on ${from})`);
        if (u.origin !== origin) return;
        if (!under(u)) {
          found.outside.push(`${u.href} (linked from ${from})`);
        } else if (isAlias(u)) {
          found.aliases.push(u.href);
        } else if (/(\/|\.html)$/.test(u.pathname)) {
          if (!linkedFrom.has(u.href)) linkedFrom.set(u.href, from);
          if (!visited.has(u.href)) queue.push(u.href);
        } else {
          await check(u.href, from);
        }
      };
      const visit = async (url) => {
        visited.add(url);
        const response = await page.goto(url, { waitUntil: 'load' });
        const status = response ? response.status() : 0;
        statuses.set(url, status);
        if (url === base + NOT_FOUND) {
          if (status !== 404) found.broken.push(`${url}: HTTP ${status}, not 404`);
        } else if (status !== 200) {
          failed(url, status, linkedFrom.has(url) ? `linked from ${linkedFrom.get(url)}` : 'a page the build wrote');
          return;
        }
        const seen = await page.evaluate(readPage);
        for (const href of seen.sheets) found.unstyled.push(`${url}: the stylesheet ${href} did not load`);
        // The lists made for partners' <iframe>s (/inbadda/<kind>/…) have no header by design.
        const embed = /\/inbadda\/[^/]+\/[^/]+\/$/.test(new URL(url).pathname);
        if (!embed && seen.header !== HEADER_BACKGROUND) found.unstyled.push(`${url}: the header's background is ${seen.header}`);
        for (const src of seen.pictures) found.pictures.push(`${src} (on ${url})`);
        for (const feed of seen.feeds) feeds.add(feed);
        for (const href of seen.links) await pending(href, url);
        // Stylesheets, scripts, pictures, icons, feeds, the canonical address, translations.
        for (const href of seen.resources) {
          const u = new URL(href);
          if (u.origin === origin || u.host === siteHost) await pending(href, url);
        }
      };
      while (queue.length) {
        const url = queue.shift();
        if (!visited.has(url)) await visit(url);
      }
      // Every page the build wrote that no link leads to (thank-you pages, old addresses).
      for (const file of htmlFiles(out)) {
        const rel = path.relative(out, file).split(path.sep);
        if (rel.join('/') === '404.html') continue;
        if (rel.at(-1) === 'index.html') rel[rel.length - 1] = '';
        queue.push(`${base}/${rel.map(encodeURIComponent).join('/')}`);
      }
      while (queue.length) {
        const url = queue.shift();
        if (visited.has(url)) continue;
        if (isAlias(new URL(url))) found.aliases.push(url);
        else await visit(url);
      }
    }

    before(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omtanke-subpath-'));
      // The address must be known before the build: serve the (empty) folder first, build into it.
      out = path.join(tmp, 'public');
      server = await serve(out, PREFIX);
      base = server.baseURL;
      origin = new URL(base).origin;
      buildSite(s.root, null, out, base);
      const toml = fs.readFileSync(path.join(s.root, 'site.toml'), 'utf8').match(/^base_url\s*=\s*"([^"]*)"/m);
      ({ context, foreign } = await newContext(browser, base, { viewport: { width: 1280, height: 900 } }));
      context.setDefaultTimeout(10000);
      page = await context.newPage();
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.origin === origin && !under(u)) found.outside.push(`${r.url()} (requested by ${page.url()})`);
      });
      // Pages' own statuses are checked where they are opened; these are what pages load.
      page.on('response', (r) => {
        if (r.status() < 400 || r.request().isNavigationRequest()) return;
        if (new URL(r.url()).origin === origin) failed(r.url(), r.status(), `on ${page.url()}`);
      });
      // A request still going when the crawl moves on (search.js fetching its index) is aborted;
      // what it asked for is checked on its own.
      page.on('requestfailed', (r) => {
        if (new URL(r.url()).origin === origin && r.failure()?.errorText !== 'net::ERR_ABORTED') found.broken.push(`${r.url()}: ${r.failure()?.errorText} (on ${page.url()})`);
      });
      await crawl(toml ? new URL(toml[1]).host : null);
    });
    after(async () => {
      await context?.close();
      await server?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    test('every page is reached, and none of its links, stylesheets, scripts or pictures is a 404', (t) => {
      const pages = [...visited].filter((u) => statuses.get(u) === 200);
      t.diagnostic(`${pages.length} pages in the browser, ${statuses.size} addresses in all`);
      assert.ok(pages.length >= htmlFiles(out).length - new Set(found.aliases).size - 1, 'fewer pages than the build wrote');
      expectNone([...new Set(found.broken)], `addresses under ${base}/ that failed:`);
      expectNone([...new Set(found.pictures)], 'pictures that did not show:');
    });

    test(`nothing leads or is asked for outside ${PREFIX}/`, () => {
      expectNone([...new Set(found.outside)], `addresses outside ${base}/:`);
      expectNone([...new Set(foreign)], `requests to other origins than ${origin}:`);
    });

    test('the theme\'s stylesheet applies on every page (the header\'s brand colour)', async () => {
      expectNone(found.unstyled, 'pages without the theme\'s styles:');
      // And on the home page, to be sure the check above saw pages at all.
      await page.goto(`${base}/`);
      assert.equal(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor), HEADER_BACKGROUND);
    });

    test('every feed the pages name and every address in the sitemap loads', async () => {
      assert.ok(feeds.size > 0, 'no page names a feed (<link rel="alternate" type="…xml">)');
      const sitemap = `${base}/sitemap.xml`;
      const text = await (await fetch(sitemap)).text();
      const locs = [...text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
      assert.ok(locs.length > 0, `${sitemap} has no <loc>`);
      expectNone(locs.filter((l) => !l.startsWith(`${base}/`)), `addresses in ${sitemap} outside ${base}/:`);
      const robots = await (await fetch(`${base}/robots.txt`)).text();
      assert.match(robots, new RegExp(`^Sitemap: ${sitemap.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
      const before = found.broken.length;
      for (const feed of feeds) await check(feed, 'a page\'s <link rel="alternate">');
      for (const loc of locs) await check(loc, sitemap);
      const notOk = [...feeds, ...locs].filter((u) => statuses.get(u) !== 200).map((u) => `${u}: HTTP ${statuses.get(u)}`);
      expectNone([...notOk, ...found.broken.slice(before)], 'feeds and sitemap addresses that did not load:');
    });

    test('search finds a page by a word typed into the field, and its result opens', async () => {
      const index = await (await fetch(`${base}/sok/index.json`)).json();
      // A word of five letters or more from an activity's title, one search term on its own.
      const doc = index.docs.find((d) => d.k === 'Aktivitet' && titleWord(d.t));
      assert.ok(doc, 'no activity in the search index has a title word to search for');
      const word = titleWord(doc.t);
      await page.goto(`${base}/sok/`);
      const field = page.getByLabel('Vad letar du efter?');
      await field.click();
      await page.keyboard.type(word, { delay: 30 });
      await page.waitForFunction((q) => document.getElementById('sok-status').textContent.includes(`”${q}”`), word);
      const hrefs = await page.$$eval('#sok-traffar li a', (links) => links.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.includes(doc.u), `"${word}" did not find ${doc.u} among: ${hrefs.join(', ')}`);
      expectNone(hrefs.filter((h) => !h.startsWith(`${PREFIX}/`)), `results for "${word}" outside ${PREFIX}/:`);
      for (const href of hrefs) await check(new URL(href, base).href, `the results for "${word}"`);
      expectNone(hrefs.filter((h) => statuses.get(new URL(h, base).href) !== 200), `results for "${word}" that do not load:`);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().isNavigationRequest() && r.url() === new URL(doc.u, base).href),
        page.locator(`#sok-traffar a[href="${doc.u}"]`).first().click(),
      ]);
      assert.equal(response.status(), 200, `${doc.u} after clicking its result`);
    });

    if (s.pictures) {
      test(`the picture "${s.picture}" shows on ${s.pictures.join(' and ')}`, async () => {
        for (const p of s.pictures) {
          const response = await page.goto(base + p);
          assert.equal(response.status(), 200, base + p);
          const pictures = await page.$$eval('main img', (imgs) => imgs.map((i) => ({
            src: i.currentSrc, shown: i.complete && i.naturalWidth > 0,
          })));
          const ours = pictures.filter((i) => decodeURIComponent(new URL(i.src).pathname).endsWith(`/${s.picture}`));
          assert.ok(ours.length > 0, `${p} has no picture ${s.picture}: ${pictures.map((i) => i.src).join(', ')}`);
          for (const i of ours) {
            assert.ok(new URL(i.src).pathname.startsWith(`${PREFIX}/`), `${i.src} on ${p} is outside ${PREFIX}/`);
            assert.ok(i.shown, `${i.src} on ${p} does not show (naturalWidth 0)`);
          }
        }
      });
    }

    test('every link leads to a page the site has', () => {
      expectNone([...new Set(found.absent)], 'links to pages the build did not write:');
    });

    test('old addresses (aliases) send the browser to their page under the sub-path', async () => {
      const wrong = [];
      for (const alias of new Set(found.aliases)) {
        const [landing, response] = await Promise.all([
          page.waitForResponse((r) => r.request().isNavigationRequest() && r.url() !== alias),
          page.goto(alias),
        ]);
        if (response.status() !== 200 || !under(new URL(landing.url())) || landing.status() !== 200) {
          wrong.push(`${alias} (HTTP ${response.status()}) sends the browser to ${landing.url()} (HTTP ${landing.status()})`);
        }
      }
      expectNone(wrong, 'old addresses that do not lead to their page:');
    });
  });
}

/** A word of five letters or more in `title` that is one search term, or undefined. */
function titleWord(title) {
  return title.split(/[^\p{L}]+/u).find((w) => w.length >= 5 && terms(w).length === 1);
}
