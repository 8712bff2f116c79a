import { warning } from '../config/diagnostics';
import { completeNetworkModel } from './endpoint-facts';
import type { Rule } from './rule';

/**
 * Each VPC that uses the central endpoints holds, in its own account's stack, one zone
 * authorization and one zone association per central service. Adding an account may touch at most
 * 100 resources in all (DESIGN.md); an account with the default workload VPC and baseline already
 * takes 77 with HCP Terraform's bootstrap, so the central services get at most 20 of the rest.
 */
export const CONSUMER_RESOURCE_BUDGET = 20;

export const centralEndpointServicesWithinBudget: Rule = {
  code: 'LZ0538',
  name: 'central-endpoint-services-within-budget',
  check(context) {
    const central = context.config.network?.centralEndpoints;
    if (!central) return [];
    const network = completeNetworkModel(context);
    if (!network?.centralEndpoints || network.centralEndpoints.consumers.length === 0) return [];
    const services = Object.keys(central.services).length;
    if (2 * services <= CONSUMER_RESOURCE_BUDGET) return [];
    return [warning(this.code, ['network', 'centralEndpoints', 'services'],
      `The central endpoints have ${services} services, so each VPC that uses them adds ${2 * services} zone authorizations and associations to its account's stack, more than the ${CONSUMER_RESOURCE_BUDGET} budgeted for them within the 100 resources that adding an account may touch.`,
      `Keep at most ${CONSUMER_RESOURCE_BUDGET / 2} central services (those most VPCs call), and give the VPCs that need more their own endpoints (endpoints.interface).`, true)];
  },
};
