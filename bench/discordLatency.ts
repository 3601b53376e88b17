import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSyntheticKnowledge } from '../src/evaluation/syntheticCorpus.js';
import { ingestKnowledge } from '../src/knowledge/ingest.js';
import { type RecordedRequest, readMessageBody } from '../test/support/fakeDiscord.js';
import { startTestBot } from '../test/support/startTestBot.js';
import { askWhile } from './askWhile.js';
import { describeTimes } from './describeTimes.js';
import { readBenchOptions } from './readBenchOptions.js';

/**
 * `npm run bench:discord`: drives 200 /ask interactions, one after another, through the fake Discord
 * gateway into the real bot, and prints p50/p99 of the time from INTERACTION_CREATE being sent to the
 * deferral arriving and to the final edit arriving (milliseconds). The bot runs in this process, so
 * the figures include discord.js's own REST queue (per-route buckets; interaction endpoints skip its
 * 50-a-second global limiter, see `InteractionAwareRest`).
 *
 * `npm run bench:discord -- --concurrent 500` dispatches 500 at once instead and also prints the time
 * from each deferral to its final edit, and how many final edits were apologies. The fake shares this
 * process and its cores with the bot, so its own work is in the figures too. `-- --ingest 5000` measures
 * deferrals while the bot ingests that many new articles (see `measureDuringIngest`).
 */
const interactions = 200;
const warmUp = 5;

async function readQuestions(): Promise<string[]> {
  const lines = (
    await readFile(new URL('../test/fixtures/questions.dev.jsonl', import.meta.url), 'utf8')
  ).split('\n');
  return lines
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { question: string }).question);
}

async function measureLatency(): Promise<void> {
  const questions = await readQuestions();
  const testBot = await startTestBot();
  const { fake } = testBot;
  const toDeferral: number[] = [];
  const toEdit: number[] = [];
  try {
    for (let index = 0; index < warmUp + interactions; index++) {
      const question = questions[index % questions.length] ?? 'Where are the talks?';
      const interaction = fake.dispatchCommand({ name: 'ask', options: { question } });
      const belongs = (request: RecordedRequest) => request.path.includes(interaction.token);
      const deferral = await fake.waitForRequest(
        (request) => belongs(request) && request.path.endsWith('/callback'),
      );
      const edit = await fake.waitForRequest(
        (request) => belongs(request) && request.method === 'PATCH' && request.status === 200,
      );
      if (index < warmUp) continue;
      toDeferral.push(deferral.receivedAt - interaction.dispatchedAt);
      toEdit.push(edit.receivedAt - interaction.dispatchedAt);
    }
  } finally {
    await testBot.stop();
  }
  console.log(`${interactions} /ask interactions through the fake gateway (after ${warmUp} warm-up):`);
  console.log(describeTimes('INTERACTION_CREATE → deferral', toDeferral));
  console.log(describeTimes('INTERACTION_CREATE → final edit', toEdit));
  const count = (message: string) => testBot.logLines.filter((line) => line.msg === message).length;
  console.log(
    `requests held back by discord.js's rate limiter: ${count('waiting for a rate limit to pass')}`,
  );
  console.log(`429s from Discord: ${count('rate limited by Discord')}`);
}

async function measureConcurrent(count: number): Promise<void> {
  const testBot = await startTestBot();
  const { fake } = testBot;
  try {
    const dispatched = Array.from({ length: count }, (_, index) =>
      fake.dispatchCommand({
        name: 'ask',
        options: { question: `Where are the talks being held? (${index})` },
      }),
    );
    const isAnswer = (request: RecordedRequest) => request.method === 'PATCH' && request.status === 200;
    // One poll, not a waiter per interaction: a thousand waiters re-scanning every request would be
    // most of the work measured.
    while (fake.requests.filter(isAnswer).length < count) await new Promise((wake) => setTimeout(wake, 50));
    const timings = dispatched.map((interaction) => {
      const requests = fake.requestsFor(interaction);
      const deferral = requests.find((request) => request.path.endsWith('/callback'));
      const edit = requests.find(isAnswer);
      const apology = /Sorry/.test(readMessageBody(edit)?.content ?? '');
      return {
        deferral: deferral?.receivedAt ?? Number.NaN,
        edit: edit?.receivedAt ?? Number.NaN,
        apology,
        interaction,
      };
    });
    console.log(`${count} /ask interactions dispatched at once through the fake gateway:`);
    console.log(
      describeTimes(
        'INTERACTION_CREATE → deferral',
        timings.map((t) => t.deferral - t.interaction.dispatchedAt),
      ),
    );
    console.log(
      describeTimes(
        'deferral → final edit',
        timings.map((t) => t.edit - t.deferral),
      ),
    );
    console.log(
      describeTimes(
        'INTERACTION_CREATE → final edit',
        timings.map((t) => t.edit - t.interaction.dispatchedAt),
      ),
    );
    console.log(`final edits that were apologies: ${timings.filter((t) => t.apology).length}`);
  } finally {
    await testBot.stop();
  }
}

/**
 * `--ingest 5000`: writes that many synthetic articles into the bot's knowledge folder and ingests
 * them in the bot's process (what its knowledge refresh does), while an /ask arrives every 50 ms;
 * prints the deferral times of the /asks dispatched while the ingest ran.
 */
async function measureDuringIngest(articles: number): Promise<void> {
  const testBot = await startTestBot();
  const { fake, context } = testBot;
  try {
    writeSyntheticKnowledge(join(context.config.KNOWLEDGE_DIR, 'synthetic'), { articles });
    const { result: summary, toDeferral, seconds } = await askWhile(fake, () => ingestKnowledge(context));
    console.log(`ingest of ${summary.added} new articles in the bot's process: ${seconds.toFixed(1)} s`);
    console.log(
      describeTimes(
        `/ask during the ingest (${toDeferral.length}): INTERACTION_CREATE → deferral`,
        toDeferral,
      ),
    );
  } finally {
    await testBot.stop();
  }
}

const usage = 'usage: npm run bench:discord -- [--concurrent N | --ingest N]\n';
const values = readBenchOptions('bench:discord', usage, {
  concurrent: { type: 'string' },
  ingest: { type: 'string' },
});
const concurrent = values.concurrent === undefined ? undefined : Number(values.concurrent);
const ingestArticles = values.ingest === undefined ? undefined : Number(values.ingest);
if (concurrent !== undefined) await measureConcurrent(concurrent || 500);
else if (ingestArticles !== undefined) await measureDuringIngest(ingestArticles || 5000);
else await measureLatency();
