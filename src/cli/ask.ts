import { randomUUID } from 'node:crypto';
import { askInConversation } from '../conversation/askInConversation.js';
import { findConversation } from '../conversation/conversationStore.js';
import { formatAnswer } from './formatAnswer.js';
import { askUsage, parseAskArguments } from './parseAskArguments.js';
import { refreshKnowledge } from './refreshKnowledge.js';
import { openCommandLineContext, runCommandLine } from './runCommandLine.js';

const millisecondsPerHour = 3_600_000;

runCommandLine(async () => {
  const options = parseAskArguments(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${askUsage}\n`);
    return 0;
  }
  const context = openCommandLineContext();
  try {
    await refreshKnowledge(context);
    // A mistyped or expired id would silently start afresh and lose the follow-up's context.
    const { conversationId } = options;
    const idle = context.config.CONVERSATION_IDLE_HOURS * millisecondsPerHour;
    if (
      conversationId !== undefined &&
      findConversation(context.database, conversationId, idle) === undefined
    )
      process.stderr.write(
        `newsdesk: no conversation ${JSON.stringify(conversationId)} is remembered (unknown, or idle for over ${context.config.CONVERSATION_IDLE_HOURS} hours): this question starts it afresh.\n`,
      );
    const answer = await askInConversation(context, {
      question: options.question,
      scope: { key: 'cli' },
      conversationId: options.conversationId ?? randomUUID(),
      ...(options.today !== undefined && { today: options.today }),
    });
    process.stdout.write(options.json ? `${JSON.stringify(answer, null, 2)}\n` : formatAnswer(answer));
    return 0;
  } finally {
    await context.vectorIndex?.close();
    context.database.close();
  }
});
