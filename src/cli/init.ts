import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../config/load';

/** The package's root (org.yaml, policies/ and templates/ ship with it), from src/cli or dist/src/cli. */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

const PACKAGE_ROOT = packageRoot();
const TEMPLATES = join(PACKAGE_ROOT, 'templates', 'init');

export interface InitOptions {
  readonly managementAccountId: string;
  readonly emailDomain: string;
  /** The organization's name in org.yaml. @default - the directory's name */
  readonly name?: string;
}

/** Template file -> where it goes. npm leaves dotfiles such as .gitignore out of packages, so they ship without the dot. */
const TEMPLATE_FILES: ReadonlyArray<readonly [string, string]> = [
  ['test/intent.test.js', 'test/intent.test.js'],
  ['gitignore', '.gitignore'],
  ['terraformignore', '.terraformignore'],
  ['cdktf.json', 'cdktf.json'],
  ['github/workflows/landing-zone.yml', '.github/workflows/landing-zone.yml'],
  ['scripts/plan-touched-stacks.js', 'scripts/plan-touched-stacks.js'],
  ['README.md', 'README.md'],
];

const ACCOUNT_ID = /^\d{12}$/;
const DOMAIN = /^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const ORG_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function checkInitOptions(options: InitOptions): void {
  if (!ACCOUNT_ID.test(options.managementAccountId))
    throw new InputError(`--management-account-id must be the 12 digits of the management account, not "${options.managementAccountId}".`);
  if (!DOMAIN.test(options.emailDomain))
    throw new InputError(`--email-domain must be a domain such as example.com (the accounts' root emails become aws+<account>@<domain>), not "${options.emailDomain}".`);
  if (options.name !== undefined && !ORG_NAME.test(options.name))
    throw new InputError(`--name must be lower-case letters, digits and hyphens, not "${options.name}".`);
}

/** The files of a new landing-zone repository, by relative path. */
export function scaffold(dir: string, options: InitOptions): Record<string, string> {
  checkInitOptions(options);
  const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const name = options.name ?? (basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'landing-zone');
  const org = readFileSync(join(PACKAGE_ROOT, 'org.yaml'), 'utf8')
    .replace('# yaml-language-server: $schema=./org.schema.json', '# yaml-language-server: $schema=./node_modules/landing-zone-compiler/org.schema.json')
    .replace(/^# Replace the management account id and the email domain with your own, then run `npx lz validate`\.\n/m, '')
    .replace(/^( {2}name: )example$/m, `$1${name}`)
    .replace(/^( {4}id: )"123456789012"$/m, `$1"${options.managementAccountId}"`)
    .replace(/@example\.com\b/g, `@${options.emailDomain}`);
  const packageJson = {
    name: ORG_NAME.test(name) ? name : 'landing-zone',
    private: true,
    description: `The AWS landing zone of ${name}, compiled by landing-zone-compiler`,
    scripts: { validate: 'lz validate', test: 'node --test', synth: 'lz synth', 'plan-order': 'lz plan-order' },
    dependencies: { 'landing-zone-compiler': `^${version}` },
    devDependencies: { 'cdktf-cli': '0.21.0' },
  };
  const files: Record<string, string> = {
    'org.yaml': org,
    'policies/sandbox-guardrails.json': readFileSync(join(PACKAGE_ROOT, 'policies', 'sandbox-guardrails.json'), 'utf8'),
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
  };
  for (const [from, to] of TEMPLATE_FILES) files[to] = readFileSync(join(TEMPLATES, from), 'utf8');
  return files;
}

/** Writes the scaffold; refuses, writing nothing, when any of its files exists already. */
export function runInit(dir: string, options: InitOptions): string[] {
  const files = scaffold(dir, options);
  const existing = Object.keys(files).filter((f) => existsSync(join(dir, f)));
  if (existing.length > 0) throw new InputError(`${dir} already has ${existing.join(', ')}; nothing was written. Run lz init in a new or empty directory.`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return Object.keys(files).sort();
}
