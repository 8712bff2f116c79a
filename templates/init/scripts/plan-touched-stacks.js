#!/usr/bin/env node
// Plans the stacks a change touched, wave by wave: a stack is touched when its cdk.tf.json differs
// from the base branch's synthesis (or is new). Usage: node scripts/plan-touched-stacks.js <base out dir>
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const base = process.argv[2];
if (!base) throw new Error('usage: plan-touched-stacks.js <cdktf.out of the base branch>');
const read = (dir, stack) => {
  const file = join(dir, 'stacks', stack, 'cdk.tf.json');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};
const { waves } = JSON.parse(execFileSync('npx', ['lz', 'plan-order', '--format', 'json'], { encoding: 'utf8' }));
let planned = 0;
for (const [i, wave] of waves.entries()) {
  const touched = wave.filter((stack) => read('cdktf.out', stack) !== read(base, stack));
  for (const stack of touched) {
    console.log(`::group::wave ${i + 1}: terraform plan ${stack}`);
    const dir = join('cdktf.out', 'stacks', stack);
    execFileSync('terraform', [`-chdir=${dir}`, 'init', '-input=false'], { stdio: 'inherit' });
    execFileSync('terraform', [`-chdir=${dir}`, 'plan', '-input=false', '-lock=false'], { stdio: 'inherit' });
    console.log('::endgroup::');
    planned += 1;
  }
}
console.log(planned === 0 ? 'No stack changed.' : `Planned ${planned} touched stacks in wave order.`);
