import type { AccountStack } from './account-stack';

/**
 * Where every stack finds an account's id: the literal from org.yaml for adopted accounts and the
 * management account, else the `account-<id>` stack that creates it (a cross-stack reference,
 * known at plan time of the reader, which therefore runs after that stack).
 */
export class AccountDirectory {
  constructor(
    private readonly stacks: ReadonlyMap<string, AccountStack>,
    private readonly literals: ReadonlyMap<string, string>,
  ) {}

  accountId(key: string): string {
    const literal = this.literals.get(key);
    if (literal !== undefined) return literal;
    const stack = this.stacks.get(key);
    if (stack === undefined) throw new Error(`unknown account key ${key}`);
    return stack.accountId;
  }

  /** The account's own stack; undefined for the management account, which has one only when policies are attached to it. */
  stackOf(key: string): AccountStack | undefined {
    return this.stacks.get(key);
  }
}
