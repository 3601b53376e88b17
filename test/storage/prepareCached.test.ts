import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { prepareCached } from '../../src/storage/prepareCached.js';

describe('prepareCached', () => {
  it('returns the same statement for the same SQL on one database, and another on another', () => {
    const first = openDatabase(':memory:');
    const second = openDatabase(':memory:');
    const sql = 'SELECT count(*) FROM passages';
    expect(prepareCached(first, sql)).toBe(prepareCached(first, sql));
    expect(prepareCached(first, sql)).not.toBe(prepareCached(second, sql));
    first.close();
    second.close();
  });
});
