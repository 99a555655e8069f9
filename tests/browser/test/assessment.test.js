// lib/assessment.js writes the browser suite's findings into the accessibility facts: the
// [tested] table is replaced, everything before it is kept, and the file stays valid TOML that
// the generator reads (checked by building a site with it).
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { REPO } = require('../pages');
const { omtankeBinary } = require('../lib/binary');
const { recordTested } = require('../lib/assessment');

test('the [tested] table is replaced with the run\'s facts, the rest kept, and the site builds with it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omtanke-assessment-'));
  try {
    const site = path.join(dir, 'site');
    fs.cpSync(path.join(REPO, 'tests', 'fixtures', 'good'), site, { recursive: true });
    fs.mkdirSync(path.join(site, 'content', 'om'), { recursive: true });
    fs.writeFileSync(path.join(site, 'content', 'om', 'tillganglighet.md'), '+++\ntitle = "Tillgänglighet"\n+++\n\nOm webbplatsen.\n');
    const file = path.join(site, 'content', 'data', 'tillganglighet.toml');
    const head = '# Granskningen\nstatus = "partly"\nassessed = 2026-11-20\nmethod = "Egen granskning."\n';
    fs.writeFileSync(file, `${head}\n[tested]\ndate = 2026-01-01\ntools = ["gammalt"]\npages = 1\nviolations = 9\n`);
    recordTested(file, { date: '2026-12-07', tools: ['axe-core 4.11.0', 'Chromium "143"'], pages: 31, violations: 0 });
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.startsWith(head), text);
    assert.match(text, /\[tested\]\ndate = 2026-12-07\ntools = \["axe-core 4\.11\.0", "Chromium \\"143\\""\]\npages = 31\nviolations = 0\n$/);
    assert.equal(text.match(/\[tested\]/g).length, 1);
    const out = path.join(dir, 'public');
    execFileSync(omtankeBinary(), ['build', '--root', site, '--output', out, '--today', '2026-12-07'], { stdio: 'pipe' });
    const page = fs.readFileSync(path.join(out, 'om', 'tillganglighet', 'index.html'), 'utf8');
    assert.match(page, /Den senaste automatiska testningen gjordes 7 december 2026 med axe-core 4\.11\.0 och Chromium &quot;143&quot;, på 31 sidor\. Den hittade inga fel\./);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
