import { error, type Finding, type YamlPath } from '../config/diagnostics';
import { checkRegion } from '../model/regions';
import type { Rule } from './rule';

const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/** A region that does not exist, or lies in another partition, fails only at apply. */
export const regionsMatchPartition: Rule = {
  code: 'LZ0113',
  name: 'regions-match-partition',
  check({ config }) {
    const { partition, homeRegion, allowedRegions } = config.organization;
    const checks: Array<[string, YamlPath]> = [
      [homeRegion, ['organization', 'homeRegion']],
      ...allowedRegions.map((r, i): [string, YamlPath] => [r, ['organization', 'allowedRegions', i]]),
      ...(config.network?.region !== undefined ? [[config.network.region, ['network', 'region']] as [string, YamlPath]] : []),
    ];
    const findings: Finding[] = [];
    for (const [region, path] of checks) {
      const found = checkRegion(region, partition);
      if (found.ok) continue;
      if (found.reason === 'other-partition')
        findings.push(error(this.code, path, `The region ${region} belongs to the ${found.partition} partition, but organization.partition is ${partition}.`,
          `Use a region of ${partition}, or set organization.partition to ${found.partition}.`));
      else {
        const what = REGION.test(region) ? `"${region}" is not a region of the ${partition} partition.` : `"${region}" is not a region name.`;
        findings.push(error(this.code, path, what, found.suggestion !== undefined ? `Did you mean \`${found.suggestion}\`?` : 'Use a region code such as us-east-1 or eu-central-1.'));
      }
    }
    const seen = new Set<string>();
    allowedRegions.forEach((r, i) => {
      if (seen.has(r)) findings.push(error(this.code, ['organization', 'allowedRegions', i], `The region ${r} is listed twice.`, 'Remove the duplicate.'));
      seen.add(r);
    });
    return findings;
  },
};
