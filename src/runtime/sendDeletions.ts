import { chunk } from '../core/conversationIds';
import { UNKNOWN_FAILURE_CODE } from '../core/errors';
import { failAll, failed } from '../core/results';
import type { ChatAdapter, DeleteResult } from '../core/types';

/** How many batch calls may be in flight at once unless told otherwise. */
export const DEFAULT_DELETE_CONCURRENCY = 2;

export interface SendDeletionsOptions {
  adapter: ChatAdapter;
  /** Valid, distinct IDs. One ID takes the single-conversation route. */
  conversationIDs: readonly string[];
  clearMessage: boolean;
  /** Batch calls in flight at once. Default 2. */
  concurrency?: number;
  /** Asked before each chunk is sent; `true` sends no further chunks. */
  shouldStop?: () => boolean;
  /** Called with the IDs of each chunk as it is sent. */
  onChunkSent?: (conversationIDs: string[]) => void;
  /** Called with the results of each chunk as it completes. */
  onChunkSettled?: (results: DeleteResult[]) => void;
}

export interface SendDeletionsResult {
  /** One result per ID that was sent, in the order the IDs were given. */
  results: DeleteResult[];
  /** IDs of the chunks that were never sent because of a stop. */
  notSent: string[];
  stopped: boolean;
}

/** Exactly one result per sent ID, whatever the adapter returned: missing ones count as failed. */
function resultsFor(ids: readonly string[], returned: unknown): DeleteResult[] {
  const byID = new Map<string, DeleteResult>();
  if (Array.isArray(returned)) {
    for (const result of returned as (DeleteResult | null | undefined)[]) {
      if (typeof result?.conversationID === 'string') byID.set(result.conversationID, result);
    }
  }
  return ids.map(
    (id) =>
      byID.get(id) ?? failed(id, UNKNOWN_FAILURE_CODE, 'The backend returned no result for it'),
  );
}

/** Calls the adapter and never throws: a rejection (or a synchronous throw) fails every ID sent. */
async function sendChunk(
  adapter: ChatAdapter,
  ids: string[],
  clearMessage: boolean,
): Promise<DeleteResult[]> {
  try {
    if (ids.length === 1 && clearMessage) {
      return resultsFor(ids, [await adapter.deleteConversation(ids[0] as string)]);
    }
    // Keeping history is only possible through the list call, also for a single conversation.
    return resultsFor(ids, await adapter.deleteConversationList(ids, { clearMessage }));
  } catch (error) {
    return failAll(ids, error);
  }
}

/**
 * Sends deletions to an adapter: one ID through the single route, more in chunks of the adapter's
 * `maxBatchSize` with bounded concurrency, stopping between chunks when asked. No React, no cache:
 * the caller decides what results mean for the list.
 */
export async function sendDeletions(options: SendDeletionsOptions): Promise<SendDeletionsResult> {
  const { adapter, clearMessage, shouldStop = () => false, onChunkSent, onChunkSettled } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_DELETE_CONCURRENCY));
  const chunks = chunk(options.conversationIDs, adapter.capabilities.maxBatchSize);
  const resultsByChunk: DeleteResult[][] = [];
  let nextChunk = 0;
  let stopped = false;

  async function worker(): Promise<void> {
    while (nextChunk < chunks.length) {
      if (shouldStop()) {
        stopped = true;
        return;
      }
      const index = nextChunk;
      nextChunk += 1;
      onChunkSent?.(chunks[index] as string[]);
      const results = await sendChunk(adapter, chunks[index] as string[], clearMessage);
      resultsByChunk[index] = results;
      onChunkSettled?.(results);
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  return {
    results: resultsByChunk.flat(),
    notSent: chunks.slice(nextChunk).flat(),
    stopped,
  };
}
