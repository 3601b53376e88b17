import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../config/config.js';
import { parseEvaluationItems } from '../evaluation/evaluationItem.js';
import { prepareDistractorKnowledge } from '../evaluation/prepareDistractorKnowledge.js';
import { type EvaluationReport, runEvaluation } from '../evaluation/runEvaluation.js';
import { checkDate } from './readDateOption.js';
import { refreshKnowledge } from './refreshKnowledge.js';
import { openCommandLineContext, runCommandLine, UsageError } from './runCommandLine.js';

const usage =
  'usage: npm run eval -- [--knowledge <folder>] [--today YYYY-MM-DD] [--distractors <articles>] <questions.jsonl>';

/** A knowledge folder of the caller's choice is ingested into a temporary database, never the user's. */
function prepareTemporaryDatabase(): { databasePath: string; cleanUp(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-eval-'));
  return {
    databasePath: join(directory, 'newsdesk.sqlite'),
    cleanUp: () => rmSync(directory, { recursive: true, force: true }),
  };
}

function formatReport(report: EvaluationReport): string {
  const lines = report.results.map((result) => {
    const label = result.status.toUpperCase().padEnd(7);
    const answer = result.answers.map((item) => item.answer).join(' / ');
    const why = result.reasons.length > 0 ? `  (${result.reasons.join('; ')})` : '';
    return `${label} ${result.id}${why}\n        ${answer}`;
  });
  const { hits, total } = report.recallAtFive;
  const recall = total === 0 ? 'n/a' : `${hits}/${total} (${Math.round((hits / total) * 100)}%)`;
  lines.push(
    '',
    `recall@5: ${recall}`,
    `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`,
  );
  return `${lines.join('\n')}\n`;
}

function parseEvaluationArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      strict: true,
      options: {
        distractors: { type: 'string' },
        knowledge: { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs's own messages name the option; the usage line says what is accepted.
    throw new UsageError(`${(error as Error).message.split('.')[0]}; ${usage}`);
  }
}

runCommandLine(async () => {
  const { positionals, values } = parseEvaluationArguments();
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const file = positionals[0];
  if (!file) throw new UsageError(usage);
  const distractors = values.distractors === undefined ? 0 : Number(values.distractors);
  if (!Number.isInteger(distractors) || distractors < 0) throw new UsageError(usage);
  const today = values.today === undefined ? undefined : checkDate(values.today, 'today', usage);
  if (values.knowledge !== undefined && !statSync(values.knowledge, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`--knowledge ${values.knowledge} is not a folder; ${usage}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let items: ReturnType<typeof parseEvaluationItems>;
  try {
    items = parseEvaluationItems(text);
  } catch (error) {
    // A malformed line is the caller's input, as a bad option is: say where and what a line holds.
    throw new UsageError(
      `${file}: ${(error as Error).message.replace(/\s+/g, ' ')}; each line is one JSON object, {"id", "question", "answerable", "must_include", "source", …} or {"id", "turns": [{"question", …}]} (see docs/design.md, "Measuring it")`,
    );
  }
  // Distractors go into a temporary copy of the knowledge folder and a temporary database, never the user's.
  loadDotenv({ quiet: true });
  const knowledgeDir = values.knowledge ?? loadConfig().KNOWLEDGE_DIR;
  const temporary =
    distractors > 0
      ? prepareDistractorKnowledge(knowledgeDir, distractors)
      : values.knowledge !== undefined
        ? { knowledgeDir, ...prepareTemporaryDatabase() }
        : null;
  const context = openCommandLineContext(
    temporary
      ? { ...process.env, KNOWLEDGE_DIR: temporary.knowledgeDir, DATABASE_PATH: temporary.databasePath }
      : process.env,
  );
  try {
    await refreshKnowledge(context);
    const report = await runEvaluation(context, items, today);
    process.stdout.write(formatReport(report));
    return report.failed === 0 ? 0 : 1;
  } finally {
    context.database.close();
    temporary?.cleanUp();
  }
});
