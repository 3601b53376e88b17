import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseEvaluationItems } from '../evaluation/evaluationItem.js';
import { type EvaluationReport, runEvaluation } from '../evaluation/runEvaluation.js';
import { ensureKnowledgeFresh } from '../knowledge/knowledgeFingerprint.js';
import { openCommandLineContext, runCommandLine, UsageError } from './runCommandLine.js';

const usage = 'usage: npm run eval -- <questions.jsonl>';

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

runCommandLine(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file) throw new UsageError(usage);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const items = parseEvaluationItems(text);
  const context = openCommandLineContext();
  try {
    await ensureKnowledgeFresh(context);
    const report = await runEvaluation(context, items);
    process.stdout.write(formatReport(report));
    return report.failed === 0 ? 0 : 1;
  } finally {
    context.database.close();
  }
});
