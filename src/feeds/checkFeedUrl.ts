import { findAddressProblem, isIpLiteral } from './checkAddress.js';
import { FeedError } from './feedError.js';

/**
 * Parses and checks a URL before any request is sent: only `http:` and `https:`, no user name or
 * password, and a host that is a name (its addresses are checked when connecting, see
 * `createFeedAgent`) or a public IP address (see `findAddressProblem`). Run on the URL an admin
 * typed and on every redirect's target.
 *
 * @param base the URL a relative redirect `Location` is resolved against.
 * @throws FeedError `bad_url` for an unparsable URL or another scheme, `refused` for a non-public IP literal.
 */
export function checkFeedUrl(text: string, allowPrivateNetwork: boolean, base?: string): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (error) {
    throw new FeedError('bad_url', `not a web address: ${text}`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FeedError('bad_url', `only http and https addresses can be followed, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '')
    throw new FeedError('bad_url', 'addresses with a user name or password are not followed');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIpLiteral(host)) {
    const problem = findAddressProblem(host, allowPrivateNetwork);
    if (problem) throw refusedAddress(null, host, problem);
  }
  return url;
}

/**
 * The refusal an admin reads when a host is (`name` null) or resolves to a non-public address:
 * "refused: localhost resolves to 127.0.0.1, a loopback address; …". It names FEED_ALLOW_PRIVATE_NETWORK
 * only for an address the setting would allow: cloud metadata, loopback and the like never are.
 *
 * @param address the refused IP address, to tell whether the setting could lift the refusal.
 */
export function refusedAddress(name: string | null, address: string, problem: string): FeedError {
  const what = name === null ? problem : `${name} resolves to ${problem.replace(' is ', ', ')}`;
  const remedy =
    findAddressProblem(address, true) === null
      ? 'newsdesk only fetches public addresses (FEED_ALLOW_PRIVATE_NETWORK=true lifts this on a trusted network)'
      : 'newsdesk never fetches such an address, whatever FEED_ALLOW_PRIVATE_NETWORK says';
  return new FeedError('refused', `refused: ${what}; ${remedy}`);
}
