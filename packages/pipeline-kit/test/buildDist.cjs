// Child-process tests run the built package (dist/), so build it before the suite runs.
// tsc still emits when it reports type errors; those are the typecheck task's to fail, so they
// are printed here but do not stop the suite.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = function buildDist() {
  const tsc = path.resolve(__dirname, '../../../node_modules/.bin/tsc');
  try {
    execFileSync(tsc, ['-p', path.join(__dirname, '..', 'tsconfig.build.json')], { stdio: 'inherit' });
  } catch {
    console.warn('buildDist: tsc reported errors; child-process tests run whatever it emitted.');
  }
};
