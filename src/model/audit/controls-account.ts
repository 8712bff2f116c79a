import { notApplicable, notSatisfied, satisfied, where, type Control } from './control';
import { missingBlockFlags } from './controls-cloudtrail';
import { asList, evidenceOf, parseDocument, type Inventory, type Json, type PlacedResource } from './inventory';

const CIS = 'CIS AWS Foundations Benchmark';

const ofBucket = (inventory: Inventory, type: string, bucket: PlacedResource) =>
  inventory.all(type).filter((r) => inventory.refersTo(r.stack, r.body.bucket, bucket));

/** A statement that denies every S3 action to everyone over plain HTTP. */
function deniesInsecureTransport(statement: Json): boolean {
  const principal = statement.Principal;
  const everyone = principal === '*' || asList((principal as Json | undefined)?.AWS).includes('*');
  const secure = ((statement.Condition as Json | undefined)?.Bool as Json | undefined)?.['aws:SecureTransport'];
  return statement.Effect === 'Deny' && everyone && asList(statement.Action).some((a) => a === 's3:*' || a === '*') && String(secure) === 'false';
}

/** The account's IAM password policy, which IAM.7 and IAM.11 to IAM.17 judge attribute by attribute. */
function passwordControl(id: string, title: string, standards: readonly string[], requires: string, test: (policy: Json) => boolean): Control {
  return {
    id,
    title,
    standards,
    severity: 'Medium',
    scope: 'account',
    requires: `an aws_iam_account_password_policy in the account with ${requires}`,
    limits: 'The policy matters only where IAM users exist; the deny-iam-users guardrail keeps them out where it applies.',
    check: (inventory, { account }) => {
      const policy = inventory.in('aws_iam_account_password_policy', account!)[0];
      if (!policy) return notSatisfied('no IAM password policy: the account keeps the AWS default');
      return test(policy.body) ? satisfied(`the password policy has ${requires}`, [evidenceOf(policy)]) : notSatisfied(`the password policy lacks ${requires}`, [evidenceOf(policy)]);
    },
  };
}

const num = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);

export const ACCOUNT_CONTROLS: readonly Control[] = [
  {
    id: 'Account.1',
    title: 'Security contact information should be provided for an AWS account',
    // Security Hub maps Account.1 to CIS v5.0.0 1.2; its CIS v3.0.0 standard leaves 1.2 (a manual recommendation there) out.
    standards: ['FSBP', `${CIS} v5.0.0 1.2`],
    severity: 'Medium',
    scope: 'account',
    requires: 'an aws_account_alternate_contact of type SECURITY for the account (in its own stacks, or from the management account with account_id naming it)',
    check: (inventory, { account }) => {
      const stackId = inventory.scope.accounts.find((a) => a.key === account)?.stackId;
      const contact = inventory.all('aws_account_alternate_contact').find((c) => c.body.alternate_contact_type === 'SECURITY' &&
        (c.body.account_id === undefined ? c.account === account : inventory.target(c.stack, c.body.account_id)?.stack === `account-${stackId}`));
      return contact ? satisfied('a security contact is set', [evidenceOf(contact)]) : notSatisfied('no security alternate contact is set for this account');
    },
  },
  {
    id: 'S3.1',
    title: 'S3 general purpose buckets should have block public access settings enabled',
    standards: ['FSBP', `${CIS} v1.4.0 2.1.5`, `${CIS} v3.0.0 2.1.4`],
    severity: 'Medium',
    scope: 'account',
    requires: 'an aws_s3_account_public_access_block in the account with all four settings on',
    check: (inventory, { account }) => {
      const block = inventory.in('aws_s3_account_public_access_block', account!)[0];
      if (!block) return notSatisfied('no account-level S3 block public access');
      const missing = missingBlockFlags(block.body);
      return missing.length === 0 ? satisfied('account-level S3 block public access is fully on', [evidenceOf(block)]) : notSatisfied(`account-level block public access lacks ${missing.join(', ')}`, [evidenceOf(block)]);
    },
  },
  {
    id: 'S3.5',
    title: 'S3 general purpose buckets should require requests to use SSL',
    standards: ['FSBP', `${CIS} v1.4.0 2.1.2`, `${CIS} v3.0.0 2.1.1`],
    severity: 'Medium',
    scope: 'resource',
    requires: 'every aws_s3_bucket the landing zone builds has an aws_s3_bucket_policy denying s3:* to everyone when aws:SecureTransport is false',
    resources: (inventory) => inventory.all('aws_s3_bucket'),
    check: (inventory, { resource: bucket }) => {
      const policies = ofBucket(inventory, 'aws_s3_bucket_policy', bucket!);
      const denying = policies.filter((p) => asList(parseDocument(p.body.policy)?.Statement).some((s) => s !== null && typeof s === 'object' && deniesInsecureTransport(s as Json)));
      return denying.length > 0 ? satisfied('its bucket policy denies requests without TLS', denying.map(evidenceOf)) : notSatisfied('its bucket policy does not deny requests without TLS', [evidenceOf(bucket!)]);
    },
  },
  {
    id: 'S3.8',
    title: 'S3 general purpose buckets should block public access',
    standards: ['FSBP', `${CIS} v1.4.0 2.1.5`],
    severity: 'High',
    scope: 'resource',
    requires: 'every aws_s3_bucket the landing zone builds has an aws_s3_bucket_public_access_block with all four settings on',
    resources: (inventory) => inventory.all('aws_s3_bucket'),
    check: (inventory, { resource: bucket }) => {
      const block = ofBucket(inventory, 'aws_s3_bucket_public_access_block', bucket!)[0];
      if (!block) return notSatisfied('no bucket-level block public access', [evidenceOf(bucket!)]);
      const missing = missingBlockFlags(block.body);
      return missing.length === 0 ? satisfied('bucket-level block public access is fully on', [evidenceOf(block)]) : notSatisfied(`${where(block)} lacks ${missing.join(', ')}`, [evidenceOf(block)]);
    },
  },
  {
    id: 'KMS.4',
    title: 'AWS KMS key rotation should be enabled',
    standards: [`${CIS} v1.2.0 2.8`, `${CIS} v1.4.0 3.8`, `${CIS} v3.0.0 3.6`],
    severity: 'Medium',
    scope: 'resource',
    requires: 'every symmetric aws_kms_key the landing zone builds has enable_key_rotation = true',
    resources: (inventory) => inventory.all('aws_kms_key'),
    check: (_inventory, { resource: key }) => {
      const spec = key!.body.customer_master_key_spec;
      if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') return notApplicable(`${String(spec)} keys cannot rotate automatically`);
      return key!.body.enable_key_rotation === true ? satisfied('automatic rotation is on', [evidenceOf(key!)]) : notSatisfied('automatic rotation is off', [evidenceOf(key!)]);
    },
  },
  passwordControl('IAM.7', 'Password policies for IAM users should have strong configurations', ['FSBP'], 'uppercase, lowercase, numbers and symbols required and a minimum length of at least 8',
    (p) => p.require_uppercase_characters === true && p.require_lowercase_characters === true && p.require_numbers === true && p.require_symbols === true && num(p.minimum_password_length) >= 8),
  passwordControl('IAM.11', 'Ensure IAM password policy requires at least one uppercase letter', [`${CIS} v1.2.0 1.5`], 'an uppercase letter required', (p) => p.require_uppercase_characters === true),
  passwordControl('IAM.12', 'Ensure IAM password policy requires at least one lowercase letter', [`${CIS} v1.2.0 1.6`], 'a lowercase letter required', (p) => p.require_lowercase_characters === true),
  passwordControl('IAM.13', 'Ensure IAM password policy requires at least one symbol', [`${CIS} v1.2.0 1.7`], 'a symbol required', (p) => p.require_symbols === true),
  passwordControl('IAM.14', 'Ensure IAM password policy requires at least one number', [`${CIS} v1.2.0 1.8`], 'a number required', (p) => p.require_numbers === true),
  passwordControl('IAM.15', 'Ensure IAM password policy requires minimum password length of 14 or greater', [`${CIS} v1.2.0 1.9`, `${CIS} v1.4.0 1.8`, `${CIS} v3.0.0 1.8`], 'a minimum length of at least 14',
    (p) => num(p.minimum_password_length) >= 14),
  passwordControl('IAM.16', 'Ensure IAM password policy prevents password reuse', [`${CIS} v1.2.0 1.10`, `${CIS} v1.4.0 1.9`, `${CIS} v3.0.0 1.9`], 'reuse prevention of the last 24 passwords',
    (p) => num(p.password_reuse_prevention) >= 24),
  passwordControl('IAM.17', 'Ensure IAM password policy expires passwords within 90 days or less', [`${CIS} v1.2.0 1.11`], 'passwords expiring within 90 days',
    (p) => num(p.max_password_age) > 0 && num(p.max_password_age) <= 90),
];
