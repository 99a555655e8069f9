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
// The real site's pages are not named here but picked by kind from a build of it (realSite()):
// editors rename and delete content, and that must not fail the suite. The fixtures are ours and
// name theirs. To try an editor's change on a copy of the site first:
//   OMTANKE_TEST_SITE=/tmp/sajt npm --prefix tests/browser test
//
// To check something already running instead (`omtanke serve`, a preview, the kiosk):
//   OMTANKE_TEST_URL=http://127.0.0.1:1111 OMTANKE_TEST_PATHS=/,/kalender/ npm --prefix tests/browser test
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { omtankeBinary } = require('./lib/binary');

const REPO = path.resolve(__dirname, '..', '..');

// The real site: the repository's, or a copy named by OMTANKE_TEST_SITE (an editor's change
// tried out before it is committed).
const SITE = process.env.OMTANKE_TEST_SITE ? path.resolve(process.env.OMTANKE_TEST_SITE) : REPO;

// Every build uses the same "today", so calendars and "ended" states are stable.
const TODAY = '2026-11-26';

/**
 * What a build of the site at `root` publishes: the address of every page (from the file tree,
 * so the site's base_url does not matter), the activities of api/activities.json with their
 * `path`, and the English pages whose text is still the Swedish one (the theme marks that text
 * lang="sv").
 */
function published(root) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'omtanke-pages-'));
  const remove = () => fs.rmSync(out, { recursive: true, force: true });
  try {
    execFileSync(omtankeBinary(), ['build', '--root', root, '--output', out, '--today', TODAY],
      { stdio: 'pipe', encoding: 'utf8' });
  } catch (e) {
    remove();
    throw new Error(`omtanke build --root ${root} failed:\n${e.stderr || e.message}`);
  }
  try {
    const read = (file) => fs.readFileSync(path.join(out, file), 'utf8');
    const paths = fs.readdirSync(out, { recursive: true })
      .filter((f) => path.basename(f) === 'index.html')
      .map((f) => (path.dirname(f) === '.' ? '/' : `/${path.dirname(f)}/`))
      .sort();
    const api = JSON.parse(read('api/activities.json'));
    const activities = api.activities.map((a) => ({ ...a, path: a.url.slice(api.site.replace(/\/$/, '').length) }));
    const untranslated = new Set(paths.filter((p) => p.startsWith('/en/') &&
      /class="[^"]*\bprose\b[^"]*" lang="sv"/.test(read(`${p}index.html`))));
    return { paths, activities, untranslated };
  } finally {
    remove();
  }
}

// Sections the generator builds itself, the news and the English pages: what is left is what
// editors write in content/ as pages and sections of their own.
const NOT_WRITTEN = /^\/(aktiviteter|platser|anslagstavla|kalender|program|sok|statistik|utvardering|nyheter|en)\//;
const ACCESSIBILITY = '/om/tillganglighet/';

/**
 * The real site's pages, picked by kind from what its build publishes rather than named, so an
 * editor who renames or deletes an activity, a place or a page does not fail the suite. A kind
 * the site has nothing of (no ended activity, no easy-read page) is left out. Also the keyboard
 * test's pages and the activities (for the search test).
 */
function realSite() {
  if (process.env.OMTANKE_TEST_URL) return { pages: [], keyboard: [], activities: [] };
  const { paths, activities, untranslated } = published(SITE);
  const first = (re) => paths.find((p) => re.test(p));
  const built = (p) => (paths.includes(p) ? p : undefined);
  const en = (p) => p && built(`/en${p}`);

  const activity = activities.find((a) => !a.bookable && !a.ended)?.path;
  const bookable = activities.find((a) => a.bookable && !a.ended)?.path;
  const ended = activities.find((a) => a.ended)?.path;
  const english = activities.map((a) => en(a.path)).filter(Boolean);

  const written = paths.filter((p) => p !== '/' && !NOT_WRITTEN.test(p));
  // A section has pages below it; a page's easy-read version (…/lattlast/) does not make it one.
  const sections = written.filter((p) => written.some((q) => q !== p && q !== `${p}lattlast/` && q.startsWith(p)));
  const page = written.find((p) => !sections.includes(p) && !p.endsWith('/lattlast/') && p !== ACCESSIBILITY);
  const enSections = sections.map(en).filter(Boolean);
  const interest = first(/^\/aktiviteter\/intresse\/[^/]+\/$/);

  const pages = [
    { path: '/', type: 'home' },
    { path: sections[0], type: 'section' },
    { path: page, type: 'page' },
    { path: activity, type: 'activity' },
    { path: bookable, type: 'activity-bookable' },
    { path: ended, type: 'activity-ended' },
    { path: first(/^\/platser\/[^/]+\/$/), type: 'place' },
    { path: '/aktiviteter/', type: 'activities' },
    { path: interest, type: 'filter-interest' },
    { path: first(/^\/aktiviteter\/omrade\/[^/]+\/$/), type: 'filter-area' },
    { path: first(/^\/aktiviteter\/dag\/[^/]+\/$/), type: 'filter-day' },
    { path: '/kalender/', type: 'calendar' },
    { path: '/platser/', type: 'places' },
    { path: '/anslagstavla/', type: 'board' },
    { path: first(/^\/anslagstavla\/(?!invanarpott\/)[^/]+\/$/), type: 'post' },
    { path: built('/nyheter/'), type: 'news' },
    { path: '/anslagstavla/invanarpott/', type: 'citizens-pot' },
    { path: built(ACCESSIBILITY), type: 'accessibility-statement' },
    { path: written.find((p) => p.endsWith('/lattlast/')), type: 'easy-read' },
    { path: '/program/', type: 'programme' },
    { path: built('/snackebord/'), type: 'snackebord' },
    { path: built('/for-dig-som-moter/hanvisa/'), type: 'referral' },
    { path: built('/inbadda/'), type: 'embeds' },
    { path: activity && `${activity}kort/`, type: 'referral-card' },
    { path: first(/^\/platser\/[^/]+\/affisch\/$/), type: 'poster-place' },
    { path: first(/^\/aktiviteter\/omrade\/[^/]+\/affisch\/$/), type: 'poster-area' },
    { path: '/en/', type: 'en-home' },
    { path: english.find((p) => !untranslated.has(p)), type: 'en-activity' },
    { path: english.find((p) => untranslated.has(p)), type: 'en-activity-untranslated' },
    { path: en(interest), type: 'en-filter-interest' },
    { path: '/en/kalender/', type: 'en-calendar' },
    { path: enSections.find((p) => !untranslated.has(p)), type: 'en-section' },
    { path: enSections.find((p) => untranslated.has(p)), type: 'en-section-untranslated' },
    { path: '/en/anslagstavla/', type: 'en-board' },
    // Built-in pages whose heading is the theme's own words.
    { path: '/sok/', type: 'search', h1: 'Sök' },
    { path: '/finns-inte/', type: 'not-found', status: 404, h1: 'Sidan finns inte' },
  ].filter((p) => p.path);
  // The pages the keyboard test tabs through.
  const keyboard = ['/', activity, '/sok/'].filter(Boolean);
  return { pages, keyboard, activities };
}

const targets = [
  {
    name: 'site',
    site: SITE,
    ...realSite(),
  },
  {
    // The real site with a web inbox for suggestions: the board carries the suggestion form, and
    // the thank-you page the inbox sends residents to exists.
    name: 'site-suggest',
    site: SITE,
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
      // Every Markdown construct (task list, table, footnotes, pictures, quote, code, raw HTML),
      // in Swedish, English and easy Swedish.
      { path: '/stod/alla-delar/', type: 'every-construct' },
      { path: '/en/stod/alla-delar/', type: 'en-every-construct' },
      { path: '/stod/alla-delar/lattlast/', type: 'easy-read-every-construct' },
      { path: '/aktiviteter/sondagsfika/', type: 'activity-with-image' },
      { path: '/aktiviteter/fredagsmote/', type: 'activity' },
      { path: '/aktiviteter/fredagsmote/kort/', type: 'referral-card' },
      { path: '/en/aktiviteter/fredagsmote/kort/', type: 'en-referral-card' },
      { path: '/platser/huset/affisch/', type: 'poster-place' },
      { path: '/aktiviteter/omrade/soder/affisch/', type: 'poster-area' },
      { path: '/snackebord/', type: 'snackebord' },
      { path: '/for-dig-som-moter/hanvisa/', type: 'referral' },
      { path: '/for-dig-som-moter/hanvisa/kort/', type: 'referral-cards' },
      { path: '/arrangorer/', type: 'organizers' },
      { path: '/inbadda/', type: 'embeds' },
      { path: '/arrangorer/huset/', type: 'organizer' },
      { path: '/en/arrangorer/huset/', type: 'en-organizer' },
      { path: '/en/snackebord/', type: 'en-snackebord' },
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
    { path: '/integritet/en', type: 'kiosk-privacy-en' },
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

module.exports = { REPO, SITE, TODAY, targets: fromEnvironment() || targets };
