/**
 * Resolves with the first record (past or future) that matches; rejects after `timeoutMs`
 * milliseconds. `waiters` is the owner's set of wake-ups, each called whenever a record is added.
 */
export function waitForRecord<T>(
  records: readonly T[],
  waiters: Set<() => void>,
  matches: (record: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = records.find(matches);
      if (!found) return;
      waiters.delete(check);
      clearTimeout(timer);
      resolve(found);
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`no matching request within ${timeoutMs} ms`));
    }, timeoutMs);
    waiters.add(check);
    check();
  });
}
