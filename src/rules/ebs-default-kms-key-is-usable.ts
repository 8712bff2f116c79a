import { error, type Finding } from '../config/diagnostics';
import { baselineAccountKeys, baselineLayersOf, KMS_KEY_ARN } from '../model/baseline';
import type { Rule } from './rule';

/**
 * The default EBS key is regional: a key ARN must be of the organization's partition, and with more
 * than one allowed region be a multi-region key (lz sets its replica in each region) or, with one,
 * be in that region.
 * @see https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html#encryption-by-default
 */
export const ebsDefaultKmsKeyIsUsable: Rule = {
  code: 'LZ1004',
  name: 'ebs-default-kms-key-is-usable',
  check({ config }) {
    const org = config.organization;
    const regions = [...new Set([org.homeRegion, ...org.allowedRegions])];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const key of baselineAccountKeys(config)) {
      const { layers, paths } = baselineLayersOf(config, key);
      layers.forEach((layer, i) => {
        const arn = layer?.ebsEncryption?.kmsKeyArn;
        const path = [...paths[i]!, 'ebsEncryption', 'kmsKeyArn'];
        if (arn === undefined || seen.has(path.join('.'))) return;
        seen.add(path.join('.'));
        const m = KMS_KEY_ARN.exec(arn);
        if (!m) {
          findings.push(error(this.code, path, `"${arn}" is not a KMS key ARN.`, `Use arn:${org.partition}:kms:<region>:<account id>:key/<key id>, as \`aws kms describe-key\` prints it.`));
          return;
        }
        if (m[1] !== org.partition)
          findings.push(error(this.code, path, `The key ${arn} is in partition ${m[1]}, but the organization is in ${org.partition}.`, `Use a key of the ${org.partition} partition.`));
        else if (regions.length > 1 && !m[4]!.startsWith('mrk-'))
          findings.push(error(this.code, path, `The key ${arn} is a single-region key, but EBS needs a default key in each of the ${regions.length} allowed regions (${regions.join(', ')}).`,
            'Use a multi-region key (key id mrk-...) replicated into every allowed region; lz sets its replica in each.'));
        else if (regions.length === 1 && m[2] !== regions[0])
          findings.push(error(this.code, path, `The key ${arn} is in ${m[2]}, but the only allowed region is ${regions[0]}.`, `Use a key in ${regions[0]}.`));
      });
    }
    return findings;
  },
};
