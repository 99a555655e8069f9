// Page weight budget: the home page, an activity page and the activity listing of the real site
// each transfer at most 50 KB in all at a 375 px viewport (HTML, CSS, JavaScript, images, fonts),
// counted as the bodies the suite's server sends, uncompressed, so a host that compresses only
// does better. And no page needs JavaScript to show its content: with JavaScript off, the title
// (h1) and the main text are there.
'use strict';

const { describe, test, before, after } = require('node:test');
const { targets } = require('../pages');
const { start, launch, newContext, visit, expectNone } = require('../lib/harness');

const BUDGET = 50 * 1024;
const site = targets.find((t) => t.name === 'site');
// The activity is whichever pages.js picked from the built site, so editors may delete any.
const PAGES = [
  { path: '/', type: 'home' },
  ...(site ? site.pages.filter((p) => p.type === 'activity') : []),
  { path: '/aktiviteter/', type: 'listing' },
];

describe('page weight and content without JavaScript', () => {
  let browser, server;
  before(async () => {
    browser = await launch();
    server = await start(site);
  });
  after(async () => {
    await server?.close();
    await browser?.close();
  });

  for (const p of PAGES) {
    test(`${p.type} ${p.path}: at most ${BUDGET / 1024} KB at 375 px`, async (t) => {
      // A fresh context per page: nothing comes from the cache of another page.
      const { context } = await newContext(browser, server.baseURL, { viewport: { width: 375, height: 800 } });
      try {
        const page = await context.newPage();
        const sizes = [];
        page.on('response', (r) => {
          sizes.push(r.body().then((b) => [r.url(), b.length], () => [r.url(), 0]));
        });
        await visit(page, server.baseURL + p.path);
        await page.waitForLoadState('networkidle');
        const all = await Promise.all(sizes);
        const total = all.reduce((sum, [, n]) => sum + n, 0);
        t.diagnostic(`${(total / 1024).toFixed(1)} KB in ${all.length} responses`);
        const list = all
          .sort((a, b) => b[1] - a[1])
          .map(([url, n]) => `  ${(n / 1024).toFixed(1)} KB ${url.replace(server.baseURL, '')}`);
        expectNone(
          total > BUDGET ? [list.join('\n')] : [],
          `${p.path}: ${(total / 1024).toFixed(1)} KB transferred, more than the ${BUDGET / 1024} KB budget:`,
        );
      } finally {
        await context.close();
      }
    });

    test(`${p.type} ${p.path}: shows its content without JavaScript`, async () => {
      const { context } = await newContext(browser, server.baseURL, {
        viewport: { width: 375, height: 800 },
        javaScriptEnabled: false,
      });
      try {
        const page = await context.newPage();
        await visit(page, server.baseURL + p.path);
        const h1 = (await page.locator('h1').first().textContent({ timeout: 2000 }))?.trim() ?? '';
        const main = (await page.locator('main').first().innerText({ timeout: 2000 })).trim();
        const problems = [];
        if (!h1) problems.push('no h1 text');
        if (main.length < 200) problems.push(`main has only ${main.length} characters of text: ${JSON.stringify(main)}`);
        if (!(await page.locator('main h1').first().isVisible())) problems.push('the h1 is not visible');
        expectNone(problems, `${p.path} with JavaScript off:`);
      } finally {
        await context.close();
      }
    });
  }
});
