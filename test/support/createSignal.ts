/** A promise with its resolver outside, for "this has happened" moments (Node 20 lacks `Promise.withResolvers`). */
export function createSignal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
