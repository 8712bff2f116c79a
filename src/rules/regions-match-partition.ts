import { error, type Finding } from '../config/diagnostics';
import type { Rule } from './rule';

const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** A region that does not exist, or lies in another partition, fails only at apply. */
export const regionsMatchPartition: Rule = {
  code: 'LZ0113',
  name: 'regions-match-partition',
  check({ config }) {
    const { partition, homeRegion, allowedRegions } = config.organization;
    const checks: Array<[string, Array<string | number>]> = [
      [homeRegion, ['organization', 'homeRegion']],
      ...allowedRegions.map((r, i): [string, Array<string | number>] => [r, ['organization', 'allowedRegions', i]]),
    ];
    const findings: Finding[] = [];
    for (const [region, path] of checks) {
      if (!REGION.test(region))
        findings.push(error(this.code, path, `"${region}" is not a region name.`, 'Use a region code such as us-east-1 or eu-central-1.'));
      else if (partitionOf(region) !== partition)
        findings.push(error(this.code, path, `The region ${region} belongs to the ${partitionOf(region)} partition, but organization.partition is ${partition}.`,
          `Use a region of ${partition}, or set organization.partition to ${partitionOf(region)}.`));
    }
    const seen = new Set<string>();
    allowedRegions.forEach((r, i) => {
      if (seen.has(r)) findings.push(error(this.code, ['organization', 'allowedRegions', i], `The region ${r} is listed twice.`, 'Remove the duplicate.'));
      seen.add(r);
    });
    return findings;
  },
};
