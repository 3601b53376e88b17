import type { CoreContext } from '../context.js';
import { ensureKnowledgeFresh } from './knowledgeFingerprint.js';

/** The bot's periodic re-scan of the knowledge folder. */
export interface KnowledgeRefresh {
  /**
   * Re-scans now (joining a scan already running rather than starting a second, overlapping ingest).
   * Never rejects: a missing folder or a failed ingest is logged and the stored knowledge kept.
   */
  refresh(): Promise<void>;
  /** Stops the timer; a scan in progress finishes on its own. */
  stop(): void;
}

/**
 * Starts re-scanning `config.KNOWLEDGE_DIR` at once and then every `KNOWLEDGE_REFRESH_MINUTES`, with
 * `ensureKnowledgeFresh` (a folder listing when nothing changed, an incremental ingest otherwise), so a
 * file dropped into the folder becomes answerable, and part of the next digest, without a restart.
 */
export function startKnowledgeRefresh(context: CoreContext): KnowledgeRefresh {
  let running: Promise<void> | undefined;
  const refresh = (): Promise<void> => {
    running ??= ensureKnowledgeFresh(context)
      .then(
        (summary) => {
          if (summary)
            context.logger.info({ added: summary.added, updated: summary.updated }, 'knowledge refreshed');
        },
        (error: unknown) => context.logger.error({ err: error }, 'knowledge refresh failed'),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void refresh(), context.config.KNOWLEDGE_REFRESH_MINUTES * 60_000);
  timer.unref();
  void refresh();
  return { refresh, stop: () => clearInterval(timer) };
}
