// Shared machinery: build a site with the omtanke binary, serve it on 127.0.0.1, start Debian's
// Chromium through playwright-core, and record every request the pages make.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { chromium } = require('playwright-core');
const { REPO, TODAY } = require('../pages');
const { describeInit } = require('./inpage');
const { omtankeBinary } = require('./binary');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * A copy of the site at `root` whose site.toml starts with the lines `siteToml` (top-level keys
 * such as suggest_url or base_url; a key the file already sets is replaced), in `dir`. Only what
 * a site is made of is copied: site.toml, content/, static/ and themes/.
 */
function siteVariant(root, siteToml, dir) {
  const site = path.join(dir, 'site');
  fs.mkdirSync(site);
  for (const part of ['content', 'static', 'themes']) {
    if (fs.existsSync(path.join(root, part))) fs.cpSync(path.join(root, part), path.join(site, part), { recursive: true });
  }
  const keys = siteToml.trim().split('\n').map((l) => l.split('=')[0].trim()).filter(Boolean);
  const lines = fs.readFileSync(path.join(root, 'site.toml'), 'utf8').split('\n');
  const tables = lines.findIndex((l) => l.trim().startsWith('['));
  // TOML refuses a key set twice, so the file's own line for a key given here goes.
  const kept = lines.filter((l, i) => (tables !== -1 && i >= tables) || !keys.includes(l.split('=')[0].trim()));
  fs.writeFileSync(path.join(site, 'site.toml'), `${siteToml.trim()}\n${kept.join('\n')}`);
  return site;
}

/**
 * Builds the site at `root` into a fresh temporary folder and returns the folder. With
 * `siteToml`, a copy of the site with those lines at the top of its site.toml is built instead.
 * With `output`, the site is built there (a folder that may already be served) instead. With
 * `baseURL`, the site is published at that address (`--base-url`) instead of site.toml's. With
 * `today`, the build's "today" is that day (YYYY-MM-DD) instead of pages.js's TODAY.
 */
function buildSite(root, siteToml, output, baseURL, today = TODAY) {
  const tmp = output ? path.dirname(output) : fs.mkdtempSync(path.join(os.tmpdir(), 'omtanke-browser-'));
  const out = output || path.join(tmp, 'public');
  if (siteToml) root = siteVariant(root, siteToml, fs.mkdtempSync(path.join(tmp, 'variant-')));
  try {
    const args = ['build', '--root', root, '--output', out, '--today', today, ...(baseURL ? ['--base-url', baseURL] : [])];
    execFileSync(omtankeBinary(), args, {
      stdio: 'pipe',
      encoding: 'utf8',
    });
  } catch (e) {
    throw new Error(`omtanke build --root ${root} failed:\n${e.stderr || e.message}`);
  }
  return out;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

/**
 * Serves `dir` like a plain static host: /x/ → /x/index.html, unknown → 404.html with 404. With
 * `prefix` (such as '/undermapp'), `dir` is served at that path only, like a site published in a
 * folder of someone else's: /undermapp/x/ → x/index.html, and anything outside /undermapp/ is a
 * plain 404 that is not the site's. The address returned is then the origin and the prefix.
 */
function serve(dir, prefix = '') {
  const server = http.createServer((req, res) => {
    let pathname;
    const raw = new URL(req.url, 'http://localhost').pathname;
    try {
      pathname = decodeURIComponent(raw);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (prefix) {
      if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Only ${prefix}/ is served here.\n`);
        return;
      }
      pathname = pathname.slice(prefix.length) || '/';
    }
    let file = path.join(dir, path.normalize(pathname));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: raw + '/' }).end();
        return;
      }
      file = path.join(file, 'index.html');
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    let status = 200;
    if (!stat || !stat.isFile()) {
      status = 404;
      file = path.join(dir, '404.html');
    }
    const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ baseURL: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/**
 * Makes a target ready to visit: builds and serves `target.site` (with `target.siteToml` added
 * to its site.toml when given), or uses `target.baseURL`
 * as it is. Returns { baseURL, dir (the built folder, or null), close() }.
 */
async function start(target) {
  if (target.kiosk) {
    return startKiosk(target.kiosk);
  }
  if (target.baseURL) {
    return { baseURL: target.baseURL.replace(/\/$/, ''), dir: null, close: async () => {} };
  }
  const dir = buildSite(target.site, target.siteToml);
  const server = await serve(dir);
  const close = async () => {
    await server.close();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  };
  return { baseURL: server.baseURL, dir, close };
}

const KIOSK_BIN = process.env.OMTANKE_KIOSK_BIN
  ? path.resolve(process.env.OMTANKE_KIOSK_BIN)
  : path.resolve(__dirname, '..', '..', '..', 'target', 'debug', 'omtanke-kiosk');

/**
 * Starts the kiosk daemon on an ephemeral port with a fresh database in a temporary folder,
 * on the site folder `options.content`. With `options.config` (the text of a kiosk.toml, such as
 * `inbox_only = true`) the daemon reads that file too. With `options.staffPassword` the staff
 * password is set first (`omtanke-kiosk passwd`), so staff pages can be visited after `logIn`;
 * with `options.surveys` that many finished surveys are sent through the survey's form, so the
 * staff page has this month's responses to list; with `options.suggestions` that many
 * suggestions arrive through the website's inbox, so the staff's suggestion pages have one to
 * show. Returns { baseURL, dir: null, staffPassword, close() }.
 */
async function startKiosk(options) {
  if (!process.env.OMTANKE_KIOSK_BIN) {
    execFileSync('cargo', ['build', '--quiet', '-p', 'omtanke-kiosk'], { cwd: REPO, stdio: 'inherit' });
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omtanke-kiosk-'));
  const db = path.join(tmp, 'db.sqlite3');
  const config = options.config ? path.join(tmp, 'kiosk.toml') : null;
  if (config) fs.writeFileSync(config, options.config);
  if (options.staffPassword) {
    execFileSync(KIOSK_BIN, ['--db', db, 'passwd'], { input: `${options.staffPassword}\n`, stdio: ['pipe', 'ignore', 'pipe'] });
  }
  const server = await spawnKiosk(options, db, tmp, config);
  try {
    for (let i = 0; i < (options.surveys || 0); i++) await sendSurvey(server.baseURL, i);
    for (let i = 0; i < (options.suggestions || 0); i++) await sendSuggestion(server.baseURL, i);
  } catch (e) {
    await server.close();
    throw e;
  }
  return { ...server, staffPassword: options.staffPassword };
}

// The statements' ids in kiosk/survey.toml, in order, and answers that vary between surveys.
const SURVEY_ITEMS = ['emptiness', 'rely', 'trust', 'close', 'miss', 'rejected'];
const SURVEY_VALUES = ['ja', 'mer-eller-mindre', 'nej'];

/** The value of the input named `name` in `html` (the first one), or null. */
function inputValue(html, name) {
  for (const tag of html.match(/<input\b[^>]*>/g) || []) {
    if (!tag.includes(`name="${name}"`)) continue;
    const value = tag.match(/\bvalue="([^"]*)"/);
    if (value) return value[1];
  }
  return null;
}

/**
 * Posts one finished survey, as the question screens would after the sixth answer. The form's
 * id is the one the first question's screen was given by the kiosk: ids are the server's to
 * issue, and each is stored once.
 */
async function sendSurvey(baseURL, n) {
  const first = await fetch(`${baseURL}/fragor/1`);
  const html = await first.text();
  const form = inputValue(html, 'formular');
  if (first.status !== 200 || !form) throw new Error(`the survey's first screen has no form id: HTTP ${first.status}\n${html}`);
  const body = new URLSearchParams([['formular', form], ...SURVEY_ITEMS.map((id, i) => [id, SURVEY_VALUES[(n * (i + 1) + i) % 3]])]);
  const res = await fetch(`${baseURL}/fragor`, { method: 'POST', body, redirect: 'manual' });
  if (res.status !== 303) throw new Error(`a survey was not stored: HTTP ${res.status}\n${await res.text()}`);
}

/** Posts one suggestion to the website's inbox, as the bulletin board's form would. */
async function sendSuggestion(baseURL, n) {
  const body = new URLSearchParams([
    ['titel', `Boule i parken ${n + 1}`], ['beskrivning', 'Vi spelar boule och fikar efteråt.\nAlla är välkomna.'],
    ['nar', 'Onsdagar kl. 14'], ['var', 'Ramlösa brunnspark'], ['intresse', 'fika'], ['namn', 'Lennart'],
    ['kontakt', '070-123 45 67'], ['webbplats', ''],
  ]);
  const res = await fetch(`${baseURL}/forslag`, { method: 'POST', body, redirect: 'manual' });
  if (res.status !== 303) throw new Error(`a suggestion was not stored: HTTP ${res.status}\n${await res.text()}`);
}

/**
 * Books a place through the kiosk's JSON API (for setting up data, not for testing booking);
 * returns { code, status }.
 */
async function bookThroughApi(baseURL, session, name) {
  const res = await fetch(`${baseURL}/api/bookings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ session, name }),
  });
  if (res.status !== 201) throw new Error(`booking through the API failed: HTTP ${res.status}\n${await res.text()}`);
  return res.json();
}

/**
 * Logs in as staff the only way a person can: opens the login page in `page`, types the
 * password into the field labelled "Lösenord" and presses "Logga in". The session cookie stays
 * in the page's browser context.
 */
async function logIn(page, server) {
  const response = await page.goto(`${server.baseURL}/admin/login`, { waitUntil: 'load' });
  if (new URL(page.url()).pathname !== '/admin/login') {
    throw new Error(`the login page went to ${page.url()} (HTTP ${response?.status()}): already logged in?`);
  }
  await page.getByLabel('Lösenord', { exact: true }).fill(server.staffPassword);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  try {
    await page.waitForURL(`${server.baseURL}/admin`, { timeout: 10000 });
  } catch {
    const said = await page.locator('.error-summary, h1').first().textContent({ timeout: 1000 }).catch(() => '');
    throw new Error(`staff login failed: the browser is at ${page.url()}, which says "${(said || '').trim()}"`);
  }
}

/**
 * The Cookie header of a new staff session, for plain fetch(): logged in through the login page
 * in a context of its own in `browser`.
 */
async function staffCookie(browser, server) {
  const context = await browser.newContext();
  try {
    await logIn(await context.newPage(), server);
    const cookies = await context.cookies();
    if (cookies.length === 0) throw new Error('staff login set no cookie');
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await context.close();
  }
}

/**
 * Makes `page` a visitor's (no cookies) or, for a page marked `staff` in pages.js, a logged-in
 * member of staff's, before visiting it. A staff session from an earlier page is kept: every
 * login goes through the login page, and one per context is enough.
 */
async function sessionFor(page, server, p) {
  if (!p.staff) {
    await page.context().clearCookies();
    return;
  }
  const origin = new URL(server.baseURL).hostname;
  const cookies = await page.context().cookies();
  if (!cookies.some((c) => c.domain === origin)) await logIn(page, server);
}

function spawnKiosk(options, db, tmp, config) {
  const { spawn } = require('node:child_process');
  const args = ['--content', options.content, '--db', db, '--listen', '127.0.0.1:0', ...(config ? ['--config', config] : [])];
  const child = spawn(KIOSK_BIN, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`the kiosk did not start:\n${seen}`)), 20000);
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      // Up to the slash after the address: standard error can arrive in pieces.
      const m = seen.match(/listening on (http:\/\/[^/\s]+)\//);
      if (m && timer) {
        clearTimeout(timer);
        resolve({
          baseURL: m[1],
          dir: null,
          close: async () => {
            if (child.exitCode === null && child.signalCode === null) {
              child.kill('SIGTERM');
              await new Promise((r) => child.once('exit', r));
            }
            fs.rmSync(tmp, { recursive: true, force: true });
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`the kiosk exited with ${code}:\n${seen}`)));
  });
}

function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new browser context that records every request; requests to any other origin than
 * `baseURL` (and the origins in `others`) are recorded in `foreign` and blocked (so a mistake
 * never reaches the network).
 */
async function newContext(browser, baseURL, options = {}, others = []) {
  // The kiosk's Content-Security-Policy would stop axe-core being injected; the policy itself is
  // tested on the kiosk's responses, so the browser may ignore it here unless `options` say not.
  const context = await browser.newContext({ bypassCSP: true, ...options });
  const origins = [baseURL, ...others].map((u) => new URL(u).origin);
  const foreign = [];
  const isLocal = (url) => url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank' ||
    origins.includes(new URL(url).origin);
  context.on('request', (request) => {
    const url = request.url();
    if (!isLocal(url)) {
      const frame = request.frame();
      foreign.push(`${url} (requested by ${frame ? frame.url() : '?'})`);
    }
  });
  await context.addInitScript(describeInit);
  await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
  return { context, foreign };
}

/** Opens `url` and checks the HTTP status. */
async function visit(page, url, status = 200) {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response) throw new Error(`${url}: no response`);
  if (response.status() !== status) {
    throw new Error(`${url}: expected HTTP status ${status}, got ${response.status()}`);
  }
  return response;
}

/** Every .html file below `dir`. */
function htmlFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) {
      found.push(path.join(entry.parentPath ?? entry.path, entry.name));
    }
  }
  return found.sort();
}

/** A failed check: reported as its message alone, without a stack trace. */
class CheckFailed extends Error {
  constructor(message) {
    super(message);
    this.name = 'CheckFailed';
    this.stack = message;
  }
}

/** Fails with `heading` and one line per problem when `problems` is not empty. */
function expectNone(problems, heading) {
  if (problems.length > 0) throw new CheckFailed(`${heading}\n${problems.join('\n')}`);
}

module.exports = {
  startKiosk, logIn, staffCookie, sessionFor, bookThroughApi, siteVariant, CheckFailed, expectNone, buildSite, serve, start, launch, newContext, visit, htmlFiles, omtankeBinary };
