import { readFileSync } from 'node:fs';
import { askQuestion } from '../src/answer/askQuestion.js';
import { loadConfig } from '../src/config/config.js';
import type { CoreContext } from '../src/context.js';
import { createLogger } from '../src/logger.js';
import { searchPassages } from '../src/retrieval/searchPassages.js';
import { openDatabase } from '../src/storage/database.js';
import { summariseLatency, timeEach } from './latency.js';

/**
 * Child process of `npm run bench`: serves the questions from an ingested database as the bot would,
 * in a process of its own so that its peak RSS is the serving footprint alone (corpus generation and
 * ingest ran elsewhere). Prints one JSON object: retrieval (`searchPassages`) and full offline ask
 * (`askQuestion`: retrieve + extractive compose) latencies in ms, peak RSS in MB, slowest retrievals.
 *
 * usage: tsx bench/serveQuestions.ts <database> <knowledge dir> <questions.json>
 */
const [databasePath = '', knowledgeDir = '', questionsPath = ''] = process.argv.slice(2);
const questions = JSON.parse(readFileSync(questionsPath, 'utf8')) as string[];
const config = loadConfig({ DATABASE_PATH: databasePath, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'silent' });
const context: CoreContext = { config, database: openDatabase(databasePath), logger: createLogger('silent') };

// One untimed pass warms SQLite's page cache and V8's compiled code, as a running bot would be.
for (const question of questions) await askQuestion(context, question);
const retrievalTimes = await timeEach(questions, (question) => searchPassages(context.database, question));
const askTimes = await timeEach(questions, (question) => askQuestion(context, question));
const slowest = questions
  .map((question, index) => ({
    question,
    milliseconds: Math.round((retrievalTimes[index] ?? 0) * 100) / 100,
  }))
  .sort((left, right) => right.milliseconds - left.milliseconds)
  .slice(0, 3);
context.database.close();
process.stdout.write(
  JSON.stringify({
    retrieval: summariseLatency(retrievalTimes),
    ask: summariseLatency(askTimes),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    slowest,
  }),
);
