import { openDatabase } from '../../src/storage/database.js';

// Usage: tsx test/support/openDatabaseAt.ts PATH EPOCH_MS. Waits until EPOCH_MS, then opens (creating
// and migrating) the database at PATH and closes it: several of these started together open one new
// file at the same moment, as the bot and an ingest may. Prints "opened" or the error's message.
const [path = '', at = '0'] = process.argv.slice(2);
while (Date.now() < Number(at)) {
  // A busy wait: a timer would let the processes drift apart by its granularity.
}
try {
  openDatabase(path).close();
  console.log('opened');
} catch (error) {
  console.log((error as Error).message);
  process.exitCode = 1;
}
