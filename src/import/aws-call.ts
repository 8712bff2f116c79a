/**
 * One AWS API call as `lz import` makes it: retried with exponential backoff and full jitter while
 * AWS throttles (Organizations allows a few requests per second per account), and turned into an
 * error naming the missing IAM permission when the caller is denied.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */

/** Anything with the SDK v3 `send` shape; the real clients and their mocks both fit. */
export interface SendsCommands {
  send(command: never): Promise<unknown>;
}

export interface CallPolicy {
  /** Retries after the first attempt. @default 8 */
  readonly maxRetries?: number;
  /** First backoff ceiling in milliseconds; it doubles each retry. @default 250 */
  readonly baseDelayMs?: number;
  /** Upper bound of one wait. @default 20000 */
  readonly maxDelayMs?: number;
  /** How to wait; tests pass a recorder. @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1); tests pin it. @default Math.random */
  readonly random?: () => number;
}

/** The part of `lz import` each IAM service prefix belongs to, when that part can be left out. */
const PARTS: Record<string, string> = { sso: 'identity-center', identitystore: 'identity-center', ec2: 'network', ram: 'network' };

/** The caller lacks a permission: the message names the IAM action and the account. */
export class ImportPermissionError extends Error {
  constructor(readonly action: string, readonly account: string, readonly awsMessage: string) {
    super(`access denied for ${action} in ${account} (${awsMessage}). Grant ${action} to the credentials lz import runs with${PARTS[action.split(':')[0]!] ? `, or leave ${PARTS[action.split(':')[0]!]} out with --without ${PARTS[action.split(':')[0]!]}` : ''}.`);
  }
}

/** AWS kept throttling, or failed in a way that is worth retrying, until the retries ran out. */
export class ImportCallError extends Error {
  constructor(readonly action: string, readonly attempts: number, cause: Error) {
    super(`${action} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${cause.name}: ${cause.message}`);
  }
}

const THROTTLING = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  // Organizations answers this while another request changes the same entity; AWS advises retrying.
  'ConcurrentModificationException',
]);
const TRANSIENT = new Set(['ServiceUnavailableException', 'InternalServerException', 'ServiceException', 'TimeoutError', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'AccessDeniedForDependencyException', 'UnauthorizedException']);

interface AwsError extends Error {
  readonly code?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $retryable?: { readonly throttling?: boolean };
}

export function isThrottling(e: AwsError): boolean {
  return THROTTLING.has(e.name) || e.$retryable?.throttling === true || e.$metadata?.httpStatusCode === 429;
}

function isRetryable(e: AwsError): boolean {
  return isThrottling(e) || TRANSIENT.has(e.name) || TRANSIENT.has(e.code ?? '') || (e.$metadata?.httpStatusCode ?? 0) >= 500;
}

export function isAccessDenied(e: AwsError): boolean {
  return DENIED.has(e.name) || e.$metadata?.httpStatusCode === 403;
}

/** The IAM action of an SDK command: `organizations` + `ListAccountsCommand` -> `organizations:ListAccounts`. */
export function iamAction(servicePrefix: string, command: object): string {
  return `${servicePrefix}:${command.constructor.name.replace(/Command$/, '')}`;
}

export interface CallTarget {
  readonly client: SendsCommands;
  /** IAM service prefix: organizations, sso, identitystore, ram, ec2. */
  readonly servicePrefix: string;
  /** Which account the client's credentials belong to, for messages (`the management account`, `account 111122223333`). */
  readonly account: string;
}

const defaultSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Sends one command with the retry policy; access denied and exhausted retries become import errors. */
export async function callAws<T>(target: CallTarget, command: object, policy: CallPolicy = {}): Promise<T> {
  const maxRetries = policy.maxRetries ?? 8;
  const base = policy.baseDelayMs ?? 250;
  const cap = policy.maxDelayMs ?? 20_000;
  const sleep = policy.sleep ?? defaultSleep;
  const random = policy.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return (await target.client.send(command as never)) as T;
    } catch (caught) {
      const e = caught as AwsError;
      const action = iamAction(target.servicePrefix, command);
      if (isAccessDenied(e)) throw new ImportPermissionError(action, target.account, e.message);
      if (!isRetryable(e)) throw e;
      if (attempt >= maxRetries) throw new ImportCallError(action, attempt + 1, e);
      await sleep(Math.floor(random() * Math.min(cap, base * 2 ** attempt)));
    }
  }
}

/**
 * Every item of a paginated list: `page(token)` returns one page's items and the next token.
 * A token seen twice is a bug on the other side; it ends the walk instead of looping forever.
 */
export async function collectPages<T>(page: (token: string | undefined) => Promise<{ items: readonly T[] | undefined; next: string | undefined }>): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const { items, next } = await page(token);
    out.push(...(items ?? []));
    if (next !== undefined && seen.has(next)) break;
    if (next !== undefined) seen.add(next);
    token = next;
  } while (token !== undefined && token !== '');
  return out;
}
