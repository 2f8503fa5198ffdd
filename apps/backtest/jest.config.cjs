const preset = require('../../config/jest.preset.cjs');

// @ares/connectors loads ccxt, whose CommonJS build requires @noble/* and @scure/* packages that ship
// only ESM: compile those to CommonJS for jest, leave the rest of node_modules untouched.
// The CLI tests spawn dist/main.js, so the app is built before the suite (test/buildDist.cjs).
const esmOnly = '@(noble|scure)';
module.exports = {
  ...preset,
  transform: {
    ...preset.transform,
    [`^.+/node_modules/${esmOnly}/.+\\.js$`]: ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!\\.pnpm/${esmOnly}\\+)(?!${esmOnly}/)`],
  globalSetup: '<rootDir>/test/buildDist.cjs',
};
