// Staff book a place for someone who phones ("Boka åt någon") and print the receipt, done as
// staff do it: logged in by typing the password, every step clicked or typed in Chromium with
// the kiosk's own Content-Security-Policy in force. Each page on the way is checked with axe-core,
// the keyboard and at 320 px; the receipt is printed to PDF by Chromium and read back with
// poppler-utils (pdfinfo, pdftotext, pdftoppm: `apt-get install poppler-utils`).
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { REPO } = require('../pages');
const { startKiosk, launch, newContext, logIn, expectNone } = require('../lib/harness');
const { reflowProblems, focusState } = require('../lib/inpage');
const { axeProblems, tabTo } = require('../lib/checks');

const SHOTS = process.env.OMTANKE_SCREENSHOTS || path.join(os.tmpdir(), 'omtanke-screenshots');
const PASSWORD = 'personalens långa lösenord för telefonbokning';
const CAFE_PHONE = '012-345 67 89';
const ADDRESS = 'Lönnvägen 7';
const DIRECTIONS = 'Ring på porten.';

// A6 is 105 × 148 mm: 297.64 × 419.53 pt. Chromium lays pages out in whole CSS pixels, so
// a little more is allowed.
const A6 = { width: 297.64, height: 419.53, slack: 1.5 };

// Codes are shown grouped (K7M2-P9QX-4TRA) and printed spaced out: compare the letters.
const bare = (text) => text.replace(/[^0-9a-z]/gi, '').toUpperCase();

// A bookable group that meets every day at 08:00 (so there is always a coming meeting to book),
// at a place whose address the website keeps private: only the one who books is told it.
const ACTIVITY = `title = "Samtalsgrupp"
summary = "En liten grupp."
place = { name = "Glimten", address = "${ADDRESS}", address_public = false, area = "Centrum", directions = "${DIRECTIONS}" }

[[schedule]]
weekly = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
start = "08:00"
end = "09:00"

[booking]
capacity = 2
waitlist = true
opens_days_before = 7
`;

/** A site folder with the kiosk fixture's site.toml and the activity above, in a new temporary folder. */
function callerSite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omtanke-book-for-'));
  const site = path.join(dir, 'site');
  fs.mkdirSync(path.join(site, 'content', 'aktiviteter'), { recursive: true });
  fs.copyFileSync(path.join(REPO, 'kiosk', 'tests', 'fixtures', 'site', 'site.toml'), path.join(site, 'site.toml'));
  fs.writeFileSync(path.join(site, 'content', 'aktiviteter', 'grupp.toml'), ACTIVITY);
  return { dir, site };
}


/** Links, buttons and fields under 48 px tall (staff use the kiosk's touch screen too). */
function smallTargets(page) {
  return page.evaluate(() => [...document.querySelectorAll('a, button, input, select, textarea')]
    .filter((e) => e.offsetParent !== null && !e.classList.contains('skip-link') && e.type !== 'hidden')
    .filter((e) => e.getBoundingClientRect().height < 48)
    .map((e) => `${Math.round(e.getBoundingClientRect().height)} px: ${window.__describe(e)}`));
}

/**
 * What a staff page must be: no axe violations, large targets, and no horizontal scrolling at
 * 320 px. With `shot`, screenshots at 1280 and 320 px are written to SHOTS under that name.
 */
async function pageProblems(page, shot) {
  const problems = [...await axeProblems(page), ...(await smallTargets(page)).map((s) => `smaller than 48 px: ${s}`)];
  if (shot) await page.screenshot({ path: path.join(SHOTS, `${shot}-1280.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    await page.waitForFunction(() => window.innerWidth === 320);
    problems.push(...(await page.evaluate(reflowProblems)).map((p) => `at 320 px: ${p}`));
    if (shot) await page.screenshot({ path: path.join(SHOTS, `${shot}-320.png`), fullPage: true });
  } finally {
    await page.setViewportSize(viewport);
  }
  return problems;
}


/** Runs a poppler-utils tool and returns its standard output. */
function poppler(tool, args) {
  const run = spawnSync(tool, args, { encoding: 'utf8' });
  if (run.error?.code === 'ENOENT') {
    assert.fail(`${tool} is missing: install poppler-utils (apt-get install poppler-utils) to check the printed receipt`);
  }
  assert.ifError(run.error);
  assert.equal(run.status, 0, `${tool} ${args.join(' ')} exited with ${run.status}:\n${run.stderr}`);
  return run.stdout;
}

describe('staff book a place for someone who phones', () => {
  let browser, server, context, foreign, page, tmp;
  // What the steps leave for the next ones: the meeting's link, its day, the receipt, the code.
  let bookHref, meeting, receiptURL, code, receiptText;

  before(async () => {
    const made = callerSite();
    tmp = made.dir;
    browser = await launch();
    server = await startKiosk({ content: made.site, staffPassword: PASSWORD, config: `cafe_phone = "${CAFE_PHONE}"\n` });
    // The kiosk's real policy applies: its forms must be allowed to post where they post.
    ({ context, foreign } = await newContext(browser, server.baseURL, { viewport: { width: 1280, height: 900 }, bypassCSP: false }));
    context.setDefaultTimeout(10000);
    page = await context.newPage();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await context?.close();
    await server?.close();
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('staff log in by typing the password', async () => {
    await logIn(page, server);
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
  });

  test('each coming meeting on the bookings page has "Boka åt någon", and Tab reaches it', async () => {
    await page.getByRole('navigation', { name: 'Personalens meny' }).getByRole('link', { name: 'Bokningar' }).click();
    await page.getByRole('heading', { name: 'Bokningar', level: 1 }).waitFor();
    const cards = page.locator('section.session-card');
    assert.ok(await cards.count() >= 1, 'the bookings page lists no meeting of the daily group');
    const links = page.getByRole('link', { name: /^Boka åt någon/ });
    assert.equal(await links.count(), await cards.count(), 'not every coming meeting has a "Boka åt någon" link');
    const first = links.first();
    const card = cards.first();
    // The link says which meeting it books, also to a screen reader that lists the links.
    const name = (await first.evaluate((el) => el.textContent)).replace(/\s+/g, ' ').trim();
    assert.match(name, /^Boka åt någon: Samtalsgrupp, \S+ \d+ \S+, kl\. 08\.00–09\.00$/, 'the link does not name its meeting');
    assert.equal(await first.getAttribute('class'), 'button button-secondary');
    bookHref = await first.getAttribute('href');
    assert.match(bookHref, /^\/admin\/bokningar\/boka\?tillfalle=grupp%40\d{4}-\d{2}-\d{2}T08%3A00$/);
    // "tisdag 8 december, kl. 08.00–09.00, Glimten": the day is what the receipt must say too.
    const meta = (await card.locator('.session-meta').textContent()).trim();
    meeting = { day: meta.split(',')[0], meta };
    assert.match(await card.locator('.session-count').textContent(), /Bokade platser: 0 av 2/);

    await tabTo(page, first, 'the first "Boka åt någon" link');
    expectNone(await pageProblems(page), `${page.url()}:`);
  });

  test('clicking "Boka åt någon" opens the form for that meeting', async () => {
    await page.locator(`a[href="${bookHref}"]`).click();
    await page.getByRole('heading', { name: 'Boka åt någon', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, bookHref);
    assert.equal(await page.title(), 'Boka åt någon – personal – Pratcafé Söder');
    const lead = (await page.locator('.lead').innerText()).trim();
    assert.ok(lead.startsWith(`Samtalsgrupp, ${meeting.day}`) && lead.endsWith('kl. 08.00–09.00'),
      `the form says "${lead}", not the meeting clicked (${meeting.meta})`);
    // The fields are found by their labels, as a person (or a screen reader) finds them.
    const name = page.getByLabel('Förnamn eller smeknamn');
    const phone = page.getByLabel('Telefonnummer (om personen vill)');
    assert.equal(await name.getAttribute('id'), 'namn');
    assert.equal(await phone.getAttribute('id'), 'telefon');
    assert.equal(await phone.getAttribute('type'), 'tel');
    assert.equal(await page.locator('.error-summary').count(), 0, 'the empty form already shows an error');
    expectNone(await pageProblems(page, 'kiosk-admin-book-for'), `${page.url()}:`);

    // Tab reaches the name field, the phone field and the button, in that order, with focus shown.
    const presses = await tabTo(page, page.getByRole('button', { name: 'Boka', exact: true }), 'the "Boka" button');
    const order = await page.evaluate(() => window.__focusables.map((el) => el.id || el.textContent.trim()));
    assert.deepEqual(order.slice(presses - 3, presses), ['namn', 'telefon', 'Boka']);
  });

  // The form is `novalidate`: the kiosk's own error summary, not Chromium's bubble, answers.
  test('pressing "Boka" with an empty name shows the error summary', async () => {
    await page.getByLabel('Förnamn eller smeknamn').fill('');
    await page.getByRole('button', { name: 'Boka', exact: true }).click();
    const summary = page.locator('.error-summary');
    try {
      await summary.waitFor({ timeout: 3000 });
    } catch {
      const bubble = await page.getByLabel('Förnamn eller smeknamn').evaluate((el) => el.validationMessage);
      assert.fail(`no error summary after "Boka" with an empty name: the browser stopped the form with "${bubble}"`);
    }
    await page.getByRole('alert').getByRole('link', { name: /förnamn/ }).waitFor();
  });

  test('a name of only spaces is refused in an error summary that leads to the field', async () => {
    // The browser lets spaces through, the kiosk does not: this is the kiosk's own error page.
    await page.goto(server.baseURL + bookHref);
    await page.getByLabel('Förnamn eller smeknamn').fill('   ');
    await page.getByRole('button', { name: 'Boka', exact: true }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.ok((await page.title()).startsWith('Fel: '), `the title "${await page.title()}" does not say there is an error`);
    assert.equal(await summary.getAttribute('class'), 'error-summary');
    await summary.getByRole('heading', { name: 'Något behöver rättas' }).waitFor();
    // The summary comes first in the content, on screen without scrolling.
    const top = await page.evaluate(() => {
      const box = document.querySelector('.error-summary').getBoundingClientRect();
      const h1 = document.querySelector('main h1').getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, h1: h1.top, height: window.innerHeight };
    });
    assert.ok(top.top >= 0 && top.bottom <= top.height && top.top < top.h1, `the error summary is not at the top of the screen: ${JSON.stringify(top)}`);
    const link = summary.getByRole('link', { name: /förnamn/ });
    assert.equal(await link.getAttribute('href'), '#namn');
    // The message stands at the field too, and the field is marked and described by it.
    const field = page.getByLabel('Förnamn eller smeknamn');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match(await field.getAttribute('aria-describedby'), /\bnamn-fel\b/);
    assert.equal((await page.locator('#namn-fel').innerText()).replace(/^Fel:\s*/, '').trim(), (await link.innerText()).trim(),
      'the message at the field is not the one in the summary');
    assert.ok(await page.locator('#namn-fel').isVisible(), 'the message at the field is not visible');
    expectNone(await pageProblems(page, 'kiosk-admin-book-for-error'), `${page.url()} with an error:`);
    // Tab reaches the summary's link before the form, and following it brings the field into view.
    await tabTo(page, link, 'the error summary\'s link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#namn');
    assert.ok(await field.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }), 'the error summary\'s link does not bring the name field into view');
  });

  test('a phone number that is not one is refused at the phone field, and the name stays', async () => {
    await page.getByLabel('Förnamn eller smeknamn').fill('Astrid');
    await page.getByLabel('Telefonnummer (om personen vill)').fill('abc');
    await page.getByRole('button', { name: 'Boka', exact: true }).click();
    const link = page.getByRole('alert').getByRole('link', { name: /^Telefonnumret ser inte rätt ut\./ });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), '#telefon');
    assert.equal(await page.getByLabel('Förnamn eller smeknamn').inputValue(), 'Astrid', 'the name typed was lost');
    const phone = page.getByLabel('Telefonnummer (om personen vill)');
    assert.equal(await phone.getAttribute('aria-invalid'), 'true');
    assert.match(await phone.getAttribute('aria-describedby'), /\btelefon-fel\b/);
    assert.ok(await page.locator('#telefon-fel').isVisible(), 'the message at the phone field is not visible');
    expectNone(await pageProblems(page), `${page.url()} with an error at the phone field:`);
  });

  test('staff type the name and the number with the keyboard and land on the receipt', async () => {
    await page.goto(server.baseURL + bookHref);
    await tabTo(page, page.getByLabel('Förnamn eller smeknamn'), 'the name field');
    await page.keyboard.type('Astrid');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'telefon', 'Tab from the name does not go to the phone number');
    await page.keyboard.type('070-111 22 33');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Boka', 'Tab from the phone number does not go to "Boka"');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/bokningar\/kvitto\/[^/]+$/);
    receiptURL = page.url();
    code = decodeURIComponent(receiptURL.slice(receiptURL.lastIndexOf('/') + 1));
    assert.ok(bare(code).length >= 12, `the receipt's address ends in "${code}", which is no code`);
  });

  test('the receipt shows the place, the private address, the directions, the name and the code', async () => {
    const receipt = page.locator('article.receipt');
    await receipt.getByRole('heading', { name: 'Du har en plats', level: 1 }).waitFor();
    assert.equal(await page.title(), 'Kvitto på bokning – personal – Pratcafé Söder');
    receiptText = await receipt.innerText();
    const lines = receiptText.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const line of ['Samtalsgrupp', meeting.day, 'kl. 08.00–09.00', 'Glimten', ADDRESS, DIRECTIONS, 'Bokad för: Astrid']) {
      assert.ok(lines.includes(line), `the receipt lacks the line "${line}":\n${receiptText}`);
    }
    assert.ok(await receipt.getByText(ADDRESS, { exact: true }).isVisible(), 'the address is not visible');
    assert.equal(await receipt.locator('strong').innerText(), ADDRESS, 'the address is not in bold');
    assert.ok(await receipt.getByText(DIRECTIONS, { exact: true }).isVisible(), 'the directions are not visible');
    const shown = (await receipt.locator('p.code').innerText()).trim();
    assert.equal(bare(shown), bare(code), `the receipt shows the code "${shown}", its address says "${code}"`);
    assert.ok(await receipt.locator('p.code').isVisible());
    assert.match(receiptText, new RegExp(`Kan du inte komma\\? Skriv koden på skärmen i Pratcafé Söder, eller ring ${CAFE_PHONE}\\.`),
      'the receipt does not say how to cancel, with the café\'s phone number');
    // On screen, the receipt is in large type.
    const px = await receipt.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(px >= 20, `the receipt's text is ${px}px on screen`);
    expectNone(await pageProblems(page, 'kiosk-admin-receipt'), `${page.url()}:`);
  });

  // A long one-word Swedish name ("Promenadgruppen") must wrap inside the receipt at 320 px.
  test('at 320 px the receipt\'s text stays inside the receipt', async () => {
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 320, height: 640 });
    try {
      await page.waitForFunction(() => window.innerWidth === 320);
      const over = await page.evaluate(() => [...document.querySelectorAll('.receipt, .receipt *')]
        .filter((el) => el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.scrollWidth} px of text in ${el.clientWidth} px: ${window.__describe(el)}`));
      expectNone(over, `${page.url()} at 320 px: text sticks out of its box`);
    } finally {
      await page.setViewportSize(viewport);
    }
  });

  test('the booking is on the bookings page, under its meeting', async () => {
    await page.getByRole('link', { name: 'Tillbaka till bokningarna' }).click();
    await page.getByRole('heading', { name: 'Bokningar', level: 1 }).waitFor();
    const card = page.locator('section.session-card').filter({ has: page.locator(`a[href="${bookHref}"]`) });
    assert.match(await card.locator('.session-count').textContent(), /Bokade platser: 1 av 2/);
    const row = card.getByRole('row', { name: /Astrid/ });
    assert.equal(bare(await row.locator('.code-cell').textContent()), bare(code), 'the bookings page shows another code than the receipt');
  });

  test('the receipt prints on one page in large type, without the staff menu', async () => {
    await page.goto(receiptURL);
    await page.locator('article.receipt').waitFor();
    // What the printer gets: the staff's header and the links around the receipt are gone.
    await page.emulateMedia({ media: 'print' });
    try {
      const print = await page.evaluate(() => ({
        hidden: [...document.querySelectorAll('header.top, .skip-link, .no-print')].filter((el) => el.checkVisibility()).map(window.__describe),
        text: parseFloat(getComputedStyle(document.querySelector('.receipt p:not([class])')).fontSize),
        code: parseFloat(getComputedStyle(document.querySelector('.receipt .code')).fontSize),
      }));
      assert.deepEqual(print.hidden, [], 'these are printed but are not the receipt');
      // 14 pt = 18.67 px: large print for a slip of paper.
      assert.ok(print.text >= 18.6, `the receipt's text is printed at ${(print.text * 0.75).toFixed(1)} pt`);
      assert.ok(print.code >= 24, `the code is printed at ${(print.code * 0.75).toFixed(1)} pt`);
    } finally {
      await page.emulateMedia({ media: null });
    }

    const pdf = path.join(SHOTS, 'receipt.pdf');
    fs.writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
    const info = poppler('pdfinfo', [pdf]);
    assert.match(info, /^Pages:\s+1$/m, `the receipt does not print on one page:\n${info}`);
    const text = poppler('pdftotext', ['-layout', pdf, '-']);
    assert.ok(text.includes(ADDRESS), `the printed receipt lacks the address:\n${text}`);
    assert.ok(text.includes(DIRECTIONS), `the printed receipt lacks the directions:\n${text}`);
    assert.ok(bare(text).includes(bare(code)), `the printed receipt lacks the code ${code}:\n${text}`);
    assert.ok(bare(text).includes(bare(receiptText)), `the printed receipt is not all of the receipt (cut off?):\n${text}`);
    for (const staffOnly of ['Logga ut', 'Bokningar', 'Tillbaka till bokningarna', 'Pratcafé Söder: personal', 'Hoppa till innehållet']) {
      assert.ok(!text.includes(staffOnly), `the printed receipt has "${staffOnly}" of the staff pages:\n${text}`);
    }
    // A picture of the printed page, to look at.
    poppler('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, path.join(SHOTS, 'receipt')]);
  });

  // Chromium does not know the A6 keyword, so kiosk.css writes the size out (105 × 148 mm).
  test('the receipt\'s printed page is A6', async () => {
    const info = poppler('pdfinfo', [path.join(SHOTS, 'receipt.pdf')]);
    const m = info.match(/^Page size:\s+([\d.]+) x ([\d.]+) pts/m);
    assert.ok(m, `pdfinfo gave no page size:\n${info}`);
    const [width, height] = [Number(m[1]), Number(m[2])];
    assert.ok(Math.abs(width - A6.width) <= A6.slack && Math.abs(height - A6.height) <= A6.slack,
      `the receipt prints on ${width} × ${height} pt, not A6 (${A6.width} × ${A6.height} pt)`);
  });

  test('a full meeting puts the next caller in the queue, and the receipt says so', async () => {
    const book = async (name) => {
      await page.goto(`${server.baseURL}/admin/bokningar`);
      await page.locator(`a[href="${bookHref}"]`).click();
      await page.getByLabel('Förnamn eller smeknamn').fill(name);
      await page.getByRole('button', { name: 'Boka', exact: true }).click();
      await page.waitForURL(/\/admin\/bokningar\/kvitto\//);
    };
    await book('Kim');
    await page.getByRole('heading', { name: 'Du har en plats', level: 1 }).waitFor();
    await book('Lo');
    await page.getByRole('heading', { name: 'Du står i kö', level: 1 }).waitFor();
    const text = await page.locator('article.receipt').innerText();
    assert.match(text, /Bokad för: Lo/);
    assert.match(text, /Det var fullt\. Om någon avbokar får du platsen/);
    // Without a number the receipt still says how to cancel, and the address is there.
    assert.match(text, new RegExp(ADDRESS));
    expectNone(await pageProblems(page, 'kiosk-admin-receipt-waitlist'), `${page.url()} (waiting list):`);
  });

  test('no requests to other origins', () => {
    assert.deepEqual(foreign, []);
  });
});
