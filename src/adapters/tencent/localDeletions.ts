/**
 * Remembers which conversations this client is deleting, so that a deletion seen in the SDK's
 * list emit can be told apart from one made on another device, and reported exactly once.
 */
export interface LocalDeletions {
  /** Marks IDs as being deleted by this client, before the SDK is called. */
  start(conversationIDs: readonly string[]): void;
  /** Whether a deletion of this ID by this client has not settled yet. */
  isInFlight(conversationID: string): boolean;
  /** Records that a list emit already reported this in-flight ID as deleted locally. */
  markReported(conversationID: string): void;
  /**
   * Settles the deletion of `conversationIDs`; returns the ones that succeeded and were not
   * reported yet, which the caller reports now.
   */
  finish(conversationIDs: readonly string[], succeededIDs: ReadonlySet<string>): string[];
}

export function createLocalDeletions(): LocalDeletions {
  // A count, not a set: two overlapping calls may delete the same ID, and the ID stays local
  // until both have settled.
  const inFlight = new Map<string, number>();
  const reported = new Set<string>();
  return {
    start(conversationIDs) {
      for (const id of conversationIDs) inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
    },
    isInFlight(conversationID) {
      return inFlight.has(conversationID);
    },
    markReported(conversationID) {
      reported.add(conversationID);
    },
    finish(conversationIDs, succeededIDs) {
      const toReport: string[] = [];
      for (const id of conversationIDs) {
        if (succeededIDs.has(id) && !reported.has(id)) {
          toReport.push(id);
          reported.add(id);
        }
        const remaining = (inFlight.get(id) ?? 1) - 1;
        if (remaining > 0) {
          inFlight.set(id, remaining);
        } else {
          inFlight.delete(id);
          reported.delete(id);
        }
      }
      return toReport;
    },
  };
}
