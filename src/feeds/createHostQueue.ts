import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';
import { FeedError } from './feedError.js';

/** Runs tasks one host at a time (see createHostQueue). */
export interface HostQueue {
  /**
   * Runs `task` in `host`'s turn.
   *
   * @throws FeedError `waiting`, without running `task`, while `host` is held off (see holdOff).
   */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** From now on waits at least `pauseMs` milliseconds between `host`'s tasks (robots.txt Crawl-delay). */
  slowDown(host: string, pauseMs: number): void;
  /** Runs no task for `host` before `until` (epoch milliseconds): the site's Retry-After. */
  holdOff(host: string, until: number): void;
}

interface HostState {
  queue: PQueue;
  lastEnded: number;
  pauseMs: number;
  heldUntil: number;
}

/**
 * One p-queue per host with a concurrency of 1, and `pauseMs` milliseconds (more when the site's
 * robots.txt asks) between the end of one task for a host and the start of the next: at most one
 * request at a time reaches a site, however many feeds and pages of it a poll holds. Hosts do not
 * wait for each other.
 */
export function createHostQueue(pauseMs: number): HostQueue {
  const hosts = new Map<string, HostState>();
  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) {
      state = { queue: new PQueue({ concurrency: 1 }), lastEnded: 0, pauseMs, heldUntil: 0 };
      hosts.set(host, state);
    }
    return state;
  };
  return {
    run(host, task) {
      const state = stateOf(host);
      return state.queue.add(async () => {
        if (state.heldUntil > Date.now()) {
          const until = new Date(state.heldUntil).toISOString().slice(11, 19);
          throw new FeedError('waiting', `the site asked newsdesk to wait until ${until} UTC (Retry-After)`, {
            retryAfterMs: state.heldUntil - Date.now(),
          });
        }
        const wait = state.lastEnded + state.pauseMs - Date.now();
        if (wait > 0) await sleep(wait);
        try {
          return await task();
        } finally {
          state.lastEnded = Date.now();
        }
      });
    },
    slowDown(host, hostPauseMs) {
      const state = stateOf(host);
      state.pauseMs = Math.max(state.pauseMs, hostPauseMs);
    },
    holdOff(host, until) {
      const state = stateOf(host);
      state.heldUntil = Math.max(state.heldUntil, until);
    },
  };
}
