import { error, type Finding } from '../config/diagnostics';
import { LOCK_FILE_NAME } from '../config/lock-file';
import { readManagedRecord } from '../config/managed-record';
import { buildManagedChanges } from '../model/managed-changes';
import { describeTarget, POLICY_CONFIRMATION_PREFIX } from '../model/released-attachments';
import type { Rule } from './rule';

/**
 * A released OU or account stays in AWS with its policies attached, and lz no longer detaches
 * anything from it. A policy still attached there cannot be deleted: AWS answers DeletePolicy with
 * PolicyInUseException, so the apply would fail half-way. Only a detachment outside lz, confirmed
 * with `--allow-removal policies.<key>`, lets it go.
 */
export const policiesInUseByReleasedTargetsAreKept: Rule = {
  code: 'LZ0812',
  name: 'policies-in-use-by-released-targets-are-kept',
  check({ config, previousLock, confirmations }) {
    const { record } = readManagedRecord(previousLock);
    if (!record) return [];
    const targetsByPolicy = new Map<string, string[]>();
    for (const [target, keys] of Object.entries(buildManagedChanges(config, record, confirmations).releasedAttachments))
      for (const key of keys) if (!(key in config.policies)) targetsByPolicy.set(key, [...(targetsByPolicy.get(key) ?? []), target]);
    const findings: Finding[] = [];
    for (const [key, targets] of [...targetsByPolicy].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const names = targets.sort().map(describeTarget).join(', ');
      findings.push(error(this.code, ['policies'],
        `The policy \`${key}\` is no longer in org.yaml, but it is still attached in AWS to ${names}, released from lz (${LOCK_FILE_NAME}); AWS refuses to delete a policy in use (PolicyInUseException), and lz does not detach it from what it no longer manages.`,
        `Keep \`${key}\` in org.yaml (with no targets it is only a warning). To delete it, detach it outside lz first (\`aws organizations detach-policy --policy-id <id of ${key}> --target-id <id of each>\`), then run with \`--allow-removal ${POLICY_CONFIRMATION_PREFIX}${key}\`.`));
    }
    return findings;
  },
};
