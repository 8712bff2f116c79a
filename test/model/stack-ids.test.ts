import type { ManagedRecord } from '../../src/config/managed-record';
import type { OrgConfig } from '../../src/config/schema';
import { assignStackIds } from '../../src/model/stack-ids';

/** Only what assignStackIds reads: the management account's key and each account's formerKey. */
function config(accounts: Record<string, { formerKey?: string }>): OrgConfig {
  return { organization: { managementAccount: 'management' }, accounts: { management: {}, ...accounts } } as unknown as OrgConfig;
}
const record = (accounts: Record<string, { stack?: string }>, extra: Partial<ManagedRecord> = {}): ManagedRecord =>
  ({ accounts: Object.fromEntries(Object.entries(accounts).map(([k, v]) => [k, { email: `${k}@example.com`, ...v }])), organizationalUnits: [], ...extra });

describe('assignStackIds', () => {
  test('a new account takes its key, the management account too', () => {
    expect(Object.fromEntries(assignStackIds(config({ a: {}, b: {} }), undefined, []))).toEqual({ a: 'a', b: 'b', management: 'management' });
  });

  test('a recorded id is kept, whatever the key is now called', () => {
    const ids = assignStackIds(config({ renamed: { formerKey: 'old' } }), record({ old: { stack: 'first' } }), []);
    expect(ids.get('renamed')).toBe('first');
    expect(assignStackIds(config({ renamed: {} }), record({ renamed: { stack: 'first' } }), []).get('renamed')).toBe('first');
  });

  test('before any record, a renamed account keeps the stacks named after its former key', () => {
    expect(assignStackIds(config({ b: { formerKey: 'a' } }), undefined, []).get('b')).toBe('a');
  });

  test('an id in use, by a current or a released account, is never given again; nor is "hub"', () => {
    const ids = assignStackIds(
      config({ alice: {}, 'alice-2': {}, bob: {}, hub: {} }),
      record({ alice: { stack: 'bob' }, bob: {} }, { released: { accounts: { carol: { stack: 'alice' } }, organizationalUnits: [] } }),
      [{ key: 'carol', reason: 'released' }],
    );
    expect(Object.fromEntries(ids)).toEqual({ carol: 'alice', alice: 'bob', 'alice-2': 'alice-2', bob: 'bob-2', hub: 'hub-2', management: 'management' });
  });

  test('the management account keeps its recorded id when its key changes', () => {
    const ids = assignStackIds(config({}), record({}, { managementStack: 'root-account' }), []);
    expect(ids.get('management')).toBe('root-account');
  });
});
