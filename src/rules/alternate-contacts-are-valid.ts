import { error, type Finding } from '../config/diagnostics';
import type { AlternateContactConfig } from '../config/schema/baseline';
import { baselineAccountKeys, baselineLayersOf, mergedBaselineOf } from '../model/baseline';
import { emailProblem } from './account-emails-are-valid';
import type { Rule } from './rule';

/**
 * PutAlternateContact: Name 1-64, Title 1-50, EmailAddress 1-254 and an address, PhoneNumber 1-25
 * of `[\s0-9()+-]`. An enabled contact needs all four once the levels are merged.
 * @see https://docs.aws.amazon.com/accounts/latest/reference/API_PutAlternateContact.html
 */
const PHONE = /^[\s0-9()+-]{1,25}$/;
const FIELDS = [
  ['name', 64],
  ['title', 50],
  ['email', 254],
  ['phone', 25],
] as const;
const TYPES = ['billing', 'operations', 'security'] as const;

export const alternateContactsAreValid: Rule = {
  code: 'LZ1003',
  name: 'alternate-contacts-are-valid',
  check({ config }) {
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const key of baselineAccountKeys(config)) {
      const contacts = mergedBaselineOf(config, key).alternateContacts ?? {};
      for (const type of TYPES) {
        const c: AlternateContactConfig | undefined = contacts[type];
        if (!c || c.enabled === false) continue;
        // Reported where the value was written: the lowest level that sets the contact.
        const { layers, paths } = baselineLayersOf(config, key);
        const level = layers.map((l, i) => (l?.alternateContacts?.[type] ? i : -1)).filter((i) => i >= 0).at(-1)!;
        const path = [...paths[level]!, 'alternateContacts', type];
        const report = (field: string, message: string, fix: string) => {
          const id = `${path.join('.')}.${field}`;
          if (reported.has(id)) return;
          reported.add(id);
          findings.push(error(this.code, [...path, ...(layers[level]?.alternateContacts?.[type]?.[field as keyof AlternateContactConfig] !== undefined ? [field] : [])], message, fix));
        };
        const missing = FIELDS.filter(([field]) => c[field] === undefined || c[field] === '').map(([field]) => field);
        if (missing.length > 0)
          report('', `The ${type} alternate contact of account ${key} has no ${missing.join(', ')}; AWS needs name, title, email and phone.`,
            `Give ${missing.join(', ')} here or at a higher level, or set \`enabled: false\` to leave the contact alone.`);
        for (const [field, max] of FIELDS) {
          const value = c[field];
          if (value !== undefined && value.length > max)
            report(field, `The ${type} contact's ${field} "${value}" has ${value.length} characters; AWS accepts at most ${max}.`, `Shorten it to ${max} characters.`);
        }
        const why = c.email !== undefined && c.email !== '' ? emailProblem(c.email) : undefined;
        if (why && c.email!.length <= 254) report('email', `"${c.email}" is not a valid contact email: ${why}.`, 'Use an address such as security@example.com.');
        if (c.phone !== undefined && c.phone !== '' && c.phone.length <= 25 && !PHONE.test(c.phone))
          report('phone', `"${c.phone}" is not a phone number AWS accepts: only digits, spaces, +, - and parentheses are allowed.`, 'Write it as +1 206 555 0100.');
      }
    }
    return findings;
  },
};
