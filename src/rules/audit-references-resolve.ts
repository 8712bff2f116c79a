import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { CONTROL_IDS } from '../model/audit/catalog';
import { sortedEntries, type Rule } from './rule';

/**
 * `audit` names controls that `lz audit` checks and accounts of org.yaml: a control it does not
 * check could never fail, so requiring it would promise what nobody verifies.
 */
export const auditReferencesResolve: Rule = {
  code: 'LZ1101',
  name: 'audit-references-resolve',
  check({ config }) {
    const audit = config.audit;
    if (!audit) return [];
    const findings: Finding[] = [];
    const unknownControl = (id: string, path: Array<string | number>, atKey: boolean) => {
      if (CONTROL_IDS.includes(id)) return;
      const suggestion = closest(id, CONTROL_IDS);
      findings.push(error(this.code, path, `\`${id}\` is not a control lz audit checks.`,
        suggestion ? `Did you mean \`${suggestion}\`? The controls are listed in docs/guides/audit.md.` : 'Name one of the controls listed in docs/guides/audit.md.', atKey));
    };
    if (audit.required !== 'all') audit.required.forEach((id, i) => unknownControl(id, ['audit', 'required', i], false));
    for (const [id, exception] of sortedEntries(audit.exceptions)) {
      unknownControl(id, ['audit', 'exceptions', id], true);
      (exception.accounts ?? []).forEach((key, i) => {
        if (config.accounts[key]) return;
        const suggestion = closest(key, Object.keys(config.accounts));
        findings.push(error(this.code, ['audit', 'exceptions', id, 'accounts', i], `The account \`${key}\` is not in accounts.`,
          suggestion ? `Did you mean \`${suggestion}\`?` : 'Name an account key from accounts.'));
      });
    }
    return findings;
  },
};
