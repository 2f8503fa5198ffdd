module.exports = { ...require('../../config/jest.preset.cjs'), globalSetup: '<rootDir>/test/buildDist.cjs' };
