import { error, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/** CreateAccount Email: 6-64 characters matching [^\s@]+@[^\s@]+\.[^\s@]+ (anchored). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why CreateAccount would refuse the address, or undefined when it accepts it. */
export function emailProblem(email: string): string | undefined {
  if (email.length < 6 || email.length > 64) return `it has ${email.length} characters; AWS accepts 6 to 64`;
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return 'it needs exactly one "@", with no spaces';
  if (!EMAIL.test(email)) return 'the domain needs a dot';
  return undefined;
}

export const accountEmailsAreValid: Rule = {
  code: 'LZ0107',
  name: 'account-emails-are-valid',
  check({ config }) {
    const findings: Finding[] = [];
    for (const [key, account] of sortedEntries(config.accounts)) {
      const email = account.email;
      const why = emailProblem(email);
      if (why)
        findings.push(error(this.code, ['accounts', key, 'email'], `"${email}" is not a valid account email: ${why}.`,
          `Use an address such as aws+${key}@example.com.`));
    }
    return findings;
  },
};
