import path from 'node:path';

/** Absolute path of a file under test/fixtures. Fixtures run the built dist/, which jest's globalSetup (test/buildDist.cjs) builds first. */
export function fixture(name: string): string {
  return path.join(__dirname, 'fixtures', name);
}
