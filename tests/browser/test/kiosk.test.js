// The kiosk's touch screen is 1280×800: every kiosk page must fit it without scrolling, and every
// link, button and field must be at least 48 px tall so a finger can hit it. Staff pages (/admin)
// may scroll (their tables grow), but their targets are as large, since staff use the same screen.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { targets } = require('../pages');
const { startKiosk, launch, newContext, visit, expectNone, sessionFor } = require('../lib/harness');

const AXE = require.resolve('axe-core/axe.min.js');

// How tall the page is, and the visible targets under 48 px.
function measure(page) {
  return page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    small: [...document.querySelectorAll('a, button, input, select, textarea')]
      .filter((e) => e.offsetParent !== null && !e.classList.contains('skip-link'))
      // A checkbox is hit through its label too, so the larger of the two counts.
      .filter((e) => Math.max(e.getBoundingClientRect().height, ...[...(e.labels || [])].map((l) => l.getBoundingClientRect().height)) < 48)
      .map((e) => e.outerHTML.slice(0, 100)),
  }));
}

// What a screen must be at the kiosk: no scrolling, large targets, no axe violations.
async function screenProblems(page) {
  const { height, small } = await measure(page);
  await page.addScriptTag({ path: AXE });
  const axe = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'],
  }));
  return [
    ...(height > 800 ? [`${height}px tall: scrolls on a 1280×800 screen`] : []),
    ...small.map((s) => `smaller than 48 px: ${s}`),
    ...axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ];
}

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
      // Staff pages and the website's inbox form are web pages: they may scroll.
      const staffPage = p.path.startsWith('/admin') || p.scrolls;
      test(`${staffPage ? 'large targets' : 'fits 1280×800 with large targets'}: ${p.path}`, async () => {
        await sessionFor(page, server, p);
        await visit(page, server.baseURL + p.path);
        const { height, small } = await measure(page);
        if (!staffPage) assert.ok(height <= 800, `${p.path} is ${height}px tall and scrolls on a 1280×800 screen`);
        assert.deepEqual(small, [], `${p.path}: targets smaller than 48 px`);
      });
    }

    test('booking and cancelling with the code the screen showed', async () => {
      await sessionFor(page, server, {});
      await visit(page, server.baseURL + '/boka');
      await page.getByRole('link', { name: /Samtalsgrupp/ }).first().click();
      await page.getByLabel('Ditt förnamn eller ett smeknamn').fill('Doris');
      await page.getByRole('button', { name: 'Boka', exact: true }).click();
      await page.getByRole('heading', { name: 'Du har en plats!' }).waitFor();
      const code = (await page.locator('.code').textContent()).trim();
      await visit(page, server.baseURL + '/avboka');
      const field = page.locator('#kod');
      // Typed key by key, as on the screen's keyboard: a maxlength cuts the code short.
      await field.pressSequentially(code);
      assert.equal(await field.inputValue(), code, 'the field did not take the whole code');
      await page.getByRole('button', { name: 'Avboka', exact: true }).click();
      await page.getByRole('heading', { name: 'Du har avbokat' }).waitFor({ timeout: 5000 });
      expectNone(await screenProblems(page), 'cancelled:');
    });

    test('suggesting an activity: every step fits the screen, and a mistake is shown in an error summary', async () => {
      await sessionFor(page, server, {});
      await visit(page, server.baseURL + '/foresla');
      await page.getByRole('button', { name: 'Fortsätt' }).click();
      await page.waitForSelector('.error-summary');
      expectNone(await screenProblems(page), 'step 1 with errors:');
      await page.getByLabel('Vad vill du göra tillsammans med andra?').fill('Boule i parken');
      await page.getByRole('button', { name: 'Fortsätt' }).click();
      await page.getByText('Steg 2 av 5').waitFor();
      expectNone(await screenProblems(page), 'step 2:');
      await page.getByLabel('Berätta mer').fill('Vi spelar boule och fikar efteråt.');
      await page.getByRole('button', { name: 'Fortsätt' }).click();
      await page.getByText('Steg 3 av 5').waitFor();
      expectNone(await screenProblems(page), 'step 3:');
      await page.getByLabel('När? (om du vill)').fill('Onsdagar kl. 14');
      await page.getByRole('button', { name: 'Fortsätt' }).click();
      await page.getByText('Steg 4 av 5').waitFor();
      expectNone(await screenProblems(page), 'step 4:');
      await page.getByLabel('fika').check();
      await page.getByRole('button', { name: 'Fortsätt' }).click();
      await page.getByText('Steg 5 av 5').waitFor();
      expectNone(await screenProblems(page), 'step 5:');
      await page.getByRole('button', { name: 'Fortsätt' }).click();
      await page.waitForSelector('.error-summary');
      expectNone(await screenProblems(page), 'step 5 with errors:');
      await page.getByLabel('Ditt förnamn eller smeknamn').fill('Lennart');
      await page.getByRole('button', { name: 'Fortsätt' }).click();
      await page.getByRole('heading', { name: 'Stämmer det här?' }).waitFor();
      expectNone(await screenProblems(page), 'check your answers:');
      const summary = await page.locator('.summary').textContent();
      assert.match(summary, /Boule i parken/);
      assert.match(summary, /Onsdagar kl\. 14/);
      assert.match(summary, /fika/);
      await page.getByRole('button', { name: 'Skicka förslaget' }).click();
      await page.getByRole('heading', { name: 'Tack för ditt förslag!' }).waitFor();
    });
  });
}
