import { error, type Finding } from '../config/diagnostics';
import type { Rule } from './rule';

/** S3 keeps at most a hundred years of object-lock retention. */
export const MAX_OBJECT_LOCK_DAYS = 36500;

/** S3 refuses transitions to the infrequent-access classes before an object is 30 days old. */
const MIN_DAYS_BEFORE_INFREQUENT_ACCESS = 30;

export const logRetentionIsValid: Rule = {
  code: 'LZ0403',
  name: 'log-retention-is-valid',
  check({ config }) {
    const logging = config.logging;
    if (!logging) return [];
    const { retention, objectLock } = logging;
    const findings: Finding[] = [];
    if (retention.transitionDays >= retention.expirationDays)
      findings.push(error(this.code, ['logging', 'retention', 'transitionDays'],
        `The transition after ${retention.transitionDays} days is not before the expiration after ${retention.expirationDays} days, so it would never happen.`,
        'Make transitionDays smaller than expirationDays, or raise expirationDays.'));
    if ((retention.transitionStorageClass === 'STANDARD_IA' || retention.transitionStorageClass === 'ONEZONE_IA') && retention.transitionDays < MIN_DAYS_BEFORE_INFREQUENT_ACCESS)
      findings.push(error(this.code, ['logging', 'retention', 'transitionDays'],
        `S3 refuses a transition to ${retention.transitionStorageClass} after ${retention.transitionDays} days: objects must be at least ${MIN_DAYS_BEFORE_INFREQUENT_ACCESS} days old.`,
        `Use ${MIN_DAYS_BEFORE_INFREQUENT_ACCESS} days or more, or transition to GLACIER_IR or GLACIER.`));
    if (objectLock.days > MAX_OBJECT_LOCK_DAYS)
      findings.push(error(this.code, ['logging', 'objectLock', 'days'],
        `An object-lock retention of ${objectLock.days} days is more than the ${MAX_OBJECT_LOCK_DAYS} days (100 years) S3 allows.`,
        `Use at most ${MAX_OBJECT_LOCK_DAYS} days.`));
    else if (objectLock.days > retention.expirationDays)
      findings.push(error(this.code, ['logging', 'retention', 'expirationDays'],
        `Log objects expire after ${retention.expirationDays} days but stay locked for ${objectLock.days} days, so the expiration cannot remove them in time.`,
        `Make expirationDays at least ${objectLock.days}, or shorten objectLock.days.`));
    return findings;
  },
};
