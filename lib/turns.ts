/**
 * Work taken in turns per key: each call for a key starts when the one before
 * it for that key has settled; calls for other keys run alongside. What the
 * chat function uses so that a batch's messages to one room take their seqs
 * one after another instead of racing for the same one.
 */
export function turnsByKey() {
  const tails = new Map<string, Promise<unknown>>();
  return function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
    const mine = (tails.get(key) ?? Promise.resolve()).then(work);
    const tail = mine.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return mine;
  };
}
