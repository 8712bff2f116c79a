import { error, type Finding } from '../config/diagnostics';
import type { Rule } from './rule';

/**
 * Inspector's Lambda code scanning (LAMBDA_CODE) works on top of Lambda standard scanning: it
 * cannot be enabled without LAMBDA. And an enabled Inspector with no scan type scans nothing.
 * @see https://docs.aws.amazon.com/inspector/latest/user/scanning-lambda.html
 */
export const inspectorCodeScanningHasLambdaScanning: Rule = {
  code: 'LZ0406',
  name: 'inspector-code-scanning-has-lambda-scanning',
  check({ config }) {
    const inspector = config.security?.services.inspector;
    if (!inspector) return [];
    const path = ['security', 'services', 'inspector', 'resourceTypes'];
    const types = new Set(inspector.resourceTypes);
    const findings: Finding[] = [];
    if (types.size === 0)
      findings.push(error(this.code, path, 'Inspector is enabled with no scan type, so it scans nothing.', 'List at least one of EC2, ECR, LAMBDA, LAMBDA_CODE, or remove `inspector`.'));
    if (types.has('LAMBDA_CODE') && !types.has('LAMBDA'))
      findings.push(error(this.code, path, `resourceTypes has LAMBDA_CODE without LAMBDA (received ${JSON.stringify(inspector.resourceTypes)}); Lambda code scanning needs Lambda standard scanning.`, 'Add LAMBDA to resourceTypes.'));
    return findings;
  },
};
