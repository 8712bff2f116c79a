import { Address4 } from 'ip-address';

/** An IPv4 block as a closed range of addresses, computed by ip-address. */
export interface Block {
  readonly cidr: string;
  readonly first: bigint;
  readonly last: bigint;
  readonly prefixLength: number;
}

export function block(cidr: string): Block {
  const address = new Address4(cidr);
  return { cidr, first: address.startAddress().bigInt(), last: address.endAddress().bigInt(), prefixLength: address.subnetMask };
}

export function overlaps(a: Block, b: Block): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function contains(outer: Block, inner: Block): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

export function addressCount(prefixLength: number): bigint {
  return 2n ** BigInt(32 - prefixLength);
}

/**
 * The lowest block of `prefixLength` inside `space` that overlaps none of `taken`, or undefined.
 * Candidates are aligned on their own size, so every result is a valid CIDR. One sweep over the
 * taken blocks in address order: a clash moves the candidate to the first aligned address after
 * the clashing block, so a pool with thousands of VPCs costs one pass, not one pass per address.
 */
export function firstFreeBlock(space: Block, prefixLength: number, taken: readonly Block[]): string | undefined {
  if (prefixLength < space.prefixLength || prefixLength > 32) return undefined;
  const size = addressCount(prefixLength);
  const align = (address: bigint) => space.first + ((address - space.first + size - 1n) / size) * size;
  const sorted = taken.filter((t) => overlaps(space, t)).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  let candidate = space.first;
  for (const t of sorted) {
    if (candidate + size - 1n > space.last) return undefined;
    if (t.last < candidate) continue;
    if (t.first > candidate + size - 1n) break;
    candidate = align(t.last + 1n);
  }
  return candidate + size - 1n <= space.last ? `${Address4.fromBigInt(candidate).correctForm()}/${prefixLength}` : undefined;
}

/** Free addresses of `space` not covered by `taken`, and the largest free aligned prefix (for messages). */
export function freeSpace(space: Block, taken: readonly Block[]): { addresses: bigint; largestPrefix?: number } {
  let used = 0n;
  const inside = taken
    .filter((t) => overlaps(space, t))
    .map((t) => ({ first: t.first < space.first ? space.first : t.first, last: t.last > space.last ? space.last : t.last }))
    .sort((a, b) => (a.first < b.first ? -1 : 1));
  let cursor = space.first;
  for (const t of inside) {
    const from = t.first > cursor ? t.first : cursor;
    if (t.last >= from) used += t.last - from + 1n;
    if (t.last + 1n > cursor) cursor = t.last + 1n;
  }
  let largestPrefix: number | undefined;
  for (let p = space.prefixLength; p <= 32; p += 1)
    if (firstFreeBlock(space, p, taken) !== undefined) {
      largestPrefix = p;
      break;
    }
  return { addresses: space.last - space.first + 1n - used, ...(largestPrefix !== undefined ? { largestPrefix } : {}) };
}
