// What people print, printed: Chromium prints each kind of printable page to PDF (page.pdf()), and
// the PDF is read back with poppler-utils — the number and size of pages, and the text, which
// must be all of it (nothing cut off at a card's edge). QR codes are read from a screenshot by an
// independent decoder (zbar's zbarimg) and must give the page's absolute address, here under a
// sub-path with a Swedish letter, as a site published in someone else's folder would have.
// Pictures of the printed pages are left in OMTANKE_SCREENSHOTS (/tmp/omtanke-screenshots).
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { REPO } = require('../pages');
const { buildSite, serve, launch, newContext, visit, expectNone } = require('../lib/harness');

const SHOTS = process.env.OMTANKE_SCREENSHOTS || path.join(os.tmpdir(), 'omtanke-screenshots');
const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'good');
const PREFIX = '/förening';
const A4 = { width: 595.28, height: 841.89, slack: 2 };

function run(tool, args) {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${tool} could not run (${r.error.code}): .ci/run installs it`);
  assert.equal(r.status, 0, `${tool} ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

/** Prints the page to a PDF in SHOTS and returns { pages, width, height, text, file }. */
async function printed(page, name) {
  const file = path.join(SHOTS, `${name}.pdf`);
  fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = run('pdfinfo', [file]);
  const size = info.match(/^Page size:\s+([\d.]+) x ([\d.]+) pts/m);
  run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(SHOTS, name)]);
  return {
    pages: Number(info.match(/^Pages:\s+(\d+)$/m)[1]),
    width: Number(size[1]),
    height: Number(size[2]),
    // In reading order, card by card (-layout would interleave the two columns of cards).
    text: run('pdftotext', [file, '-']),
    file,
  };
}

/** Elements of `selector` whose content does not fit inside them when printed. */
function clippedWhenPrinted(page, selector) {
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].flatMap((box) => {
    const outer = box.getBoundingClientRect();
    const out = [...box.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && (r.bottom > outer.bottom + 0.5 || r.right > outer.right + 0.5);
    });
    return box.scrollHeight > box.clientHeight + 1 || out.length
      ? [`${window.__describe(box)}: ${out.map(window.__describe).join(', ') || `${box.scrollHeight} px of content in ${box.clientHeight} px`}`]
      : [];
  }), selector);
}

const squash = (t) => t.replace(/\s+/g, ' ');

describe('printed cards and posters', () => {
  let tmp, web, browser, context, page;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omtanke-print-'));
    const out = path.join(tmp, 'public');
    fs.mkdirSync(out);
    web = await serve(out, PREFIX);
    buildSite(FIXTURE, null, out, web.baseURL);
    browser = await launch();
    ({ context } = await newContext(browser, web.baseURL));
    page = await context.newPage();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await web?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('a referral card prints as four A6 cards on one A4 sheet, each whole, in large type', async () => {
    await visit(page, `${web.baseURL}/aktiviteter/fredagsmote/kort/`);
    await page.emulateMedia({ media: 'print' });
    try {
      expectNone(await clippedWhenPrinted(page, '.referral-card'), 'cut off on paper:');
      const sizes = await page.evaluate(() => [...document.querySelectorAll('.referral-card')].map((c) => {
        const r = c.getBoundingClientRect();
        return { width: r.width, height: r.height, body: parseFloat(getComputedStyle(c.querySelector('.card-facts')).fontSize) };
      }));
      assert.equal(sizes.length, 4, 'four cards to the sheet');
      for (const s of sizes) {
        // 105 × 148.5 mm at 96 px an inch.
        assert.ok(Math.abs(s.width - 396.9) < 2 && Math.abs(s.height - 561.3) < 2, `a card is ${s.width} × ${s.height} px, not A6`);
        assert.ok(s.body >= 18.6, `the card's facts print at ${(s.body * 0.75).toFixed(1)} pt, under 14 pt`);
      }
    } finally {
      await page.emulateMedia({ media: null });
    }
    const pdf = await printed(page, 'print-referral-card');
    assert.equal(pdf.pages, 1, `the card sheet prints on ${pdf.pages} pages`);
    assert.ok(Math.abs(pdf.width - A4.width) < A4.slack && Math.abs(pdf.height - A4.height) < A4.slack,
      `the sheet is ${pdf.width} × ${pdf.height} pt, not A4`);
    const text = squash(pdf.text);
    assert.equal(text.match(/Fredagsmöte/g)?.length, 4, `four copies of the card's title:\n${pdf.text}`);
    for (const fact of ['FÖRSTA STEGET', 'Byhuset, Byvägen 2, Påarp', '20 kr. Boka plats först.', 'Nästa gånger:']) {
      assert.ok(text.includes(fact), `the printed card lacks "${fact}":\n${pdf.text}`);
    }
    for (const screenOnly of ['Hoppa till', 'Aktiviteter', 'Det här kortet är gjort för att ge']) {
      assert.ok(!text.includes(screenOnly), `"${screenOnly}" is printed but is not the card:\n${pdf.text}`);
    }
  });

  for (const { kind, url, listing, heading, facts } of [
    {
      kind: 'place', url: '/platser/huset/affisch/', listing: '/platser/huset/', heading: 'Det här händer på Huset',
      facts: ['Söndag 29 november', 'Söndagsfika', 'Frågor? Ring 012-345 67 89', 'Affischen gjordes 26 november 2026.'],
    },
    {
      kind: 'area', url: '/aktiviteter/omrade/soder/affisch/', listing: '/aktiviteter/omrade/soder/', heading: 'Det här händer i Söder',
      facts: ['Söndag 20 december', 'Kvällscafé', 'Frågor? Ring 012-345 67 89'],
    },
  ]) {
    test(`the ${kind}'s poster prints on one A4 page with its four weeks, and its QR code is the listing`, async () => {
      await visit(page, `${web.baseURL}${url}`);
      const pdf = await printed(page, `print-poster-${kind}`);
      assert.equal(pdf.pages, 1, `the poster prints on ${pdf.pages} pages`);
      assert.ok(Math.abs(pdf.width - A4.width) < A4.slack && Math.abs(pdf.height - A4.height) < A4.slack,
        `the poster is ${pdf.width} × ${pdf.height} pt, not A4`);
      const text = squash(pdf.text);
      for (const fact of [heading, ...facts]) {
        assert.ok(text.includes(fact), `the printed poster lacks "${fact}":\n${pdf.text}`);
      }
      for (const screenOnly of ['Hoppa till', 'Affischen är gjord för att skrivas ut', 'Behöver du hjälp nu?']) {
        assert.ok(!text.includes(screenOnly), `"${screenOnly}" is printed but is not the poster:\n${pdf.text}`);
      }
      const shot = path.join(SHOTS, `print-poster-${kind}-qr.png`);
      await page.locator('.poster .qr').screenshot({ path: shot });
      assert.equal(run('zbarimg', ['--quiet', '--raw', shot]).trim(), new URL(`${web.baseURL}${listing}`).href);
    });
  }

  test('the snackebord\'s questions print as folded table cards, two to a landscape A4 sheet', async () => {
    await visit(page, `${web.baseURL}/snackebord/`);
    await page.emulateMedia({ media: 'print' });
    try {
      expectNone(await clippedWhenPrinted(page, '.table-card-side'), 'cut off on paper:');
      const sides = await page.evaluate(() => [...document.querySelectorAll('.table-card-side')].map((side) => ({
        height: side.getBoundingClientRect().height,
        turned: getComputedStyle(side).transform !== 'none',
        size: side.querySelector('.table-card-question') && parseFloat(getComputedStyle(side.querySelector('.table-card-question')).fontSize),
      })));
      // Three questions: two cards, each half of an A5 sheet (105 mm); the back upside down.
      assert.equal(sides.length, 4);
      for (const [i, s] of sides.entries()) {
        assert.ok(Math.abs(s.height - 396.85) < 2, `side ${i} is ${s.height} px tall, not 105 mm`);
        assert.equal(s.turned, i % 2 === 0, `side ${i} is ${s.turned ? '' : 'not '}upside down`);
        if (s.size) assert.ok(s.size >= 26.6, `a question prints at ${(s.size * 0.75).toFixed(1)} pt, under 20 pt`);
      }
    } finally {
      await page.emulateMedia({ media: null });
    }
    const pdf = await printed(page, 'print-table-cards');
    assert.equal(pdf.pages, 1, `two cards print on ${pdf.pages} sheets`);
    assert.ok(Math.abs(pdf.width - A4.height) < A4.slack && Math.abs(pdf.height - A4.width) < A4.slack,
      `the sheet is ${pdf.width} × ${pdf.height} pt, not A4 landscape`);
    const text = squash(pdf.text);
    for (const q of ['Vad gjorde dig glad den här veckan?', 'Vilken årstid tycker du bäst om, och varför?', 'Vad skulle du vilja lära dig?']) {
      assert.ok(text.includes(q), `the printed cards lack "${q}":\n${pdf.text}`);
    }
    assert.ok(!text.includes('Gör egna bordskort'), `the instructions are printed:\n${pdf.text}`);
  });

  test('"Hänvisa någon": staff tick two activities and print their cards together on one sheet', async () => {
    await visit(page, `${web.baseURL}/for-dig-som-moter/hanvisa/`);
    // An activity under two interests has one tick: ticking it in one place ticks it everywhere.
    await page.getByLabel('Välj: Söndagsfika').first().check();
    assert.equal(await page.getByLabel('Välj: Söndagsfika').nth(1).isChecked(), true);
    await page.getByLabel('Välj: Söndagsfika').nth(1).uncheck();
    await page.getByRole('button', { name: 'Skriv ut valda kort' }).click();
    await page.getByRole('status').getByText('Kryssa i de aktiviteter du vill ha kort för.').waitFor();
    await page.getByLabel('Välj: Fredagsmöte').first().check();
    await page.getByLabel('Välj: Kvällscafé').first().check();
    await page.getByRole('button', { name: 'Skriv ut valda kort' }).click();
    await page.waitForURL(/\/hanvisa\/kort\/\?valda=/);
    await page.getByRole('heading', { name: 'Fredagsmöte', level: 2 }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Söndagsfika' }).count(), 0, 'a card that was not chosen is shown');
    const pdf = await printed(page, 'print-referral-chosen');
    assert.equal(pdf.pages, 1, `two cards print on ${pdf.pages} pages`);
    const text = squash(pdf.text);
    assert.ok(text.includes('Fredagsmöte') && text.includes('Kvällscafé'), `the chosen cards are not printed:\n${pdf.text}`);
    assert.ok(!text.includes('Söndagsfika'), `a card that was not chosen is printed:\n${pdf.text}`);
  });

  test('"Hänvisa någon" without JavaScript: no ticks, and each activity links its own card', async () => {
    const { context: plain } = await newContext(browser, web.baseURL, { javaScriptEnabled: false });
    try {
      const p = await plain.newPage();
      await visit(p, `${web.baseURL}/for-dig-som-moter/hanvisa/`);
      assert.equal(await p.getByRole('checkbox').count(), 0, 'ticks that cannot work without JavaScript');
      assert.equal(await p.getByRole('button', { name: 'Skriv ut valda kort' }).count(), 0);
      const link = p.getByRole('link', { name: /^Kort att skriva ut\s*: Fredagsmöte$/ }).first();
      await link.click();
      await p.waitForURL(/\/aktiviteter\/fredagsmote\/kort\/$/);
      await p.getByRole('heading', { name: 'Fredagsmöte', level: 1 }).waitFor();
    } finally {
      await plain.close();
    }
  });

  test('the card\'s QR code, read from the screen by zbarimg, is the activity page\'s address', async () => {
    await visit(page, `${web.baseURL}/aktiviteter/fredagsmote/kort/`);
    const shot = path.join(SHOTS, 'print-referral-card-qr.png');
    await page.locator('.referral-card .qr').first().screenshot({ path: shot });
    const decoded = run('zbarimg', ['--quiet', '--raw', shot]).trim();
    const expected = new URL(`${web.baseURL}/aktiviteter/fredagsmote/`).href;
    assert.equal(decoded, expected);
    // And it is the page the card is about.
    const res = await page.goto(decoded);
    assert.equal(res.status(), 200);
    await page.getByRole('heading', { name: 'Fredagsmöte', level: 1 }).waitFor();
  });
});
