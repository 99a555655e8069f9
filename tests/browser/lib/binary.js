// The omtanke binary the suite builds sites with. Its own module because both pages.js (which
// builds the real site once to pick its pages) and lib/harness.js need it, and the harness
// already requires pages.js.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..', '..', '..');
const BIN = process.env.OMTANKE_BIN
  ? path.resolve(process.env.OMTANKE_BIN)
  : path.join(REPO, 'target', 'debug', 'omtanke');

// The theme is compiled into the binary, so without OMTANKE_BIN the suite runs `cargo build`
// once (a second when nothing changed) to test the current templates and stylesheet.
let built = false;
function omtankeBinary() {
  if (!process.env.OMTANKE_BIN && !built) {
    execFileSync('cargo', ['build', '--quiet', '--bin', 'omtanke'], { cwd: REPO, stdio: 'inherit' });
    built = true;
  }
  if (!fs.existsSync(BIN)) throw new Error(`the omtanke binary ${BIN} does not exist`);
  return BIN;
}

module.exports = { omtankeBinary };
