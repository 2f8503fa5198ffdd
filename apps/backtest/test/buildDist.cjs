// The CLI tests spawn dist/main.js, so build the app before the suite runs. Its @ares/* dependencies
// run from their own dist/ (turbo's test task depends on ^build). tsc still emits on type errors;
// those are the typecheck task's to fail, so they are printed here but do not stop the suite.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = function buildDist() {
  const tsc = path.resolve(__dirname, '../../../node_modules/.bin/tsc');
  try {
    execFileSync(tsc, ['-p', path.join(__dirname, '..', 'tsconfig.build.json')], { stdio: 'inherit' });
  } catch {
    console.warn('buildDist: tsc reported errors; the CLI tests run whatever it emitted.');
  }
};
