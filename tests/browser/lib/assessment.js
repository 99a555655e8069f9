// The browser suite's own findings, written into the site's accessibility facts
// (content/data/tillganglighet.toml, table [tested]) so that the statement tells the latest run:
//   OMTANKE_RECORD_ASSESSMENT=content/data/tillganglighet.toml npm --prefix tests/browser test
'use strict';

const fs = require('node:fs');

/**
 * Replaces the [tested] table of the TOML file `file` (it must be the file's last table, as the
 * file's own comment says) with `facts`: { date: 'YYYY-MM-DD', tools: [..], pages, violations }.
 */
function recordTested(file, facts) {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.search(/^\[tested\]\s*$/m);
  const kept = (at === -1 ? text : text.slice(0, at)).replace(/\s*$/, '\n');
  const quoted = (s) => JSON.stringify(String(s));
  const table = '\n[tested]\n' +
    `date = ${facts.date}\n` +
    `tools = [${facts.tools.map(quoted).join(', ')}]\n` +
    `pages = ${Number(facts.pages)}\n` +
    `violations = ${Number(facts.violations)}\n`;
  fs.writeFileSync(file, kept + table);
}

module.exports = { recordTested };
