import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/feeds/decodeBody.js';
import { htmlToParagraphs } from '../../src/feeds/htmlToText.js';
import { parseFeedDocument } from '../../src/feeds/parseFeedDocument.js';

const feedUrl = 'https://news.example/feeds/port.xml';

describe('parseFeedDocument', () => {
  it('decodes entities and CDATA, makes links absolute and leaves a missing date empty', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Port &amp; Harbour</title>
      <item><title><![CDATA[Talks resume &amp; pay <b>offer</b> stands]]></title><link>/2026/12/talks</link>
      <description>Mediator&#8217;s plan &lt;i&gt;due&lt;/i&gt; Thursday</description><pubDate>not a date</pubDate></item>
      </channel></rss>`;
    const document = parseFeedDocument(rss, feedUrl);
    expect(document.title).toBe('Port & Harbour');
    expect(document.items).toEqual([
      expect.objectContaining({
        title: 'Talks resume & pay offer stands',
        url: 'https://news.example/2026/12/talks',
        summary: 'Mediator’s plan due Thursday',
        published: null,
      }),
    ]);
  });

  it('reads a Windows-1252 feed by its XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Caf\u00e9 \u2013 News</title></channel></rss>`;
    const bytes = Buffer.from(
      [...xml].map((character) => (character === '\u2013' ? 0x96 : character.charCodeAt(0))),
    );
    expect(parseFeedDocument(decodeBody(bytes, 'application/xml'), feedUrl).title).toBe('Café – News');
  });

  it('validates a JSON Feed and says what is wrong with a broken one', () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Wire',
      items: [{ id: 7, url: 'story/7', content_text: 'First.\n\nSecond.', authors: [{ name: 'R. Vale' }] }],
    };
    const document = parseFeedDocument(JSON.stringify(feed), feedUrl);
    expect(document.items[0]).toMatchObject({
      guid: '7',
      url: 'https://news.example/feeds/story/7',
      author: 'R. Vale',
    });
    expect(htmlToParagraphs(document.items[0]?.content ?? '')).toEqual(['First.', 'Second.']);
    expect(() => parseFeedDocument(JSON.stringify({ ...feed, items: [{ url: 'x' }] }), feedUrl)).toThrow(
      'not a JSON Feed: items.0.id: Invalid input',
    );
  });

  it('refuses a body that is no feed', () => {
    expect(() => parseFeedDocument('<html><body>Hello</body></html>', feedUrl)).toThrow(
      'not a feed: the page is not RSS, Atom or JSON Feed',
    );
  });
});
