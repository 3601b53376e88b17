import type { NewsdeskDatabase } from '../storage/database.js';
import { prepareCached } from '../storage/prepareCached.js';

/** What BM25 needs to know about the index: how many passages, and how many contain a stem. */
export interface IndexStatistics {
  passageCount: number;
  /** Passages whose indexed terms contain `stem`; 0 when none does. */
  lookUp(stem: string): number;
}

interface CachedStatistics {
  version: string;
  passageCount: number;
  frequencies: Map<string, number>;
}

/** Distinct stems remembered per database: far more than questions use, a few hundred kilobytes. */
const maxCachedStems = 10_000;
const cacheByDatabase = new WeakMap<NewsdeskDatabase, CachedStatistics>();

// total_changes() moves with every row this connection writes, data_version with every commit by
// another connection (an ingest run from the CLI while the bot serves): together they tell whether the
// counts may have changed, for the price of one tiny statement instead of a count and a lookup per stem.
const versionSql = 'SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version';

/**
 * The passage count and document frequencies of `database`'s index, cached per connection until the
 * database changes. A question's stems and synonyms need a dozen frequency lookups, each a B-tree
 * search through fts5vocab (about 0.1 ms at 100,000 passages); cached, a repeated stem costs a Map read.
 *
 * @param database an open newsdesk database.
 */
export function readIndexStatistics(database: NewsdeskDatabase): IndexStatistics {
  const { changes, version } = prepareCached(database, versionSql).get() as {
    changes: number;
    version: number;
  };
  const currentVersion = `${version}:${changes}`;
  let cached = cacheByDatabase.get(database);
  if (cached?.version !== currentVersion) {
    const passageCount = prepareCached(database, 'SELECT count(*) FROM passages').pluck().get() as number;
    cached = { version: currentVersion, passageCount, frequencies: new Map() };
    cacheByDatabase.set(database, cached);
  }
  const { frequencies } = cached;
  const frequency = prepareCached(database, 'SELECT doc FROM passage_vocabulary WHERE term = ?').pluck();
  const lookUp = (stem: string): number => {
    let count = frequencies.get(stem);
    if (count === undefined) {
      if (frequencies.size >= maxCachedStems) frequencies.clear();
      count = (frequency.get(stem) as number | undefined) ?? 0;
      frequencies.set(stem, count);
    }
    return count;
  };
  return { passageCount: cached.passageCount, lookUp };
}
