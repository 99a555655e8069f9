// Visits every page of every target (pages.js) in Chromium: accessibility with axe-core, reflow
// at 320 px and at 200 % text, no requests to other origins, and screenshots of each page type.
'use strict';

const { describe, test, before, after } = require('node:test');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { targets } = require('../pages');
const { start, launch, newContext, visit, expectNone, sessionFor } = require('../lib/harness');
const { reflowProblems } = require('../lib/inpage');

const AXE = require.resolve('axe-core/axe.min.js');
const { recordTested } = require('../lib/assessment');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS = process.env.OMTANKE_SCREENSHOTS || path.join(os.tmpdir(), 'omtanke-screenshots');

// axe's "Fix any of the following:\n  reason\n  reason…" as one short line.
function summary(text) {
  const reasons = text.split('\n').filter((l) => /^\s/.test(l)).map((l) => l.trim());
  return reasons.slice(0, 2).join('; ') + (reasons.length > 2 ? '; …' : '');
}

let browser;
// What axe found on the real site's pages, for the accessibility statement (lib/assessment.js).
const assessed = { pages: 0, violations: 0 };
before(async () => {
  browser = await launch();
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  const record = process.env.OMTANKE_RECORD_ASSESSMENT;
  if (record && assessed.pages > 0) {
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    recordTested(record, {
      date: day,
      tools: [`axe-core ${require('axe-core/package.json').version}`, `Chromium ${browser.version()}`],
      pages: assessed.pages,
      violations: assessed.violations,
    });
    console.log(`# recorded ${assessed.pages} pages, ${assessed.violations} violations in ${record}`);
  }
  await browser?.close();
  console.log(`# screenshots: ${SHOTS}`);
});

for (const target of targets) {
  describe(target.name, () => {
    let server;
    const contexts = [];
    const foreign = [];
    const failed = [];

    // One context (and page) per viewport, reused for every page of this target.
    async function pageAt(viewport) {
      const { context, foreign: f } = await newContext(browser, server.baseURL, { viewport });
      contexts.push({ context, foreign: f });
      const page = await context.newPage();
      page.on('requestfailed', (r) => {
        if (!f.some((x) => x.startsWith(r.url()))) failed.push(`${r.url()}: ${r.failure()?.errorText} (on ${page.url()})`);
      });
      page.on('response', (r) => {
        const isDocument = r.request().resourceType() === 'document';
        if (!isDocument && r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()} (on ${page.url()})`);
      });
      return page;
    }

    let wide, narrow, tiny;
    before(async () => {
      server = await start(target);
      wide = await pageAt({ width: 1280, height: 900 });
      narrow = await pageAt({ width: 375, height: 800 });
      tiny = await pageAt({ width: 320, height: 640 });
    });
    after(async () => {
      for (const c of contexts) await c.context.close();
      await server?.close();
    });

    for (const p of target.pages) {
      const status = p.status ?? 200;

      test(`axe ${p.path}`, async () => {
        const url = server.baseURL + p.path;
        await sessionFor(wide, server, p);
        await visit(wide, url, status);
        if (p.h1) {
          const h1 = (await wide.locator('h1').first().textContent())?.trim();
          expectNone(h1 === p.h1 ? [] : [`expected the heading "${p.h1}", found "${h1}"`], `${url}:`);
        }
        await wide.addScriptTag({ path: AXE });
        const result = await wide.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          AXE_TAGS,
        );
        const lines = result.violations.map((v) =>
          `${v.id} (${v.impact}): ${v.help}\n` +
          v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ' — ' + summary(n.failureSummary) : ''}`).join('\n') +
          `\n    ${v.helpUrl}`);
        if (target.name === 'site') {
          assessed.pages += 1;
          assessed.violations += result.violations.reduce((n, v) => n + v.nodes.length, 0);
        }
        await wide.screenshot({ path: path.join(SHOTS, `${target.name}-${p.type}-1280.png`), fullPage: true });
        expectNone(lines, `${url}: ${lines.length} accessibility violation(s) (axe-core, ${AXE_TAGS.join(', ')}):`);
      });

      test(`reflow at 320px ${p.path}`, async () => {
        const url = server.baseURL + p.path;
        await sessionFor(tiny, server, p);
        await visit(tiny, url, status);
        const problems = await tiny.evaluate(reflowProblems);
        expectNone(problems, `${url} at 320px wide:`);
      });

      test(`reflow at 1280px with 200% text ${p.path}`, async () => {
        const url = server.baseURL + p.path;
        await sessionFor(wide, server, p);
        await visit(wide, url, status);
        // The theme sets html { font-size: 112.5% }; twice that is 200 % of the theme's text size.
        const base = await wide.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
        await wide.evaluate((px) => { document.documentElement.style.fontSize = `${px * 2}px`; }, base);
        const problems = await wide.evaluate(reflowProblems);
        expectNone(problems, `${url} at 1280px wide with text at 200%:`);
      });

      test(`screenshot at 375px ${p.path}`, async () => {
        await sessionFor(narrow, server, p);
        await visit(narrow, server.baseURL + p.path, status);
        await narrow.screenshot({ path: path.join(SHOTS, `${target.name}-${p.type}-375.png`), fullPage: true });
      });
    }

    test('no requests to other origins, no broken resources', () => {
      for (const c of contexts) foreign.push(...c.foreign);
      expectNone([...new Set(foreign)], `requests to other origins than ${server.baseURL}:`);
      expectNone([...new Set(failed)], 'resources that failed to load:');
    });
  });
}
