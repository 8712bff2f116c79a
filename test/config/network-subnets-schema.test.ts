import { isCanonicalIpv6Cidr } from '../../src/config/schema/network-subnets';
import { validateText } from '../../src/pipeline';
import { tempDir } from '../helpers';

describe('IPv6 CIDRs of network ACL rules', () => {
  test.each(['::/0', '2001:db8::/32', '2600:1f18:abcd:ef00::/56', 'fd00::/8'])('%s is canonical', (cidr) => {
    expect(isCanonicalIpv6Cidr(cidr)).toBe(true);
  });

  test.each([
    ['2001:DB8::/32', 'upper case'],
    ['2001:0db8::/32', 'leading zeros'],
    ['2001:db8::1/32', 'host bits set'],
    ['2001:db8:0:0::/64', 'zeros not compressed'],
    ['2001:db8::', 'no prefix length'],
    ['2001:db8::/129', 'prefix too long'],
    ['10.0.0.0/8', 'IPv4'],
  ])('%s is refused (%s)', (cidr) => {
    expect(isCanonicalIpv6Cidr(cidr)).toBe(false);
  });
});

describe('network ACL rule schema', () => {
  const doc = (rule: string) => `
organization: { name: fixture, homeRegion: us-east-1, managementAccount: management }
organizationalUnits: { Infrastructure: {} }
accounts:
  management: { name: Management, email: aws+management@example.com, ou: Root, id: "111122223333" }
  network: { name: Network, email: aws+network@example.com, ou: Infrastructure }
network:
  account: network
  segments: { shared: { intraSegment: true } }
  accounts:
    network:
      vpcs:
        shared:
          segment: shared
          cidr: 10.100.0.0/20
          attachmentTier: attachment
          subnets:
            attachment: { prefixLength: 28 }
            app: { prefixLength: 24, networkAcl: { ingress: [${rule}] } }
`;
  const problems = (rule: string) => validateText(doc(rule), 'org.yaml', tempDir()).diagnostics.map((d) => `${d.code} ${d.path.join('.')}`);

  test('a rule number outside 1-32766 and a port above 65535 are schema errors at the field', () => {
    expect(problems('{ rule: 32767, action: allow, protocol: tcp, cidr: 10.0.0.0/8, fromPort: 70000 }')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^LZ00\d\d network\.accounts\.network\.vpcs\.shared\.subnets\.app\.networkAcl\.ingress\.0\.rule$/),
        expect.stringMatching(/^LZ00\d\d network\.accounts\.network\.vpcs\.shared\.subnets\.app\.networkAcl\.ingress\.0\.fromPort$/),
      ]),
    );
  });

  test('a non-canonical IPv6 CIDR is refused where it is written', () => {
    expect(problems('{ rule: 100, action: allow, protocol: tcp, ipv6Cidr: "2001:DB8::/32", fromPort: 443 }')).toEqual([
      'LZ0013 network.accounts.network.vpcs.shared.subnets.app.networkAcl.ingress.0.ipv6Cidr',
    ]);
  });

  test('a valid rule passes', () => {
    expect(problems('{ rule: 100, action: allow, protocol: tcp, ipv6Cidr: "2001:db8::/32", fromPort: 443 }')).toEqual([]);
  });
});
