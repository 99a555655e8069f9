// Booking a place from home, end to end, as a resident does it in Chromium: the activity page's
// form "Anmäl dig hemifrån" on the static site posts to the website's inbox (a kiosk daemon with
// inbox_only = true and an inbox_token); the inbox's own pages correct a mistake, show the
// request's status page, and find it again by its code ("Min bokning"); the café's kiosk (a
// second daemon, pulling from the inbox with the shared secret) books the request, and its staff
// see the booking and, once the resident cancels, the one from the queue to ring. Every step is
// typed or clicked on the real pages with the daemons' Content-Security-Policy in force; each
// page on the way is checked with axe-core and at 320 px.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO } = require('../pages');
const { buildSite, siteVariant, serve, startKiosk, launch, newContext, logIn, expectNone } = require('../lib/harness');
const { reflowProblems, focusState } = require('../lib/inpage');
const { axeProblems, tabTo } = require('../lib/checks');

const SHOTS = process.env.OMTANKE_SCREENSHOTS || path.join(os.tmpdir(), 'omtanke-screenshots');
const SECRET = 'ett-hemligt-delat-losenord-for-webblasartestets-inkorg';
const PASSWORD = 'personalens långa lösenord för hemifrånbokning';
const ADDRESS = 'Lönnvägen 7';
const DIRECTIONS = 'Ring på porten.';
const NAME = 'Astrid';
const PHONE = '070-123 45 67';
const QUEUED = 'Bertil';
const QUEUED_PHONE = '070-444 44 44';
// How long the café's kiosk (pulling every second) may take to answer the inbox.
const ANSWER_SECONDS = 20;

// Codes are shown grouped (K7M2-P9QX-4TRA): compare the letters.
const bare = (text) => text.replace(/[^0-9a-z]/gi, '').toUpperCase();

/** A day as YYYY-MM-DD in Stockholm, where the site and the kiosk keep their calendar. */
const stockholmDay = (date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(date);

// A group that meets every day at 08:00 (so tomorrow's meeting can always be booked), one place
// a meeting and a queue, at a place whose address the website keeps private: only the one who
// gets a place is told it.
const ACTIVITY = `title = "Samtalsgrupp"
summary = "En liten grupp."
place = { name = "Glimten", address = "${ADDRESS}", address_public = false, area = "Centrum", directions = "${DIRECTIONS}" }

[[schedule]]
weekly = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
start = "08:00"
end = "09:00"

[booking]
capacity = 1
waitlist = true
opens_days_before = 7
`;

/** A site folder with the kiosk fixture's site.toml and the activity above, in `dir`. */
function madeUpSite(dir) {
  const site = path.join(dir, 'made-up');
  fs.mkdirSync(path.join(site, 'content', 'aktiviteter'), { recursive: true });
  fs.copyFileSync(path.join(REPO, 'kiosk', 'tests', 'fixtures', 'site', 'site.toml'), path.join(site, 'site.toml'));
  fs.writeFileSync(path.join(site, 'content', 'aktiviteter', 'grupp.toml'), ACTIVITY);
  return site;
}


/**
 * What every page on the way must be: no axe violations at 1280 px nor at 320 px, and no
 * horizontal scrolling or cut-off text at 320 px. With `shot`, screenshots at both widths are
 * written to SHOTS under that name.
 */
async function pageProblems(page, shot) {
  const problems = await axeProblems(page);
  if (shot) await page.screenshot({ path: path.join(SHOTS, `${shot}-1280.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    await page.waitForFunction(() => window.innerWidth === 320);
    problems.push(...(await page.evaluate(reflowProblems)).map((p) => `at 320 px: ${p}`));
    problems.push(...(await axeProblems(page)).map((p) => `at 320 px: ${p}`));
    if (shot) await page.screenshot({ path: path.join(SHOTS, `${shot}-320.png`), fullPage: true });
  } finally {
    await page.setViewportSize(viewport);
  }
  return problems;
}


/** Presses `key` and checks that the element with id `id` then has visible focus, on screen. */
async function pressTo(page, key, id) {
  await page.keyboard.press(key);
  const s = await page.evaluate(focusState);
  assert.equal(s.id, id, `${key} should move focus to #${id}, it focused ${s.what}`);
  assert.ok(s.indicator, `${s.what} has no visible focus (${s.style})`);
  assert.ok(s.onScreen, `${s.what} has focus but is not on screen`);
}

/** The page's level-one heading, as it reads. */
async function heading(page) {
  return (await page.locator('main h1').innerText()).trim();
}

/**
 * Opens `url` again every second, as a person waiting for an answer would, until its heading is
 * `wanted`; fails after `seconds` with what the page said last.
 */
async function reloadUntil(page, url, wanted, seconds = ANSWER_SECONDS) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const response = await page.goto(url);
    assert.equal(response.status(), 200, `${url}: HTTP ${response.status()}`);
    const said = await heading(page);
    if (said === wanted) return;
    if (Date.now() > deadline) assert.fail(`after ${seconds} s of reloading, ${url} still says "${said}", not "${wanted}"`);
    await page.waitForTimeout(1000);
  }
}

describe('booking a place from home', () => {
  let tmp, web, inbox, cafe, browser, content;
  // The resident at home (the site and the inbox only), the staff at the café, and the café's
  // touch screen (the café's kiosk only).
  let home, staff, screen;
  // What the steps leave for the next ones.
  let activityURL, session, day, statusURL, code;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omtanke-home-booking-'));
    const site = madeUpSite(tmp);
    // The site's address must be known before the inbox starts (it checks a form's Origin
    // against the site's base_url and sends residents back there) and the inbox's before the
    // site is built (its form posts there): serve the folder first, and build into it last.
    const output = path.join(tmp, 'public');
    web = await serve(output);
    content = siteVariant(site, `base_url = "${web.baseURL}"`, fs.mkdtempSync(path.join(tmp, 'content-')));
    inbox = await startKiosk({ content, config: `inbox_only = true\ninbox_token = "${SECRET}"\n` });
    // Today as it is in Stockholm: the inbox refuses meetings that have passed.
    buildSite(site, `booking_url = "${inbox.baseURL}/anmalan"\nbase_url = "${web.baseURL}"`, output, web.baseURL,
      stockholmDay(new Date()));
    activityURL = `${web.baseURL}/aktiviteter/grupp/`;
    browser = await launch();
    // The daemons' real policies apply: their forms must be allowed to post where they post.
    const options = { viewport: { width: 1280, height: 900 }, bypassCSP: false };
    home = await newContext(browser, web.baseURL, options, [inbox.baseURL]);
    home.page = await home.context.newPage();
    home.context.setDefaultTimeout(10000);
    fs.mkdirSync(SHOTS, { recursive: true });
    // The café's kiosk is started once the request has been sent (startCafe): it pulls every
    // second, and could otherwise answer before the status page is first shown.
  });
  after(async () => {
    await browser?.close();
    await cafe?.close();
    await inbox?.close();
    await web?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** The café's computer comes on: its kiosk, pulling from the inbox every second. */
  async function startCafe() {
    cafe = await startKiosk({
      content,
      staffPassword: PASSWORD,
      config: `[inbox]\nurl = "${inbox.baseURL}"\ntoken = "${SECRET}"\ninterval_seconds = 1\n`,
    });
    const options = { viewport: { width: 1280, height: 900 }, bypassCSP: false };
    staff = await newContext(browser, cafe.baseURL, options);
    staff.page = await staff.context.newPage();
    staff.context.setDefaultTimeout(10000);
    screen = await newContext(browser, cafe.baseURL, options);
    screen.page = await screen.context.newPage();
    screen.context.setDefaultTimeout(10000);
  }

  test('the activity page\'s form "Anmäl dig hemifrån" has labelled fields and is reached with Tab', async () => {
    const page = home.page;
    const response = await page.goto(activityURL);
    assert.equal(response.status(), 200);
    await page.getByRole('heading', { name: 'Samtalsgrupp', level: 1 }).waitFor();
    // The website keeps the address private: only the one who gets a place is told it.
    assert.ok(!(await page.locator('main').innerText()).includes(ADDRESS), 'the activity page shows the private address');
    const form = page.getByRole('form', { name: 'Anmäl dig hemifrån' });
    assert.equal(await form.getAttribute('action'), `${inbox.baseURL}/anmalan`);
    // The fields are found by their labels, as a person (or a screen reader) finds them.
    const days = form.getByRole('group', { name: 'Vilken dag?' }).getByRole('radio');
    assert.ok(await days.count() >= 2, 'the form offers fewer than two meetings');
    const name = form.getByLabel('Ditt förnamn eller ett smeknamn');
    const phone = form.getByLabel('Telefonnummer (om du vill)');
    const consent = form.getByLabel(/^Ni får spara mitt namn och nummer/);
    assert.equal(await name.getAttribute('id'), 'anmal-namn');
    assert.equal(await phone.getAttribute('id'), 'anmal-telefon');
    assert.equal(await phone.getAttribute('type'), 'tel');
    assert.equal(await consent.getAttribute('type'), 'checkbox');
    await form.getByRole('button', { name: 'Skicka anmälan' }).waitFor();

    // Tomorrow's meeting, the second choice, is surely still ahead (today's may have passed).
    const tomorrow = stockholmDay(new Date(Date.now() + 24 * 3600 * 1000));
    session = await days.nth(1).getAttribute('value');
    assert.equal(session, `grupp@${tomorrow}T08:00`, 'the second choice is not tomorrow\'s meeting');
    // "tisdag 8 december kl. 08.00": the day, as the café's pages write it too.
    const label = (await page.locator(`label[for="${await days.nth(1).getAttribute('id')}"]`).innerText()).trim();
    assert.match(label, / kl\. 08\.00$/);
    day = label.replace(/ kl\. 08\.00$/, '');

    expectNone(await pageProblems(page, 'home-booking-activity'), `${page.url()}:`);

    // With the keyboard: Tab to the first day, an arrow to tomorrow, then Tab through the form.
    await tabTo(page, days.first(), 'the first day to choose');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.evaluate(focusState);
    assert.equal(chosen.id, await days.nth(1).getAttribute('id'), `the arrow key moved focus to ${chosen.what}, not to tomorrow`);
    assert.ok(await days.nth(1).isChecked(), 'the arrow key did not choose tomorrow');
    await pressTo(page, 'Tab', 'anmal-namn');
    await pressTo(page, 'Tab', 'anmal-telefon');
    await pressTo(page, 'Tab', 'anmal-samtycke');
    await page.keyboard.press('Tab');
    const button = await page.evaluate(focusState);
    assert.match(button.what, /^button\.button\b.* "Skicka anmälan"$/, `Tab from the consent went to ${button.what}`);
    assert.ok(button.indicator, `the button has no visible focus (${button.style})`);

    // The button says what it does in type as large as the form's own, not the browser's
    // smaller default for buttons.
    const px = await form.evaluate((f) => ({
      form: parseFloat(getComputedStyle(f).fontSize),
      button: parseFloat(getComputedStyle(f.querySelector('button[type="submit"]')).fontSize),
    }));
    assert.ok(px.button >= px.form, `"Skicka anmälan" is written in ${px.button}px, the form in ${px.form}px`);
  });

  test('a name of only spaces gets the inbox\'s correction page, whose summary leads to the name field', async () => {
    const page = home.page;
    await page.goto(activityURL);
    const form = page.getByRole('form', { name: 'Anmäl dig hemifrån' });
    await form.locator(`input[type="radio"][value="${session}"]`).check();
    // Spaces pass the browser's `required`: only the inbox can tell there is no name.
    await form.getByLabel('Ditt förnamn eller ett smeknamn').fill('   ');
    await form.getByLabel('Telefonnummer (om du vill)').fill(PHONE);
    await form.getByLabel(/^Ni får spara mitt namn och nummer/).check();
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === `${inbox.baseURL}/anmalan`),
      form.getByRole('button', { name: 'Skicka anmälan' }).click(),
    ]);
    assert.equal(answer.status(), 422, 'the inbox did not answer the mistake with its correction page');
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).origin, inbox.baseURL, 'the correction page is not the inbox\'s');
    assert.ok((await page.title()).startsWith('Fel: '), `the title "${await page.title()}" does not say there is an error`);
    assert.equal(await heading(page), 'Anmäl dig');
    // The meeting chosen on the site is the one the page is about.
    assert.ok((await page.locator('main .lead').innerText()).includes(day), 'the correction page is not about the meeting chosen');
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Något behöver rättas' }).waitFor();
    const link = summary.getByRole('link');
    assert.equal(await link.count(), 1);
    assert.equal((await link.innerText()).trim(), 'Skriv ditt förnamn eller ett smeknamn.');
    // What was typed in the phone field is still there.
    assert.equal(await page.getByLabel('Telefonnummer (om du vill)').inputValue(), PHONE, 'the phone number typed was lost');
    const name = page.getByLabel('Ditt förnamn eller ett smeknamn');
    assert.equal(await name.getAttribute('aria-invalid'), 'true', 'the name field is not marked as wrong');
    expectNone(await pageProblems(page, 'home-booking-correction'), `${page.url()} with an error:`);
    await link.click();
    await page.waitForFunction(() => location.hash === '#namn');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'namn', 'the summary\'s link does not put focus in the name field');
  });

  test('the corrected form lands on the request\'s status page at the inbox, which leads back to the activity', async () => {
    const page = home.page;
    await page.getByLabel('Ditt förnamn eller ett smeknamn').fill(NAME);
    await page.getByLabel(/^Ni får spara mitt namn och nummer/).check();
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await page.waitForURL((u) => u.origin === inbox.baseURL && /^\/anmalan\/[^/]+$/.test(u.pathname));
    statusURL = page.url();
    assert.notEqual(new URL(statusURL).pathname, '/anmalan/tack', 'the request was taken for a robot\'s');
    assert.equal(await heading(page), 'Vi har tagit emot din anmälan');
    const text = await page.locator('main').innerText();
    assert.ok(text.includes(`Samtalsgrupp, ${day} kl. 08.00`), `the status page is not about the meeting chosen:\n${text}`);
    assert.ok(text.includes('Glimten. Du får adressen här när du har fått en plats.'), `the status page does not say where:\n${text}`);
    assert.ok(!text.includes(ADDRESS), 'the status page shows the private address before there is a place');
    expectNone(await pageProblems(page, 'home-booking-received'), `${page.url()}:`);
    const back = page.locator('header a.home-link');
    assert.equal((await back.innerText()).trim(), 'Tillbaka till aktiviteten');
    await back.click();
    await page.waitForURL(activityURL);
    await page.getByRole('heading', { name: 'Samtalsgrupp', level: 1 }).waitFor();
  });

  test('once the café\'s kiosk has answered, the status page says there is a place, where, and the code', async () => {
    await startCafe();
    const page = home.page;
    await reloadUntil(page, statusURL, 'Du har en plats!');
    const where = (await page.locator('main p.where').innerText()).trim();
    assert.equal(where, `Glimten, ${ADDRESS}\n${DIRECTIONS}`, 'the status page does not show the place, its address and directions');
    assert.ok(await page.getByText(ADDRESS, { exact: true }).isVisible(), 'the address is not visible');
    code = (await page.locator('main p.code').innerText()).trim();
    assert.equal(bare(code).length, 12, `the status page shows "${code}", which is no code`);
    assert.equal(await page.locator('main p.code').getAttribute('aria-label'), `Koden är ${code}`);
    await page.getByRole('button', { name: 'Avboka' }).waitFor();
    expectNone(await pageProblems(page, 'home-booking-status'), `${page.url()}:`);
  });

  test('the café\'s staff see the booking under its meeting, with the name typed at home', async () => {
    const page = staff.page;
    await logIn(page, cafe);
    await page.getByRole('navigation', { name: 'Personalens meny' }).getByRole('link', { name: 'Bokningar' }).click();
    await page.getByRole('heading', { name: 'Bokningar', level: 1 }).waitFor();
    const card = page.locator('section.session-card').filter({ has: page.locator('.session-meta', { hasText: new RegExp(`^${day},`) }) });
    assert.equal(await card.count(), 1, `the bookings page has no one meeting on ${day}`);
    assert.match(await card.locator('.session-count').innerText(), /Bokade platser: 1 av 1/);
    const row = card.getByRole('row', { name: new RegExp(NAME) });
    assert.equal(await row.count(), 1, `no booking for ${NAME} under ${day}`);
    assert.equal(bare(await row.locator('.code-cell').innerText()), bare(code), 'the staff see another code than the resident');
    assert.ok((await row.innerText()).includes(PHONE), 'the phone number typed at home is not with the booking');
  });

  test('someone at the café\'s screen books the same meeting with a phone number and is put in the queue', async () => {
    const page = screen.page;
    await page.goto(`${cafe.baseURL}/boka`);
    await page.getByRole('heading', { name: 'Boka plats', level: 1 }).waitFor();
    const meeting = page.locator(`a.session[href="/boka/plats?tillfalle=${encodeURIComponent(session)}"]`);
    assert.equal(await meeting.count(), 1, `the screen does not offer the meeting ${session}`);
    assert.equal((await meeting.locator('.places').innerText()).trim(), 'Fullt – du kan ställa dig i kö',
      'the screen does not count the place booked from home');
    await meeting.click();
    await page.getByRole('heading', { name: 'Boka plats', level: 1 }).waitFor();
    assert.ok((await page.locator('main .lead').innerText()).includes(day), 'the screen\'s form is not for the meeting touched');
    await page.getByLabel('Ditt förnamn eller ett smeknamn').fill(QUEUED);
    await page.getByLabel('Telefonnummer (om du vill)').fill(QUEUED_PHONE);
    await page.getByRole('button', { name: 'Boka', exact: true }).click();
    await page.waitForURL(/\/bokad\/[^/]+$/);
    assert.equal(await heading(page), 'Du står i kö');
  });

  test('"Min bokning" at the inbox finds the booking by its code, typed carelessly, and cancels it', async () => {
    const page = home.page;
    await page.goto(`${inbox.baseURL}/min-bokning`);
    assert.equal(await heading(page), 'Min bokning');
    await page.getByLabel('Koden du fick när du bokade').fill(code.replace(/-/g, '').toLowerCase());
    await page.getByRole('button', { name: 'Visa bokningen' }).click();
    await page.waitForLoadState('load');
    assert.equal(await heading(page), 'Du har en plats!', 'the code does not find the booking');
    assert.ok((await page.locator('main').innerText()).includes(ADDRESS), 'the booking found by its code lacks the address');
    // Told at the end, so that a page that looks wrong does not stop the cancelling.
    const problems = await pageProblems(page, 'home-booking-mine');
    const found = page.url();
    await page.getByRole('button', { name: 'Avboka' }).click();
    await page.waitForLoadState('load');
    assert.equal(await heading(page), 'Vi avbokar');
    // The café's kiosk takes the cancellation at its next pull.
    await reloadUntil(page, statusURL, 'Anmälan är avbokad');
    assert.equal(await page.getByRole('button', { name: 'Avboka' }).count(), 0, 'a cancelled booking can still be cancelled');
    assert.ok(!(await page.locator('main').innerText()).includes(ADDRESS), 'the cancelled request still shows the private address');
    expectNone(problems, `${found} (the booking found by its code):`);
  });

  test('the staff\'s "Att ringa" lists the one from the queue who got the place, with the phone number', async () => {
    const page = staff.page;
    await page.goto(`${cafe.baseURL}/admin/att-ringa`);
    assert.equal(await heading(page), 'Att ringa');
    const rows = page.getByRole('table', { name: 'Att ringa' }).locator('tbody tr');
    assert.equal(await rows.count(), 1, `"Att ringa" lists ${await rows.count()} people, not the one from the queue`);
    const row = rows.first();
    assert.equal((await row.locator('th').innerText()).trim(), QUEUED);
    assert.equal((await row.getByRole('link', { name: QUEUED_PHONE }).getAttribute('href')), `tel:${QUEUED_PHONE.replace(/\D/g, '')}`);
    assert.ok((await row.innerText()).includes(day), `the call is not about the meeting on ${day}`);
    assert.ok(!(await page.locator('main').innerText()).includes(NAME), `${NAME}, who cancelled, is to be called`);
    expectNone(await pageProblems(page, 'home-booking-calls'), `${page.url()}:`);
  });

  test('no requests to other origins', () => {
    assert.deepEqual(home.foreign, [], 'the resident\'s browser asked others than the site and the inbox');
    assert.deepEqual(staff?.foreign, [], 'the staff\'s browser asked others than the café\'s kiosk');
    assert.deepEqual(screen?.foreign, [], 'the café\'s screen asked others than the café\'s kiosk');
  });
});
