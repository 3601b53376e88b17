import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';

/** Runs tasks one host at a time (see createHostQueue). */
export interface HostQueue {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

/**
 * One p-queue per host with a concurrency of 1, and `pauseMs` milliseconds between the end of one
 * task for a host and the start of the next: at most one request at a time reaches a site, however
 * many feeds and pages of it a poll holds. Hosts do not wait for each other.
 */
export function createHostQueue(pauseMs: number): HostQueue {
  const queues = new Map<string, { queue: PQueue; lastEnded: number }>();
  return {
    run(host, task) {
      let entry = queues.get(host);
      if (!entry) {
        entry = { queue: new PQueue({ concurrency: 1 }), lastEnded: 0 };
        queues.set(host, entry);
      }
      const current = entry;
      return current.queue.add(async () => {
        const wait = current.lastEnded + pauseMs - Date.now();
        if (wait > 0) await sleep(wait);
        try {
          return await task();
        } finally {
          current.lastEnded = Date.now();
        }
      });
    },
  };
}
