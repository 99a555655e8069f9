// The website's suggestion inbox in Chromium, end to end: the real site, built with its
// suggest_url pointing at a kiosk daemon that is only the inbox (inbox_only = true), and served
// at the base_url both of them are given. A visitor's form with a mistake gets the daemon's own
// page to correct it; sending the corrected form must take the browser back to the site's
// thank-you page. That last redirect leaves the daemon for the site, and the daemon's
// Content-Security-Policy (form-action) decides whether Chromium follows it, so the policy is in
// force here (no bypassCSP).
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { SITE } = require('../pages');
const { buildSite, siteVariant, serve, startKiosk, launch, newContext, logIn } = require('../lib/harness');

describe('the website\'s suggestion inbox', () => {
  let tmp, web, kiosk, browser;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omtanke-inbox-'));
    // The site's address must be known before the daemon starts (it sends visitors there) and
    // the daemon's before the site is built (its form posts there): serve the folder first, and
    // build into it last.
    const output = path.join(tmp, 'public');
    web = await serve(output);
    const content = siteVariant(SITE, `base_url = "${web.baseURL}"`, fs.mkdtempSync(path.join(tmp, 'content-')));
    kiosk = await startKiosk({ content, staffPassword: 'inkorgens långa lösenord', config: 'inbox_only = true\n' });
    buildSite(content, `suggest_url = "${kiosk.baseURL}/forslag"`, output);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.close();
    await web?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  // Fills in the board's form (or the daemon's page, which has the same labels) as a visitor.
  async function fillIn(page, title) {
    await page.getByLabel('Vad vill du göra tillsammans med andra?').fill(title);
    await page.getByLabel('Berätta mer').fill('Vi spelar boule och fikar efteråt.');
    await page.getByLabel('Ditt förnamn eller smeknamn').fill('Lennart');
  }

  test('a mistake is corrected on the daemon\'s page, and the browser ends on the site\'s thank-you page', async () => {
    const { context, foreign } = await newContext(browser, web.baseURL, { bypassCSP: false }, [kiosk.baseURL]);
    context.setDefaultTimeout(10000);
    const refused = [];
    try {
      const page = await context.newPage();
      page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
      await page.goto(`${web.baseURL}/anslagstavla/`);
      // Spaces pass the browser's `required`, and only the daemon can tell it is no title.
      await fillIn(page, '   ');
      const [first] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === `${kiosk.baseURL}/forslag`),
        page.getByRole('button', { name: 'Skicka förslaget' }).click(),
      ]);
      assert.equal(first.status(), 422);
      await page.locator('.error-summary').getByText('Skriv vad du vill göra, med några ord.').waitFor();
      assert.equal(new URL(page.url()).origin, kiosk.baseURL, 'the correction page is not the daemon\'s');
      // What the visitor typed is still there: only the title needs typing again.
      assert.equal(await page.getByLabel('Berätta mer').inputValue(), 'Vi spelar boule och fikar efteråt.');
      await page.getByLabel('Vad vill du göra tillsammans med andra?').fill('Boule i parken');
      await page.getByRole('button', { name: 'Skicka förslaget' }).click();
      await page.waitForURL(`${web.baseURL}/anslagstavla/tack/`);
      await page.getByRole('heading', { name: 'Tack för ditt förslag!', level: 1 }).waitFor();
      assert.deepEqual(refused, [], 'Chromium reported a Content-Security-Policy violation');
      assert.deepEqual(foreign, []);

      // Exactly one suggestion arrived: the corrected one, not the one with the mistake.
      const staff = await context.newPage();
      await logIn(staff, kiosk);
      await staff.goto(`${kiosk.baseURL}/admin/forslag`);
      await staff.getByRole('heading', { name: 'Väntar på granskning (1)' }).waitFor();
      const rows = staff.getByRole('table', { name: 'Förslag som väntar på granskning' }).locator('tbody tr');
      assert.equal(await rows.count(), 1);
      assert.match(await rows.first().textContent(), /Boule i parken.*Lennart.*webbplatsen/s);
    } finally {
      await context.close();
    }
  });

  test('control: with the old policy (form-action \'self\' alone) Chromium does not follow the redirect', async () => {
    // Proves the test above can fail: the same steps, with the daemon's correction page given
    // the policy it had before the site's origin was added to form-action.
    const { context } = await newContext(browser, web.baseURL, { bypassCSP: false }, [kiosk.baseURL]);
    context.setDefaultTimeout(10000);
    try {
      const page = await context.newPage();
      const thanks = [];
      page.on('request', (r) => { if (r.url().startsWith(`${web.baseURL}/anslagstavla/tack/`)) thanks.push(r.url()); });
      // Only the first post's answer (the correction page) is changed; the corrected post and
      // its redirect are left to the browser.
      let changed = 0;
      await page.route(`${kiosk.baseURL}/forslag`, async (route) => {
        if (changed > 0) return route.continue();
        const response = await route.fetch({ maxRedirects: 0 });
        const headers = response.headers();
        headers['content-security-policy'] = headers['content-security-policy'].replace(/form-action [^;]*/, "form-action 'self'");
        changed++;
        return route.fulfill({ response, headers });
      });
      await page.goto(`${web.baseURL}/anslagstavla/`);
      await fillIn(page, '   ');
      await page.getByRole('button', { name: 'Skicka förslaget' }).click();
      await page.locator('.error-summary').waitFor();
      assert.equal(changed, 1, 'the correction page was not given the old policy');
      const violation = page.waitForEvent('console', (m) => /form-action/.test(m.text()));
      await page.getByLabel('Vad vill du göra tillsammans med andra?').fill('Boule i parken');
      await page.getByRole('button', { name: 'Skicka förslaget' }).click();
      await violation;
      assert.deepEqual(thanks, [], 'Chromium followed the redirect to the site despite the old policy');
    } finally {
      await context.close();
    }
  });
});
