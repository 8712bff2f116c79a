import type { Control } from './control';
import { ACCOUNT_CONTROLS } from './controls-account';
import { CLOUDTRAIL_CONTROLS } from './controls-cloudtrail';
import { EC2_CONTROLS } from './controls-ec2';
import { SERVICE_CONTROLS } from './controls-services';

/**
 * The Security Hub controls that concern what a landing zone builds, in the order the report
 * prints them. Workload-level controls (an RDS instance's encryption, a Lambda's runtime) are
 * left to Security Hub itself.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-controls-reference.html
 */
export const CONTROLS: readonly Control[] = [...SERVICE_CONTROLS, ...CLOUDTRAIL_CONTROLS, ...EC2_CONTROLS, ...ACCOUNT_CONTROLS];

export const CONTROL_IDS: readonly string[] = CONTROLS.map((c) => c.id);
