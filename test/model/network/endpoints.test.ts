import { endpointServiceAvailability, endpointServiceName, ENDPOINT_SERVICE_SOURCE, privateDnsZone, regionsOffering } from '../../../src/model/network/endpoint-services';
import { validateFile } from '../../../src/pipeline';
import { FIXTURES, modelOf } from '../../helpers';
import { join } from 'node:path';

describe('the endpoint service table', () => {
  test('names its source: the botocore version and the AWS page of the service list', () => {
    expect(ENDPOINT_SERVICE_SOURCE).toMatch(/^botocore \d+\.\d+\.\d+ endpoints\.json/);
    expect(ENDPOINT_SERVICE_SOURCE).toContain('https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html');
  });

  test('answers per service and region, and does not judge a region it does not know', () => {
    expect(endpointServiceAvailability('ssm', 'eu-west-1')).toBe('available');
    expect(endpointServiceAvailability('ssm', 'cn-north-1')).toBe('available');
    expect(endpointServiceAvailability('ssm-incidents', 'af-south-1')).toBe('absent');
    expect(endpointServiceAvailability('ssmm', 'eu-west-1')).toBe('unknown-service');
    expect(endpointServiceAvailability('ssm', 'mx-central-1')).toBe('unknown-region');
    expect(regionsOffering('ssm-incidents')).not.toContain('af-south-1');
  });

  test('service names and zone names per partition', () => {
    expect(endpointServiceName('aws', 'eu-west-1', 'ssm')).toBe('com.amazonaws.eu-west-1.ssm');
    expect(endpointServiceName('aws-cn', 'cn-north-1', 'ssm')).toBe('cn.com.amazonaws.cn-north-1.ssm');
    expect(privateDnsZone('aws', 'eu-west-1', 'ecr.dkr')).toEqual({ name: 'dkr.ecr.eu-west-1.amazonaws.com', wildcard: true });
    expect(privateDnsZone('aws-cn', 'cn-north-1', 'kms')).toEqual({ name: 'kms.cn-north-1.amazonaws.com.cn', wildcard: false });
  });
});

describe('the endpoints model', () => {
  const network = modelOf(validateFile(join(FIXTURES, 'valid', 'network-endpoints.yaml'), 'org.yaml')).network!;

  test('consumers are the VPCs with central: true other than the endpoints VPC, sorted', () => {
    expect(network.centralEndpoints!.consumers).toEqual(['app-prod/main', 'data-prod/main', 'shared-services/tools']);
    expect(network.centralEndpoints!.services.map((s) => s.service)).toEqual(['ec2messages', 'ecr.dkr', 'kms', 'ssm', 'ssmmessages']);
  });

  test('an account entry that sets endpoints replaces the template\'s (shallow merge), gateway tiers default to every tier', () => {
    const data = network.vpcs.find((v) => v.id === 'data-prod/main')!.endpoints!;
    expect(data.gateway.map((g) => [g.service, g.tiers])).toEqual([['s3', ['app', 'attachment', 'data']]]);
    expect(data.interface.map((i) => i.service)).toEqual(['sts']);
    expect(data.interfaceTier).toBe('app');
    expect(network.vpcs.find((v) => v.id === 'shared-services/endpoints')!.endpoints).toBeUndefined();
  });
});
