/** Tests are transpiled by swc without type-checking; `npm run typecheck` runs tsc over the whole project. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  // Jest's default on two cores is one worker; both cores roughly halve `npm test` here (49 s -> 33 s).
  maxWorkers: 2,
};
