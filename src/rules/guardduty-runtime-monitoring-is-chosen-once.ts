import { error } from '../config/diagnostics';
import type { Rule } from './rule';

/**
 * GuardDuty's Runtime Monitoring (RUNTIME_MONITORING) supersedes EKS Runtime Monitoring
 * (EKS_RUNTIME_MONITORING); the API refuses a configuration that sets both.
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring-configuration.html
 */
export const guardDutyRuntimeMonitoringIsChosenOnce: Rule = {
  code: 'LZ0405',
  name: 'guardduty-runtime-monitoring-is-chosen-once',
  check({ config }) {
    const plans = config.security?.services.guardDuty?.protectionPlans;
    if (!plans?.runtimeMonitoring || !plans.eksRuntimeMonitoring) return [];
    return [error(this.code, ['security', 'services', 'guardDuty', 'protectionPlans', 'eksRuntimeMonitoring'],
      'Both runtimeMonitoring and eksRuntimeMonitoring are set; GuardDuty accepts only one of RUNTIME_MONITORING and EKS_RUNTIME_MONITORING.',
      'Remove eksRuntimeMonitoring and add EKS to runtimeMonitoring.agentManagement instead: Runtime Monitoring covers EKS too.', true)];
  },
};
