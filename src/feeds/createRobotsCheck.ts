import { createRequire } from 'node:module';
import type { FeedFetcher } from './createFeedFetcher.js';
import { decodeBody } from './decodeBody.js';
import { FeedError } from './feedError.js';

/** The product token newsdesk's User-Agent is matched by in robots.txt groups (RFC 9309 §2.2.1). */
export const robotsProductToken = 'newsdesk';

interface Robots {
  isAllowed(url: string, userAgent: string): boolean | undefined;
  getCrawlDelay(userAgent: string): number | undefined;
}

/** The longest Crawl-delay honoured, in seconds: beyond it a poll of one site would take hours. */
const maxCrawlDelaySeconds = 60;

// robots-parser is CommonJS whose types declare an ES default export that NodeNext cannot call.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robots;

type RobotsRules = Robots | 'allow all' | 'disallow all';

/**
 * Checks article URLs against their site's robots.txt, fetched once per origin for the life of the
 * check (one poll). Per RFC 9309 §2.3.1: a 4xx (no robots.txt) allows everything; a 5xx or an
 * unreachable robots.txt disallows everything for now; a refused address stays refused. A
 * `Crawl-delay` (up to 60 s) becomes the pause between that site's requests for the rest of the poll.
 *
 * @returns `assertAllowed(url)`, which throws FeedError `robots` naming the rule's effect when the
 *   page may not be fetched.
 */
export function createRobotsCheck(fetcher: FeedFetcher): { assertAllowed(url: string): Promise<void> } {
  const rulesByOrigin = new Map<string, Promise<RobotsRules>>();

  async function loadRules(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const fetched = await fetcher.fetch(robotsUrl, { kind: 'robots' });
      const robots = robotsParser(
        robotsUrl,
        decodeBody(fetched.body ?? Buffer.alloc(0), fetched.contentType),
      );
      const delay = robots.getCrawlDelay(robotsProductToken);
      if (delay !== undefined && delay > 0)
        fetcher.slowDown(new URL(origin).host, Math.min(delay, maxCrawlDelaySeconds) * 1000);
      return robots;
    } catch (error) {
      if (error instanceof FeedError && /^4\d\d$/.test(error.code)) return 'allow all';
      if (error instanceof FeedError && error.code === 'refused') throw error;
      return 'disallow all';
    }
  }

  return {
    async assertAllowed(url) {
      const { origin } = new URL(url);
      let rules = rulesByOrigin.get(origin);
      if (!rules) {
        rules = loadRules(origin);
        rulesByOrigin.set(origin, rules);
      }
      const loaded = await rules;
      if (loaded === 'allow all') return;
      if (loaded === 'disallow all')
        throw new FeedError(
          'robots',
          'robots.txt could not be read (the site is failing); tried again next poll',
        );
      if (loaded.isAllowed(url, robotsProductToken) === false)
        throw new FeedError('robots', 'robots.txt disallows newsdesk from reading this page');
    },
  };
}
