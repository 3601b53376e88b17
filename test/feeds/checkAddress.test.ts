import { describe, expect, it } from 'vitest';
import { findAddressProblem } from '../../src/feeds/checkAddress.js';
import { checkFeedUrl } from '../../src/feeds/checkFeedUrl.js';

describe('findAddressProblem', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private-network'],
    ['172.16.0.9', 'private-network'],
    ['192.168.1.1', 'private-network'],
    ['169.254.10.1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['::1', 'loopback'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['::ffff:10.0.0.1', 'private-network'],
  ])('refuses %s as a %s address', (address, range) => {
    expect(findAddressProblem(address, false)).toMatch(
      new RegExp(`is a ${range.replace(/[-()]/g, '.')} address$`),
    );
  });

  it('refuses the cloud metadata address even on a trusted network', () => {
    expect(findAddressProblem('169.254.169.254', true)).toBe('169.254.169.254 is a cloud metadata address');
    expect(findAddressProblem('0.0.0.0', true)).toBe('0.0.0.0 is the unspecified address');
  });

  it('lets public addresses through, and private ones when the network is trusted', () => {
    expect(findAddressProblem('93.184.216.34', false)).toBeNull();
    expect(findAddressProblem('2606:4700::1111', false)).toBeNull();
    expect(findAddressProblem('192.168.1.1', true)).toBeNull();
  });
});

describe('checkFeedUrl', () => {
  it.each([
    ['http://[::1]:8080/feed', '::1 is a loopback address'],
    ['http://2130706433/feed', '127.0.0.1 is a loopback address'],
    ['http://0x7f.1/feed', '127.0.0.1 is a loopback address'],
    ['https://[::ffff:192.168.0.1]/feed', '192.168.0.1 is a private-network address'],
  ])('refuses %s before any request', (url, problem) => {
    expect(() => checkFeedUrl(url, false)).toThrow(`refused: ${problem}; `);
  });

  it('names FEED_ALLOW_PRIVATE_NETWORK only where it would help', () => {
    expect(() => checkFeedUrl('http://10.0.0.5/feed', false)).toThrow(
      /FEED_ALLOW_PRIVATE_NETWORK=true lifts this/,
    );
    expect(() => checkFeedUrl('http://169.254.169.254/latest', true)).toThrow(
      /never fetches such an address, whatever FEED_ALLOW_PRIVATE_NETWORK says/,
    );
  });

  it('refuses other schemes and addresses with credentials', () => {
    expect(() => checkFeedUrl('file:///etc/passwd', true)).toThrow(
      'only http and https addresses can be followed, not file:',
    );
    expect(() => checkFeedUrl('https://user:secret@news.example/feed', true)).toThrow(
      'addresses with a user name or password are not followed',
    );
  });
});
