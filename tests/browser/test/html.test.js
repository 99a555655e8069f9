// Every generated .html file of every built site must be valid HTML (Nu Html Checker, vnu.jar,
// run with the system's java: one java start per site).
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { fileURLToPath } = require('node:url');
const vnuJar = String(require('vnu-jar'));
const { targets } = require('../pages');
const { buildSite, htmlFiles, expectNone, startKiosk, staffCookie, launch } = require('../lib/harness');

const JAVA = process.env.JAVA || 'java';

for (const target of targets.filter((t) => t.site)) {
  test(`valid HTML: every page of ${target.name}`, () => {
    const dir = buildSite(target.site, target.siteToml);
    try {
      const files = htmlFiles(dir);
      assert.ok(files.length > 0, `no .html files in ${dir}`);
      const run = spawnSync(JAVA, ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      assert.ifError(run.error);
      let report;
      try {
        report = JSON.parse(run.stderr || run.stdout);
      } catch {
        assert.fail(`vnu.jar gave no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
      }
      const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
      const lines = errors.map((m) => {
        const file = m.url ? path.relative(dir, fileURLToPath(m.url)) : '?';
        return `${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ${m.message}` +
          (m.extract ? `\n    ${m.extract.replace(/\n/g, '⏎')}` : '');
      });
      expectNone(lines, `${target.name} (built from ${target.site}): ${errors.length} HTML error(s) in ${files.length} files:`);
      assert.equal(run.status, 0, `vnu.jar exited with ${run.status}:\n${run.stderr}`);
    } finally {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
}

// Pages served by a running program (the kiosk) are fetched and checked the same way.
for (const target of targets.filter((t) => t.kiosk)) {
  test(`valid HTML: every listed page of ${target.name}`, async () => {
    const server = await startKiosk(target.kiosk);
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'omtanke-kiosk-html-'));
    let browser;
    try {
      const files = [];
      // Staff log in only through the login page: a browser does it, and the pages are then
      // fetched with its session cookie.
      let cookie = null;
      if (target.pages.some((p) => p.staff)) {
        browser = await launch();
        cookie = await staffCookie(browser, server);
      }
      for (const [i, p] of target.pages.entries()) {
        const res = await fetch(server.baseURL + p.path, { headers: p.staff ? { cookie } : {}, redirect: 'manual' });
        assert.equal(res.status, p.status ?? 200, `${p.path}: HTTP ${res.status}`);
        const file = path.join(dir, `${i}-${p.type}.html`);
        fs.writeFileSync(file, await res.text());
        files.push(file);
      }
      const run = spawnSync(JAVA, ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
      assert.ifError(run.error);
      const report = JSON.parse(run.stderr || run.stdout);
      const lines = report.messages
        .filter((m) => m.type === 'error' || m.subType === 'fatal')
        .map((m) => `${path.basename(fileURLToPath(m.url))}:${m.lastLine ?? '?'}: ${m.message}`);
      expectNone(lines, `${target.name}: HTML errors:`);
    } finally {
      await browser?.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
