import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { validateText } from '../pipeline';
import { sharedSubnetAccess } from '../model/network/shared-subnets-view';
import type { NetworkModel } from '../model/network/types';

/**
 * Writes every VPC's primary CIDR into org.yaml as an explicit `cidr:` under
 * network.accounts.<account>.vpcs.<vpc>, so org.yaml alone fixes the addressing (the lock file
 * stays the record for subnets). A VPC from a template gets a one-key override entry, which
 * merges with the template. Comments and formatting are kept (yaml Document API), and the new
 * text is validated before it replaces the file: it must give every VPC the same CIDR.
 */
export function pinVpcCidrs(file: string, network: NetworkModel, dir: string): { pinned: string[]; text: string } {
  const original = readFileSync(file, 'utf8');
  const doc = parseDocument(original, { keepSourceTokens: false });
  const pinned: string[] = [];
  for (const vpc of network.vpcs) {
    const path = ['network', 'accounts', vpc.accountKey, 'vpcs', vpc.key, 'cidr'];
    // IPAM picks these at apply time: an explicit CIDR would ask it for the prediction instead (a replacement).
    if (doc.getIn(path) === vpc.cidr || vpc.ipam?.netmask) continue;
    // A template VPC can be given as an explicit CIDR only through an account entry.
    doc.setIn(path, vpc.cidr);
    pinned.push(`${vpc.id} ${vpc.cidr}`);
  }
  const text = leastChanged(original, [doc.toString({ flowCollectionPadding: true }), doc.toString({ flowCollectionPadding: false })]);
  if (pinned.length === 0) return { pinned, text: original };
  const check = validateText(text, file, dir);
  const moved = network.vpcs.filter((v) => check.model?.network?.vpcs.find((w) => w.id === v.id)?.cidr !== v.cidr);
  if (!check.model || moved.length > 0) throw new Error(`pinning would change the network (${moved.map((v) => v.id).join(', ') || 'the result does not validate'}); org.yaml was not changed`);
  const staging = `${file}.staging-${process.pid}`;
  writeFileSync(staging, text);
  renameSync(staging, file);
  return { pinned, text };
}

/** One line per VPC: id, segment, CIDR, and where the VPC comes from. */
export function renderVpcTable(network: NetworkModel): string {
  const rows = network.vpcs.map((v) => [v.id, v.segment || '-', v.ipam?.netmask ? `${v.cidr} (IPAM, predicted)` : v.cidr, v.source]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['vpc', 'segment', 'cidr'][i]!.length));
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ');
  return [line(['vpc', 'segment', 'cidr', 'source']), ...rows.map(line)].join('\n');
}

/** The yaml library writes flow collections one way (`[ a ]` or `[a]`): keep the one that rewrites fewer lines. */
function leastChanged(original: string, candidates: readonly string[]): string {
  const lines = new Set(original.split('\n'));
  const changed = (text: string) => text.split('\n').filter((l) => !lines.has(l)).length;
  return [...candidates].sort((a, b) => changed(a) - changed(b))[0]!;
}

/**
 * The participants' view of shared subnets, for `lz network matrix`: per shared tier, its subnets,
 * who may launch into them, and the VPCs reachable from there (the owner VPC's). Empty without any.
 */
export function renderSharedSubnets(network: NetworkModel): string {
  const rows = sharedSubnetAccess(network).map((a) => [`${a.vpc}/${a.tier}`, a.subnets.join(' '), a.participants.join(', ') || '(none yet)', a.reaches.join(', ') || 'its own VPC only']);
  if (rows.length === 0) return '';
  const head = ['shared subnets', 'cidrs', 'participants', 'reaches'];
  const widths = [0, 1, 2].map((i) => Math.max(head[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}
