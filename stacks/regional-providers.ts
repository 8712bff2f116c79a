import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';

/**
 * One provider per region of a region group: the group's first region is the default provider
 * (`aws`), each other one is aliased by its region name (`aws.<region>`). A region group holds at
 * most 3 regions, so a stack stays within 3 provider configurations.
 */
export function regionalProviders(regions: readonly string[], make: (id: string, region: string, alias: { alias?: string }) => AwsProvider): Map<string, AwsProvider> {
  const providers = new Map<string, AwsProvider>();
  regions.forEach((region, i) => providers.set(region, make(i === 0 ? 'aws' : `aws_${region}`, region, i === 0 ? {} : { alias: region })));
  return providers;
}
