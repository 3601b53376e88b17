import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent } from 'undici';
import { findAddressProblem } from './checkAddress.js';
import { refusedAddress } from './checkFeedUrl.js';

/** `dns.lookup`'s shape, as `net.connect` calls it; tests pass their own resolver. */
export type LookupFunction = (
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemLookup: LookupFunction = (hostname, options, callback) =>
  dnsLookup(hostname, { ...options, all: true }, callback);

/**
 * An undici Agent whose every connection checks the addresses its host name resolves to, at the
 * moment it connects: a name that resolves to a public address when added and to 127.0.0.1 later
 * (DNS rebinding) is refused then, and no byte is sent. All of a name's addresses must pass
 * (`findAddressProblem`); any failing one refuses the host. IP literals never reach the lookup
 * (`net.connect` skips it), so `checkFeedUrl` checks those before the request.
 *
 * @param connectTimeoutMs how long connecting (TCP and TLS) may take, in milliseconds.
 */
export function createFeedAgent(options: {
  allowPrivateNetwork: boolean;
  connectTimeoutMs: number;
  lookup?: LookupFunction;
}): Agent {
  const resolve = options.lookup ?? systemLookup;
  const checkedLookup = (
    hostname: string,
    lookupOptions: LookupOptions,
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ): void => {
    resolve(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const problem = findAddressProblem(address, options.allowPrivateNetwork);
        if (problem) return callback(refusedAddress(hostname, address, problem) as NodeJS.ErrnoException, []);
      }
      const [first] = addresses;
      if (!first)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      if (lookupOptions.all) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
  return new Agent({
    connect: { timeout: options.connectTimeoutMs, lookup: checkedLookup },
  });
}
