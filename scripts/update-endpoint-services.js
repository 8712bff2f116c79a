#!/usr/bin/env node
// Writes src/model/data/endpoint-services.json: for each interface endpoint service the tool knows,
// the regions that offer it, derived from botocore's endpoints.json (the regional endpoints of the
// service's API). The service list below is written from "AWS services that integrate with AWS
// PrivateLink" (https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html);
// a service's endpoint is taken to exist in a region where its API has a regional endpoint, which
// is how AWS launches them but not a promise: the table says so in its `source`.
//
//   node scripts/update-endpoint-services.js            rewrite the file from the installed models
//   node scripts/update-endpoint-services.js --check    exit 1 when the committed file differs
'use strict';
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const ROOT = join(__dirname, '..');
const OUTPUT = join(ROOT, 'src', 'model', 'data', 'endpoint-services.json');
const DATA = process.env.BOTOCORE_DATA ?? '/usr/lib/python3/dist-packages/botocore/data';
const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];

// Endpoint service suffix (com.amazonaws.<region>.<suffix>) -> the endpoints.json service whose
// regions it follows. Services without an API of their own follow the API they serve.
const SERVICES = {
  'access-analyzer': 'access-analyzer', 'acm-pca': 'acm-pca', 'athena': 'athena',
  'autoscaling': 'autoscaling', 'backup': 'backup', 'cloudformation': 'cloudformation', 'cloudtrail': 'cloudtrail',
  'codebuild': 'codebuild', 'codecommit': 'codecommit', 'config': 'config', 'datasync': 'datasync',
  'dynamodb': 'dynamodb', 'ebs': 'ebs', 'ec2': 'ec2', 'ec2messages': 'ssm', 'ecr.api': 'api.ecr', 'ecr.dkr': 'api.ecr',
  'ecs': 'ecs', 'ecs-agent': 'ecs', 'ecs-telemetry': 'ecs', 'elasticfilesystem': 'elasticfilesystem',
  'elasticloadbalancing': 'elasticloadbalancing', 'elasticmapreduce': 'elasticmapreduce', 'email-smtp': 'email',
  'events': 'events', 'execute-api': 'apigateway', 'glue': 'glue', 'guardduty-data': 'guardduty', 'kinesis-firehose': 'firehose',
  'kinesis-streams': 'kinesis', 'kms': 'kms', 'lambda': 'lambda', 'logs': 'logs', 'monitoring': 'monitoring',
  'rds': 'rds', 'redshift': 'redshift', 's3': 's3', 'secretsmanager': 'secretsmanager', 'securityhub': 'securityhub',
  'servicecatalog': 'servicecatalog', 'sns': 'sns', 'sqs': 'sqs', 'ssm': 'ssm',
  'ssm-incidents': 'ssm-incidents', 'ssmmessages': 'ssm', 'states': 'states', 'sts': 'sts', 'xray': 'xray',
};

function botocoreVersion() {
  const m = /^__version__ = '([^']+)'/m.exec(readFileSync(join(dirname(DATA), '__init__.py'), 'utf8'));
  if (!m) throw new Error('cannot read the botocore version');
  return m[1];
}

function build() {
  const endpoints = JSON.parse(readFileSync(join(DATA, 'endpoints.json'), 'utf8'));
  const regions = {};
  for (const partition of endpoints.partitions.filter((p) => PARTITIONS.includes(p.partition))) {
    for (const [service, api] of Object.entries(SERVICES)) {
      const known = Object.keys(partition.regions);
      const offered = Object.entries(partition.services[api]?.endpoints ?? {})
        .filter(([region, e]) => known.includes(region) && !e.deprecated)
        .map(([region]) => region);
      (regions[service] ??= []).push(...offered);
    }
  }
  const sorted = Object.fromEntries(Object.keys(regions).sort().map((s) => [s, [...new Set(regions[s])].sort()]));
  const allRegions = [...new Set(endpoints.partitions.filter((p) => PARTITIONS.includes(p.partition)).flatMap((p) => Object.keys(p.regions)))].sort();
  return {
    source: `botocore ${botocoreVersion()} endpoints.json (regional endpoints of each service's API, partitions ${PARTITIONS.join(', ')}); service list from https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html`,
    regions: allRegions,
    services: sorted,
  };
}

const text = `${JSON.stringify(build(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (!existsSync(OUTPUT) || readFileSync(OUTPUT, 'utf8') !== text) {
    console.error(`${OUTPUT} does not match the installed botocore; run node scripts/update-endpoint-services.js`);
    process.exit(1);
  }
} else writeFileSync(OUTPUT, text);
