import { isWithin, ROOT } from './org-tree';
import type { AccountModel, LandingZoneModel } from './types';

export function accountByKey(model: LandingZoneModel, key: string): AccountModel {
  const account = model.accounts.find((a) => a.key === key);
  if (!account) throw new Error(`unknown account key ${key}`);
  return account;
}

/** Accounts in the OU at `ouPath` and every OU nested under it (all accounts for Root), by key. */
export function accountsUnder<A extends { readonly ouPath: string }>(model: { readonly accounts: readonly A[] }, ouPath: string): A[] {
  return model.accounts.filter((a) => (ouPath === ROOT ? true : a.ouPath !== ROOT && isWithin(a.ouPath, ouPath)));
}
