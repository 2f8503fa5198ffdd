// Sums every package's jest JSON results into the one line CI reads: "N passed, N failed".
// A failing test command with no failing test counted (a build or install error) counts as one failure.
import fs from 'node:fs';
import path from 'node:path';

const commandStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
for (const group of ['packages', 'apps']) {
  if (!fs.existsSync(group)) continue;
  for (const name of fs.readdirSync(group).sort()) {
    const file = path.join(group, name, '.jest-results.json');
    if (!fs.existsSync(file)) continue;
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    console.log(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numRuntimeErrorTestSuites} suites did not run`);
  }
}
if (commandStatus !== 0 && failed === 0) {
  console.log(`the test command exited with status ${commandStatus}`);
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || commandStatus !== 0 ? 1 : 0);
