import { error } from '../config/diagnostics';
import { inspectionVpc } from './inspection-facts';
import type { Rule } from './rule';

/**
 * Without appliance mode the Transit Gateway may send the two directions of a flow to firewall
 * endpoints in different zones; each endpoint then sees half of the flow and the stateful engine
 * drops or mis-judges it. The inspection VPC's attachment gets it by default; turning it off is refused.
 * @see https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-appliance-scenario.html
 */
export const inspectionAttachmentUsesApplianceMode: Rule = {
  code: 'LZ0522',
  name: 'inspection-attachment-uses-appliance-mode',
  check(context) {
    const vpc = inspectionVpc(context);
    if (!vpc || vpc.fields.applianceModeSupport !== false) return [];
    return [error(this.code, [...vpc.yamlPath, 'applianceModeSupport'], `The inspection VPC ${vpc.id} turns appliance mode off on its Transit Gateway attachment; flows that cross zones would reach different firewall endpoints each way and be dropped.`,
      'Remove applianceModeSupport: false (the inspection VPC\'s attachment has appliance mode on by default).')];
  },
};
