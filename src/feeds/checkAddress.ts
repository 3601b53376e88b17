import ipaddr from 'ipaddr.js';

/**
 * Addresses refused even with FEED_ALLOW_PRIVATE_NETWORK: cloud metadata services (AWS, GCP, Azure,
 * OpenStack at 169.254.169.254; AWS's IPv6 one), where a fetched URL could read the host's credentials.
 * No feed is ever served from them.
 */
const metadataAddresses = new Set(['169.254.169.254', 'fd00:ec2::254']);

/**
 * Ranges no feed is served from even on a trusted network: "this host" (0.0.0.0, ::, which Linux
 * connects to the local machine), broadcast and multicast.
 */
const neverRanges = new Set(['unspecified', 'broadcast', 'multicast']);

/**
 * Why fetching from `address` is refused, or `null` when it may be fetched. Only ipaddr.js's `unicast`
 * range (the public Internet) passes: loopback, private (RFC 1918), link-local, carrier-grade NAT,
 * unique-local (fc00::/7), reserved, benchmarking, 6to4/Teredo tunnels and the rest are refused.
 * An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
 *
 * @param address an IPv4 or IPv6 address in any notation ipaddr.js parses.
 * @param allowPrivateNetwork FEED_ALLOW_PRIVATE_NETWORK: lifts the check except for the metadata
 *   addresses and the ranges in `neverRanges`.
 * @returns e.g. "127.0.0.1 is a loopback address", or `null`; an unparsable address is refused.
 */
export function findAddressProblem(address: string, allowPrivateNetwork: boolean): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const parsed = ipaddr.process(address);
  const normalized = parsed.toString();
  if (metadataAddresses.has(normalized)) return `${normalized} is a cloud metadata address`;
  const range = parsed.range();
  if (range === 'unicast') return null;
  if (allowPrivateNetwork && !neverRanges.has(range)) return null;
  return `${normalized} is ${describeRange(range)}`;
}

function describeRange(range: string): string {
  const names: Record<string, string> = {
    loopback: 'a loopback address',
    private: 'a private-network address',
    linkLocal: 'a link-local address',
    uniqueLocal: 'a unique-local address',
    carrierGradeNat: 'a carrier-grade NAT address',
    unspecified: 'the unspecified address',
    broadcast: 'the broadcast address',
    multicast: 'a multicast address',
  };
  return names[range] ?? `a non-public address (${range})`;
}

/** Whether `host` (a URL's hostname, IPv6 in brackets or not) is an IP literal rather than a name. */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/g, ''));
}
