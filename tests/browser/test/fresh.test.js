// A page built some days ago stays honest in the browser (themes/omtanke/static/assets/fresh.js):
// on the day it was built nothing changes; days later the days that have passed are hidden from
// the coming days, "I dag" leaves a day that is no longer today, and a notice says how old the
// page is. The browser's clock is set, so the test does not depend on the day it runs.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { targets, TODAY } = require('../pages');
const { start, launch, newContext, visit } = require('../lib/harness');

const target = targets.find((t) => t.name === 'fixture-good');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Noon on a day `days` after the build, in the site's time zone.
function dayAfterBuild(days) {
  const d = new Date(`${TODAY}T12:00:00+01:00`);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

if (target) {
  describe(`an old page in the browser ${target.name}`, () => {
    let server;
    before(async () => { server = await start(target); });
    after(async () => { await server?.close(); });

    async function home(days) {
      const { context } = await newContext(browser, server.baseURL);
      const page = await context.newPage();
      await page.clock.setFixedTime(dayAfterBuild(days));
      await visit(page, `${server.baseURL}/`);
      await page.waitForLoadState('load');
      const state = await page.evaluate(() => ({
        notice: document.querySelector('.notice-stale')?.textContent || null,
        shown: [...document.querySelectorAll('[data-date]')].filter((d) => !d.hidden).map((d) => d.dataset.date),
        all: [...document.querySelectorAll('[data-date]')].map((d) => d.dataset.date),
        todayLabels: [...document.querySelectorAll('.today-label')].filter((l) => !l.hidden && !l.closest('[hidden]')).length,
      }));
      await context.close();
      return state;
    }

    test('on the day it was built the page is as built', async () => {
      const s = await home(0);
      assert.equal(s.notice, null);
      assert.deepEqual(s.shown, s.all, 'every coming day shows');
      assert.ok(s.all.length > 0, 'the fixture has coming days');
    });

    test('four days later the passed days are hidden and a notice tells the page is old', async () => {
      const s = await home(4);
      const later = dayAfterBuild(4).toISOString().slice(0, 10);
      assert.ok(s.notice && s.notice.includes('uppdaterades senast 26 november 2026'), `notice: ${s.notice}`);
      assert.ok(s.shown.every((d) => d >= later), `still shown: ${s.shown}`);
      assert.ok(s.shown.length < s.all.length, 'some days were hidden');
      assert.equal(s.todayLabels, 0, '"I dag" is not on another day');
    });
  });
}
