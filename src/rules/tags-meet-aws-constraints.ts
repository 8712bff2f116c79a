import { error, type Finding, type YamlPath } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/** TagResource Tag.Key and Tag.Value: letters, spaces, digits and _.:/=+-@ only (the AWS API model's pattern). */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** TagResource: keys 1-128 characters, values 0-256, the "aws:" prefix is reserved, 50 tags per resource. */
export function checkTags(code: string, tags: Readonly<Record<string, string>> | undefined, path: YamlPath): Finding[] {
  const findings: Finding[] = [];
  const entries = sortedEntries(tags);
  if (entries.length > 50)
    findings.push(error(code, path, `${entries.length} tags are given; AWS allows 50 per resource.`, 'Remove tags, or move them into fewer keys.'));
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > 128)
      findings.push(error(code, [...path, key], `The tag key "${key}" has ${key.length} characters; AWS accepts 1 to 128.`, 'Shorten the tag key.', true));
    else if (key.toLowerCase().startsWith('aws:'))
      findings.push(error(code, [...path, key], `The tag key "${key}" starts with "aws:", which AWS reserves for itself.`, 'Use another prefix, such as your organization name.', true));
    else if (!TAG_TEXT.test(key))
      findings.push(error(code, [...path, key], `The tag key ${JSON.stringify(key)} has a character AWS does not accept in tags.`, 'Use letters, digits, spaces and _.:/=+-@ only.', true));
    if (!TAG_TEXT.test(value))
      findings.push(error(code, [...path, key], `The value of tag "${key}" (${JSON.stringify(value)}) has a character AWS does not accept in tags.`, 'Use letters, digits, spaces and _.:/=+-@ only.'));
    else if (value.length > 256)
      findings.push(error(code, [...path, key], `The value of tag "${key}" has ${value.length} characters; AWS accepts at most 256.`, 'Shorten the tag value.'));
  }
  return findings;
}

export const tagsMeetAwsConstraints: Rule = {
  code: 'LZ0114',
  name: 'tags-meet-aws-constraints',
  check({ config, ous }) {
    return [
      ...sortedEntries(config.accounts).flatMap(([key, a]) => checkTags(this.code, a.tags, ['accounts', key, 'tags'])),
      ...ous.flatMap((ou) => checkTags(this.code, ou.tags, [...ou.yamlPath, 'tags'])),
      ...sortedEntries(config.policies).flatMap(([key, p]) => checkTags(this.code, p.tags, ['policies', key, 'tags'])),
    ];
  },
};
