import { ConversationKitError } from './errors';

/**
 * The `clearMessage` of `deleteConversationList`'s options, checked: an adapter refuses a call
 * without it (`INVALID_ARGUMENT`) rather than guess whether the history goes too.
 */
export function readClearMessage(options: unknown): boolean {
  const clearMessage = (options as { clearMessage?: unknown } | null | undefined)?.clearMessage;
  if (typeof clearMessage !== 'boolean') {
    throw new ConversationKitError(
      'INVALID_ARGUMENT',
      'deleteConversationList needs options {clearMessage: boolean}',
    );
  }
  return clearMessage;
}
