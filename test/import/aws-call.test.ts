import { callAws, collectPages, ImportCallError, ImportPermissionError } from '../../src/import/aws-call';
import { assignKeys, keyFromName, ACCOUNT_KEY, OU_KEY } from '../../src/import/keys';

class ListAccountsCommand {
  constructor(readonly input: object) {}
}

const error = (name: string, message = name) => Object.assign(new Error(message), { name });

describe('callAws', () => {
  test('retries throttling with exponential backoff and full jitter, then succeeds', async () => {
    const answers: Array<Error | string> = [error('TooManyRequestsException'), error('ThrottlingException'), error('ConcurrentModificationException'), 'ok'];
    const waits: number[] = [];
    const client = { send: async () => { const a = answers.shift()!; if (a instanceof Error) throw a; return a; } };
    const result = await callAws({ client, servicePrefix: 'organizations', account: 'the management account' }, new ListAccountsCommand({}),
      { sleep: async (ms) => { waits.push(ms); }, random: () => 0.5, baseDelayMs: 100 });
    expect(result).toBe('ok');
    expect(waits).toEqual([50, 100, 200]);
  });

  test('gives up after maxRetries, naming the action and the attempts', async () => {
    const client = { send: async () => { throw error('TooManyRequestsException', 'Rate exceeded'); } };
    const call = callAws({ client, servicePrefix: 'organizations', account: 'x' }, new ListAccountsCommand({}), { sleep: async () => undefined, maxRetries: 2 });
    await expect(call).rejects.toThrow(new ImportCallError('organizations:ListAccounts', 3, error('TooManyRequestsException', 'Rate exceeded')).message);
    await expect(call).rejects.toThrow('organizations:ListAccounts failed after 3 attempts: TooManyRequestsException: Rate exceeded');
  });

  test('access denied names the missing IAM permission and the account, without retrying', async () => {
    let calls = 0;
    const client = { send: async () => { calls++; throw error('AccessDeniedException', 'not authorized'); } };
    const call = callAws({ client, servicePrefix: 'sso', account: 'account 111111111111' }, new ListAccountsCommand({}), { sleep: async () => undefined });
    await expect(call).rejects.toBeInstanceOf(ImportPermissionError);
    await expect(call).rejects.toThrow('access denied for sso:ListAccounts in account 111111111111 (not authorized). Grant sso:ListAccounts to the credentials lz import runs with, or leave identity-center out with --without identity-center.');
    expect(calls).toBe(1);
  });

  test('other errors pass through unchanged on the first attempt', async () => {
    let calls = 0;
    const client = { send: async () => { calls++; throw error('ValidationException', 'bad input'); } };
    await expect(callAws({ client, servicePrefix: 'ec2', account: 'x' }, new ListAccountsCommand({}))).rejects.toThrow('bad input');
    expect(calls).toBe(1);
  });
});

describe('collectPages', () => {
  test('follows NextToken to the end', async () => {
    const pages: Record<string, { items: number[]; next: string | undefined }> = { '': { items: [1, 2], next: 'a' }, a: { items: [3], next: 'b' }, b: { items: [4], next: undefined } };
    expect(await collectPages(async (t) => pages[t ?? '']!)).toEqual([1, 2, 3, 4]);
  });

  test('stops at a repeated token instead of looping forever', async () => {
    let calls = 0;
    expect(await collectPages(async () => ({ items: [++calls], next: 'same' }))).toEqual([1, 2]);
  });
});

describe('keys from AWS names', () => {
  test('follow the schema: lowercase for accounts, case kept for OUs, hyphens for everything else', () => {
    expect(keyFromName('Payments (Prod)', ACCOUNT_KEY)).toBe('payments-prod');
    expect(keyFromName('Payments (Prod)', OU_KEY)).toBe('Payments-Prod');
    expect(keyFromName('---', ACCOUNT_KEY)).toBe('x');
    expect(keyFromName('a'.repeat(60), ACCOUNT_KEY)).toHaveLength(50);
  });

  test('names that give one key all carry their id, whatever the listing order', () => {
    const entries = [{ id: '555555555592', name: 'data-lake' }, { id: '555555555591', name: 'Data Lake' }, { id: '555555555593', name: 'Other' }];
    const expected = new Map([['555555555591', 'data-lake-555555555591'], ['555555555592', 'data-lake-555555555592'], ['555555555593', 'other']]);
    expect(assignKeys(entries, ACCOUNT_KEY)).toEqual(expected);
    expect(assignKeys([...entries].reverse(), ACCOUNT_KEY)).toEqual(expected);
  });
});

test('a denied Organizations call cannot be left out: the message only names the permission', () => {
  expect(new ImportPermissionError('organizations:ListRoots', 'the management account', 'denied').message)
    .toBe('access denied for organizations:ListRoots in the management account (denied). Grant organizations:ListRoots to the credentials lz import runs with.');
});
