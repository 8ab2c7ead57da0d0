import { isNetworkFailureCode, SdkCode } from '../core/errors';
import type { DeleteResult } from '../core/types';
import type { DeletionOutcome } from './types';

export interface ClassifiedResults {
  /** Gone from the server, whoever deleted them: what the outcome reports as deleted. */
  deleted: string[];
  /** Deleted by this request (or found already gone): their rows leave for good. */
  deletedHere: string[];
  /** Refused by the backend: their rows come back, with the reason. */
  failed: DeleteResult[];
  /**
   * Not reached by the network (2800–2805): no failure, only not yet. Their rows stay hidden and
   * the outbox sends them again once the device is back online.
   */
  waitingForNetwork: string[];
}

/**
 * What each backend result means for the person who asked. "Not found" (2500) for a conversation
 * they asked to delete means it is already gone (another device deleted it, and this one never
 * heard): what they wanted, never a failure to retry. A failure of a conversation that an event
 * said was deleted meanwhile is no failure either. While the device is `offline` (the browser or
 * the backend's connection says so), every other failure is taken for the network's: an SDK
 * cut off mid-call may answer with any code.
 */
export function classifyResults(
  results: readonly DeleteResult[],
  deletedMeanwhile: ReadonlySet<string>,
  offline = false,
): ClassifiedResults {
  const deleted: string[] = [];
  const deletedHere: string[] = [];
  const failed: DeleteResult[] = [];
  const waitingForNetwork: string[] = [];
  for (const result of results) {
    const id = result.conversationID;
    if (result.ok || result.code === SdkCode.CONVERSATION_NOT_FOUND) {
      deleted.push(id);
      deletedHere.push(id);
    } else if (deletedMeanwhile.has(id)) {
      deleted.push(id);
    } else if (offline || isNetworkFailureCode(result.code)) {
      waitingForNetwork.push(id);
    } else {
      failed.push(result);
    }
  }
  return { deleted, deletedHere, failed, waitingForNetwork };
}

/** What a Retry of an outcome sends again: exactly its failures and what a stop left unsent. */
export function idsToRetry(outcome: DeletionOutcome): string[] {
  return [...outcome.failed.map((result) => result.conversationID), ...outcome.notSent];
}
