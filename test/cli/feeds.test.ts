import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type NewsSite, reply, startNewsSite } from '../support/newsSite.js';
import { rssFeed, serveStory, strikeArticles } from '../support/newsSiteContent.js';
import { runCommandLineTool } from '../support/runCommandLineTool.js';
import { runEntryPoint } from '../support/runEntryPoint.js';

let directory: string;
let site: NewsSite;
beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), 'newsdesk-cli-feeds-'));
  site = await startNewsSite();
});
afterEach(async () => {
  await site.close();
  rmSync(directory, { recursive: true, force: true });
});

const [dayOne, talks] = strikeArticles as [(typeof strikeArticles)[0], (typeof strikeArticles)[0]];

/** The tool's settings: temporary files, and the private-network check lifted for the test's 127.0.0.1 site. */
function settings(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_PATH: join(directory, 'newsdesk.sqlite'),
    KNOWLEDGE_DIR: join(process.cwd(), 'knowledge'),
    FEED_ALLOW_PRIVATE_NETWORK: 'true',
    FEED_HOST_PAUSE_MS: '0',
    ...extra,
  };
}

function feeds(args: string[], extra: Record<string, string> = {}) {
  return runCommandLineTool('feeds', args, settings(extra));
}

describe('feeds command line', () => {
  it('refuses a private address with one line and exit 2, sending no request', async () => {
    const { code, stderr } = await feeds(['add', site.url('/rss.xml')], {
      FEED_ALLOW_PRIVATE_NETWORK: 'false',
    });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^newsdesk: refused: 127\.0\.0\.1 is a loopback address; newsdesk only fetches public addresses/,
      ),
    ]);
    expect(site.requests).toHaveLength(0);
  });

  it('exits 2 for another scheme, an unknown feed and a missing subcommand', async () => {
    const scheme = await feeds(['add', 'ftp://files.example/feed.xml']);
    const unknown = await feeds(['remove', site.url('/none.xml')]);
    const missing = await feeds([]);
    const noKeywords = await feeds(['add', site.url('/rss.xml'), '--keywords', ' , ']);
    const bareKeywords = await feeds(['add', site.url('/rss.xml'), '--keywords']);
    expect([scheme.code, unknown.code, missing.code, noKeywords.code, bareKeywords.code]).toEqual([
      2, 2, 2, 2, 2,
    ]);
    expect(noKeywords.stderr).toMatch(/^newsdesk: --keywords needs at least one word/);
    expect(bareKeywords.stderr).toMatch(/^newsdesk: --keywords needs a value/);
    expect(scheme.stderr).toBe('newsdesk: only http and https addresses can be followed, not ftp:\n');
    expect(unknown.stderr).toMatch(
      /^newsdesk: no feed is followed at .+\/none\.xml; see the list of feeds\n$/,
    );
    expect(missing.stderr).toMatch(/^newsdesk: usage: npm run feeds -- add <url>/);
  });

  it('adds, polls and lists feeds, reporting a failing feed without failing the poll', async () => {
    serveStory(site);
    site.routes.set('/gone.xml', reply('application/rss+xml', rssFeed('Gone', [])));
    expect(
      (await feeds(['add', site.url('/rss.xml'), '--keywords', 'Port Selwick, dockworkers'])).stdout,
    ).toBe(`following ${site.url('/rss.xml')} (Courier)\n`);
    expect((await feeds(['add', site.url('/gone.xml')])).code).toBe(0);
    site.routes.delete('/gone.xml');
    const poll = await feeds(['poll']);
    expect(poll.code).toBe(0);
    expect(poll.stdout).toBe(
      `${site.url('/rss.xml')} (Courier): added 2, updated 0, off the story 0, already stored 0, unchanged 0, failed 0\n` +
        `  added: ${dayOne.title}\n  added: ${talks.title}\n` +
        `${site.url('/gone.xml')} (Gone): failed: 404 Not Found: nothing at this address; check the URL\n`,
    );
    const list = await feeds(['list', '--json']);
    const [story, gone] = JSON.parse(list.stdout) as Record<string, unknown>[];
    expect(story).toMatchObject({
      url: site.url('/rss.xml'),
      title: 'Courier',
      keywords: ['port selwick', 'dockworkers'],
      articles: 2,
      lastStatus: '200',
      lastError: null,
      addedIn: 'command line',
    });
    expect(story?.lastPolledAt).toEqual(expect.any(String));
    expect(gone).toMatchObject({
      lastStatus: '404',
      lastError: '404 Not Found: nothing at this address; check the URL',
    });
  });

  it('lists why the check on adding failed until the first poll, instead of "never polled yet"', async () => {
    site.routes.set('/busy.xml', reply('text/plain', 'try later', {}, 503));
    const add = await feeds(['add', site.url('/busy.xml')]);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/added, but the feed could not be read just now \(.*503/);
    const list = await feeds(['list']);
    expect(list.stdout).toMatch(/last poll: not polled yet; the check when it was added failed: .*503/);
  });

  it('cites a web article with its URL in ask --json', async () => {
    serveStory(site);
    await feeds(['add', site.url('/rss.xml')]);
    await feeds(['poll']);
    const { code, stdout } = await runCommandLineTool(
      'ask',
      ['--json', 'Who was appointed to the Port Selwick strike talks?'],
      settings(),
    );
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as { citations: { url?: string; source: string | null }[] };
    expect(answer.citations).toContainEqual(
      expect.objectContaining({ url: site.url(`/news/${talks.slug}`), source: 'Harbour Courier' }),
    );
  });

  it('lets only one of two processes poll at once; the other says so and exits 1', async () => {
    serveStory(site);
    await feeds(['add', site.url('/rss.xml')]);
    const feed = site.routes.get('/rss.xml');
    // The feed answers after 6 s, so the two polls (each about 3 s to start) surely overlap.
    site.routes.set('/rss.xml', (request, response) => {
      setTimeout(() => void feed?.(request, response), 6000);
    });
    const runs = await Promise.all([feeds(['poll']), feeds(['poll'])]);
    const codes = runs.map((run) => run.code).sort();
    expect(codes).toEqual([0, 1]);
    const refused = runs.find((run) => run.code === 1);
    expect(refused?.stderr).toBe(
      'newsdesk: another process is polling the feeds right now; try again in a minute\n',
    );
    expect(site.requestsFor(`/news/${dayOne.slug}`)).toHaveLength(1);
  });

  it('loses nothing and repeats nothing when the poll is killed between two items', async () => {
    serveStory(site);
    await feeds(['add', site.url('/rss.xml')]);
    const run = await runEntryPoint('src/cli/feeds.ts', settings(), ['poll']);
    site.routes.set(`/news/${talks.slug}`, () => {
      run.child.kill('SIGKILL');
    });
    // The first item is stored when the second page is asked for: the poll dies right there.
    expect(await run.exited).toMatchObject({ signal: 'SIGKILL' });
    serveStory(site);
    const again = await feeds(['poll']);
    expect(again.stdout).toBe(
      `${site.url('/rss.xml')} (Courier): added 1, updated 0, off the story 0, already stored 0, unchanged 1, failed 0\n  added: ${talks.title}\n`,
    );
    expect(site.requestsFor(`/news/${dayOne.slug}`)).toHaveLength(1);
  });
});
