import { describeSdkCode, readBackendFailure, SdkCode } from './errors';
import type { DeleteResult } from './types';

/** A successful `DeleteResult`. */
export function succeeded(conversationID: string): DeleteResult {
  return { conversationID, ok: true, code: SdkCode.OK, message: 'Deleted' };
}

/** A failed `DeleteResult` with the backend's code and reason. */
export function failed(
  conversationID: string,
  code: number,
  message = describeSdkCode(code),
): DeleteResult {
  return { conversationID, ok: false, code, message };
}

/** One failed result per ID, all for the same backend error (a whole call that was rejected). */
export function failAll(conversationIDs: readonly string[], error: unknown): DeleteResult[] {
  const { code, message } = readBackendFailure(error);
  return conversationIDs.map((conversationID) => failed(conversationID, code, message));
}
