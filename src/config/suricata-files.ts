import { readFileSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import { error, type Finding } from './diagnostics';
import type { OrgConfig } from './schema';

/** The code of Suricata rule file problems. */
export const SURICATA_FILE_CODE = 'LZ0525';

/** The largest rules string a Network Firewall rule group takes (RuleGroup.RulesSource.RulesString). */
const MAX_RULES_STRING = 2_000_000;

/**
 * Reads the Suricata rule files that rule groups name with `suricataFile`, relative to org.yaml and
 * never outside its directory, and returns the config with each file's text as the group's
 * inline `suricata`: the rules and the model then see one form. A file that cannot be read, is
 * empty, or is larger than a rule group holds is an error at the `suricataFile` reference.
 * @see https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-examples.html
 */
export function readSuricataFiles(config: OrgConfig, dir: string): { config: OrgConfig; findings: Finding[] } {
  const inspection = config.network?.inspection;
  if (!inspection) return { config, findings: [] };
  const findings: Finding[] = [];
  const groups = { ...inspection.ruleGroups };
  for (const key of Object.keys(groups).sort()) {
    const file = groups[key]!.suricataFile;
    if (file === undefined) continue;
    const path = ['network', 'inspection', 'ruleGroups', key, 'suricataFile'];
    const relative = normalize(file);
    if (isAbsolute(file) || relative.startsWith('..')) {
      findings.push(error(SURICATA_FILE_CODE, path, `The Suricata rule file "${file}" is outside the directory of org.yaml.`,
        'Keep rule files next to org.yaml (e.g. firewall/egress.rules) and give the path relative to it.'));
      continue;
    }
    let text: string;
    try {
      text = readFileSync(join(dir, relative), 'utf8');
    } catch (e) {
      findings.push(error(SURICATA_FILE_CODE, path, `The Suricata rule file "${file}" cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
        'Check the path: it is relative to the directory of org.yaml.'));
      continue;
    }
    if (text.trim() === '') {
      findings.push(error(SURICATA_FILE_CODE, path, `The Suricata rule file "${file}" is empty.`, 'Put at least one rule in the file, or remove the rule group.'));
      continue;
    }
    if (text.length > MAX_RULES_STRING) {
      findings.push(error(SURICATA_FILE_CODE, path, `The Suricata rule file "${file}" has ${text.length} characters; a rule group holds at most ${MAX_RULES_STRING}.`,
        'Split the rules into several rule groups.'));
      continue;
    }
    const { suricataFile: _read, ...rest } = groups[key]!;
    groups[key] = { ...rest, suricata: text };
  }
  return { config: { ...config, network: { ...config.network!, inspection: { ...inspection, ruleGroups: groups } } }, findings };
}
