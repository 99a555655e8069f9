// The sites and pages the browser suite visits. Add a page by adding a line; add a site (for
// example the café kiosk, once it exists) by adding a target. A target is either
//   { site: '<folder with site.toml>' }  – built with `omtanke build` and served by the suite,
//   { site, siteToml: 'key = "value"' } – the same, from a copy whose site.toml starts with
//                                          these lines (a variant of a site's configuration), or
//   { baseURL: 'http://127.0.0.1:8080' } – something already running (the suite only visits it).
// Each page: path, a short `type` (used for screenshot names; one screenshot per type), the
// HTTP `status` it must answer with (200 unless given) and optionally the `h1` it must show.
// A kiosk page with `staff: true` is visited logged in as staff.
//
// To check something already running instead (`omtanke serve`, a preview, the kiosk):
//   OMTANKE_TEST_URL=http://127.0.0.1:1111 OMTANKE_TEST_PATHS=/,/kalender/ npm --prefix tests/browser test
'use strict';

const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');

// Every build uses the same "today", so calendars and "ended" states are stable.
const TODAY = '2026-11-26';

const targets = [
  {
    name: 'site',
    site: REPO,
    pages: [
      { path: '/', type: 'home' },
      { path: '/stod/', type: 'section' },
      { path: '/stod/tips/', type: 'page' },
      { path: '/aktiviteter/pratcafe-soder/', type: 'activity' },
      { path: '/aktiviteter/samtalsgrupp-ensamhet/', type: 'activity-bookable' },
      { path: '/aktiviteter/sommarpicknick-raa/', type: 'activity-ended' },
      { path: '/platser/at-soder/', type: 'place' },
      { path: '/aktiviteter/', type: 'activities' },
      { path: '/aktiviteter/intresse/fika/', type: 'filter-interest' },
      { path: '/aktiviteter/omrade/soder/', type: 'filter-area' },
      { path: '/aktiviteter/dag/torsdag/', type: 'filter-day' },
      { path: '/kalender/', type: 'calendar' },
      { path: '/platser/', type: 'places' },
      { path: '/anslagstavla/', type: 'board' },
      { path: '/anslagstavla/boule-i-ramlosa-brunnspark/', type: 'post' },
      { path: '/nyheter/', type: 'news' },
      { path: '/anslagstavla/invanarpott/', type: 'citizens-pot' },
      { path: '/om/tillganglighet/', type: 'accessibility-statement' },
      { path: '/stod/tips/lattlast/', type: 'easy-read' },
      { path: '/program/', type: 'programme' },
      { path: '/en/', type: 'en-home' },
      { path: '/en/aktiviteter/pratcafe-soder/', type: 'en-activity' },
      { path: '/en/aktiviteter/gafotboll/', type: 'en-activity-untranslated' },
      { path: '/en/aktiviteter/intresse/fika/', type: 'en-filter-interest' },
      { path: '/en/kalender/', type: 'en-calendar' },
      { path: '/en/stod/', type: 'en-section-untranslated' },
      { path: '/en/anslagstavla/', type: 'en-board' },
      { path: '/sok/', type: 'search', h1: 'Sök' },
      { path: '/finns-inte/', type: 'not-found', status: 404, h1: 'Sidan finns inte' },
    ],
    // The pages the keyboard test tabs through.
    keyboard: ['/', '/aktiviteter/pratcafe-soder/', '/sok/'],
  },
  {
    // The real site with a web inbox for suggestions: the board carries the suggestion form, and
    // the thank-you page the inbox sends residents to exists.
    name: 'site-suggest',
    site: REPO,
    siteToml: 'suggest_url = "https://forslag.omtanke.helsingborg.example/forslag"',
    pages: [
      { path: '/anslagstavla/', type: 'board-form' },
      { path: '/anslagstavla/tack/', type: 'suggest-thanks', h1: 'Tack för ditt förslag!' },
      { path: '/en/anslagstavla/', type: 'en-board-form' },
      { path: '/en/anslagstavla/tack/', type: 'en-suggest-thanks', h1: 'Thank you for your suggestion!' },
    ],
    // Tab reaches every field and the button, never the honeypot, and focus shows on each.
    keyboard: ['/anslagstavla/'],
  },
  {
    name: 'fixture-good',
    site: path.join(REPO, 'tests', 'fixtures', 'good'),
    pages: [
      { path: '/', type: 'home' },
      { path: '/stod/tips/', type: 'page' },
      { path: '/aktiviteter/sondagsfika/', type: 'activity-with-image' },
      { path: '/aktiviteter/fredagsmote/', type: 'activity' },
      { path: '/aktiviteter/sommarpicknick/', type: 'activity-ended' },
      { path: '/aktiviteter/', type: 'activities' },
      { path: '/kalender/', type: 'calendar' },
      { path: '/anslagstavla/boule/', type: 'post' },
      { path: '/nyheter/forsta/', type: 'news-item' },
      { path: '/platser/huset/', type: 'place' },
      { path: '/statistik/', type: 'statistics' },
      { path: '/utvardering/', type: 'evaluation' },
      { path: '/finns-inte/', type: 'not-found', status: 404, h1: 'Sidan finns inte' },
    ],
    keyboard: [],
  },
];

// The kiosk's bookable group meets every day at 08:00 (kiosk/tests/fixtures/site), so
// tomorrow's meeting can always be booked.
function tomorrowsSession() {
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(tomorrow);
  return encodeURIComponent(`grupp@${day}T08:00`);
}

targets.push({
  name: 'kiosk',
  // A staff password, so staff pages (`staff: true`) are visited logged in; a month of surveys,
  // which the survey's staff page lists as going on (its figures come once the month has ended;
  // kiosk/tests/survey.rs checks those); and a suggestion for the staff's suggestion pages.
  kiosk: { content: path.join(REPO, 'kiosk', 'tests', 'fixtures', 'site'), staffPassword: 'webbläsartestets lösenord', surveys: 12, suggestions: 1 },
  pages: [
    { path: '/', type: 'kiosk-home' },
    { path: '/tack/1', type: 'kiosk-thanks' },
    { path: '/valkommen', type: 'kiosk-welcome' },
    { path: '/boka', type: 'kiosk-sessions' },
    { path: `/boka/plats?tillfalle=${tomorrowsSession()}`, type: 'kiosk-book', h1: 'Boka plats' },
    { path: '/avboka', type: 'kiosk-cancel' },
    { path: '/integritet', type: 'kiosk-privacy' },
    { path: '/foresla', type: 'kiosk-suggest', h1: 'Föreslå en aktivitet Steg 1 av 5' },
    { path: '/foreslaget', type: 'kiosk-suggested' },
    // The website's inbox form, for visitors whose post needed correcting: a web page, it scrolls.
    { path: '/forslag', type: 'kiosk-inbox', scrolls: true },
    { path: '/admin/login', type: 'kiosk-admin-login' },
    { path: '/fragor', type: 'kiosk-survey-intro' },
    { path: '/fragor/1', type: 'kiosk-survey-question', h1: 'Jag känner en allmän känsla av tomhet.' },
    { path: '/fragor/tack', type: 'kiosk-survey-thanks' },
    { path: '/admin/utvardering', type: 'kiosk-admin-survey', staff: true, h1: 'Utvärdering' },
    { path: '/admin', type: 'kiosk-admin-visits', staff: true, h1: 'Besök' },
    { path: '/admin/bokningar', type: 'kiosk-admin-bookings', staff: true, h1: 'Bokningar' },
    { path: '/admin/forslag', type: 'kiosk-admin-suggestions', staff: true, h1: 'Förslag till anslagstavlan' },
    { path: '/admin/forslag/1', type: 'kiosk-admin-suggestion', staff: true, h1: 'Förslag: Boule i parken 1' },
  ],
  keyboard: ['/', '/boka'],
});

function fromEnvironment() {
  const baseURL = process.env.OMTANKE_TEST_URL;
  if (!baseURL) return null;
  const paths = (process.env.OMTANKE_TEST_PATHS || '/').split(',').map((p) => p.trim()).filter(Boolean);
  return [{
    name: 'external',
    baseURL,
    pages: paths.map((p, i) => ({ path: p, type: `page${i + 1}` })),
    keyboard: paths,
  }];
}

module.exports = { REPO, TODAY, targets: fromEnvironment() || targets };
