/**
 * Query parameters that only say how a reader arrived (campaign and click trackers of Google
 * Analytics, Facebook, Google Ads, Mailchimp, Microsoft, HubSpot, Instagram), never which article:
 * the same page with different ones is the same article.
 */
const trackingParameters = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'ocid',
  'cmpid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'yclid',
  'twclid',
  'ref_src',
]);

/**
 * An article URL reduced to what names the article: `utm_*` and the trackers above removed, the
 * fragment dropped (URL parsing already lower-cases the host and drops a default port).
 *
 * @returns the URL's `href`, or `null` when `text` is not an absolute http(s) URL.
 */
export function canonicalizeUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  for (const name of [...url.searchParams.keys()]) {
    if (name.toLowerCase().startsWith('utm_') || trackingParameters.has(name.toLowerCase()))
      url.searchParams.delete(name);
  }
  url.hash = '';
  return url.href;
}
