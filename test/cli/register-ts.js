// Preloaded into the `lz synth` worker processes that tests fork: they run the TypeScript sources,
// transpiled by swc as jest transpiles them (no type-check), instead of a build in dist/.
'use strict';
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const options = { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };
  module._compile(transformSync(readFileSync(filename, 'utf8'), options).code, filename);
};
