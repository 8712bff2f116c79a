/**
 * The tests a mutation run uses (npm run mutate): those of the pure layers. Test files that
 * synthesize whole apps at describe level (test/stacks, test/cli, test/properties) cost seconds
 * per mutant even when none of their tests cover it, so they are left out; a mutant that only
 * they would kill counts as survived, and the score is a lower bound for the whole suite.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/rules/**/*.test.ts', '<rootDir>/test/model/**/*.test.ts', '<rootDir>/test/config/**/*.test.ts'],
};
