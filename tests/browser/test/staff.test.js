// What staff do on the kiosk's staff pages, done as staff do it: by clicking in Chromium, with
// the kiosk's own Content-Security-Policy in force. Each step checks what the page shows after
// it (the notice, the changed row, the downloaded file), not only that a request succeeded.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { REPO } = require('../pages');
const { startKiosk, launch, newContext, logIn, bookThroughApi } = require('../lib/harness');

// Text that is there only for screen readers (a visually hidden span) is its own block to
// Chromium, so an accessible name like "Här: Astrid" comes out as "Här : Astrid".
const named = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s*([:,])/g, '\\s*$1')}$`);

// Codes are shown grouped (K7M2-P9QX-4TRA) or not, in upper or lower case: compare the letters.
const bare = (code) => code.replace(/[^0-9a-z]/gi, '').toUpperCase();

describe('staff pages', () => {
  let browser, server, context, foreign, page;
  // What the steps leave for the next ones: the meeting booked, its day, and the codes.
  let session, day, astrid, bertil;

  before(async () => {
    browser = await launch();
    server = await startKiosk({
      content: path.join(REPO, 'kiosk', 'tests', 'fixtures', 'site'),
      staffPassword: 'personalens långa lösenord',
      suggestions: 2,
    });
    // The kiosk's real policy applies: its forms must be allowed to post where they post.
    ({ context, foreign } = await newContext(browser, server.baseURL, { viewport: { width: 1280, height: 900 }, bypassCSP: false }));
    // A step that fails should say so soon, not after playwright's 30 s.
    context.setDefaultTimeout(10000);
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await server?.close();
    await browser?.close();
  });

  test('a visitor books a place on the touch screen', async () => {
    await page.goto(`${server.baseURL}/boka`);
    await page.getByRole('link', { name: /Samtalsgrupp/ }).first().click();
    await page.getByRole('heading', { name: 'Boka plats' }).waitFor();
    session = new URL(page.url()).searchParams.get('tillfalle');
    assert.match(session ?? '', /^grupp@\d{4}-\d{2}-\d{2}T08:00$/, `the booking page ${page.url()} names no meeting`);
    day = session.slice(session.indexOf('@') + 1, session.indexOf('T'));
    await page.getByLabel('Ditt förnamn eller ett smeknamn').fill('Astrid');
    await page.getByRole('button', { name: 'Boka', exact: true }).click();
    await page.getByRole('heading', { name: 'Du har en plats!' }).waitFor();
    astrid = (await page.locator('.code').textContent()).trim();
    assert.ok(bare(astrid).length >= 5, `the booking's code "${astrid}" is too short to be one`);
    // A second booking, only to be cancelled below: set up through the API.
    bertil = (await bookThroughApi(server.baseURL, session, 'Bertil')).code;
  });

  test('staff log in through the login page', async () => {
    await logIn(page, server);
    await page.getByRole('heading', { name: 'Besök', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
  });

  test('staff mark a booking as here', async () => {
    await page.getByRole('navigation', { name: 'Personalens meny' }).getByRole('link', { name: 'Bokningar' }).click();
    await page.getByRole('heading', { name: 'Bokningar', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /Astrid/ });
    assert.equal(bare(await row.locator('.code-cell').textContent()), bare(astrid), 'the staff page shows another code than the visitor got');
    const here = row.getByRole('button', { name: named('Här: Astrid') });
    assert.equal(await here.getAttribute('aria-pressed'), 'false');
    await here.click();
    await page.getByRole('status').filter({ hasText: 'Närvaron är sparad.' }).waitFor();
    assert.equal(await page.getByRole('row', { name: /Astrid/ }).getByRole('button', { name: named('Här: Astrid') }).getAttribute('aria-pressed'), 'true',
      'after "Här" the button does not show Astrid as here');
  });

  test('staff cancel a booking', async () => {
    const row = page.getByRole('row', { name: /Bertil/ });
    assert.equal(bare(await row.locator('.code-cell').textContent()), bare(bertil));
    await row.locator('summary').click();
    await row.getByRole('button', { name: 'Ja, avboka' }).click();
    await page.getByRole('status').filter({ hasText: 'Bokningen är avbokad.' }).waitFor();
    const after = page.getByRole('row', { name: /Bertil/ });
    assert.equal((await after.locator('td').nth(2).textContent()).trim(), 'Avbokad');
    assert.equal(await after.getByRole('button').count(), 0, 'a cancelled booking still has buttons');
    assert.equal((await page.getByRole('row', { name: /Astrid/ }).locator('td').nth(2).textContent()).trim(), 'Bokad',
      'cancelling Bertil changed Astrid\'s booking');
  });

  test('staff cancel a booking by typing the code the visitor got', async () => {
    const { code } = await bookThroughApi(server.baseURL, session, 'Cecilia');
    await page.goto(`${server.baseURL}/admin/bokningar`);
    const field = page.getByLabel('Avboka med kod');
    await field.pressSequentially(code);
    assert.equal(await field.inputValue(), code, 'the field did not take the whole code');
    await page.locator('#avboka').getByRole('button', { name: 'Avboka', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Bokningen är avbokad.' }).waitFor();
    assert.equal((await page.getByRole('row', { name: /Cecilia/ }).locator('td').nth(2).textContent()).trim(), 'Avbokad');
  });

  test('staff download the bookings of a period as CSV', async () => {
    await page.getByRole('navigation', { name: 'Personalens meny' }).getByRole('link', { name: 'Besök' }).click();
    await page.getByLabel('Från och med').fill(day);
    await page.getByLabel('Till och med').fill(day);
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    const link = page.getByRole('link', { name: named('Bokningar, vald period') });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), `bokningar-${day}-${day}.csv`);
    const text = fs.readFileSync(await download.path(), 'utf8');
    const [header, ...rows] = text.trim().split('\n');
    assert.equal(header, 'aktivitet,start,namn,telefon,kod,status,narvarande');
    const astridRow = rows.find((r) => r.includes('"Astrid"'));
    const bertilRow = rows.find((r) => r.includes('"Bertil"'));
    assert.ok(astridRow && bertilRow, `the file lacks a booking:\n${text}`);
    assert.ok(bare(astridRow).includes(bare(astrid)), `Astrid's row has not her code: ${astridRow}`);
    assert.match(astridRow, /,"confirmed",ja$/);
    assert.match(bertilRow, /,"cancelled",nej$/);
  });

  test('staff approve one suggestion and reject another', async () => {
    await page.getByRole('navigation', { name: 'Personalens meny' }).getByRole('link', { name: 'Förslag' }).click();
    await page.getByRole('heading', { name: 'Väntar på granskning (2)' }).waitFor();

    await page.getByRole('link', { name: named('Boule i parken 1: granska') }).click();
    await page.getByRole('heading', { name: 'Förslag: Boule i parken 1' }).waitFor();
    await page.getByRole('button', { name: 'Godkänn' }).click();
    await page.getByRole('status').filter({ hasText: 'Förslaget är godkänt.' }).waitFor();
    await page.getByRole('heading', { name: 'Godkända (1)' }).waitFor();
    assert.equal(await page.getByRole('table', { name: 'Godkända förslag' }).getByRole('rowheader', { name: 'Boule i parken 1' }).count(), 1);

    await page.getByRole('link', { name: named('Boule i parken 2: granska') }).click();
    await page.getByRole('heading', { name: 'Förslag: Boule i parken 2' }).waitFor();
    await page.getByRole('button', { name: 'Avvisa' }).click();
    await page.getByRole('status').filter({ hasText: 'Förslaget är avvisat.' }).waitFor();
    await page.getByRole('heading', { name: 'Väntar på granskning (0)' }).waitFor();
    await page.getByRole('heading', { name: 'Godkända (1)' }).waitFor();
    assert.equal(await page.getByText('Boule i parken 2').count(), 0, 'the rejected suggestion is still listed');
  });

  test('staff download an approved suggestion as a bulletin-board file', async () => {
    const link = page.getByRole('link', { name: /^Ladda ner\s*filen för Boule i parken 1$/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /\.md$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    assert.equal(text.split('\n')[0], '+++', `the file does not start with front matter:\n${text}`);
    assert.match(text, /^title = "Boule i parken 1"$/m);
  });

  test('staff log out, and the staff pages ask them to log in again', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL(`${server.baseURL}/admin/login`);
    await page.getByRole('heading', { name: 'Logga in som personal' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Logga ut' }).count(), 0);
    await page.goto(`${server.baseURL}/admin/bokningar`);
    assert.equal(new URL(page.url()).pathname, '/admin/login', 'the bookings are shown after logging out');
    await page.getByLabel('Lösenord', { exact: true }).waitFor();
  });

  test('no requests to other origins', () => {
    assert.deepEqual(foreign, []);
  });
});
