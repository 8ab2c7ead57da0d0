import { ConversationKitError } from '../core/errors';
import type { ChatAdapter } from '../core/types';

/**
 * Checks what an adapter says it can do before anything relies on it: a batch size that is not
 * a positive whole number would make chunking fail after rows already left the list.
 */
export function assertAdapterCapabilities(adapter: ChatAdapter): void {
  const capabilities = (adapter as Partial<ChatAdapter> | null | undefined)?.capabilities;
  const maxBatchSize = capabilities?.maxBatchSize;
  if (typeof maxBatchSize !== 'number' || !Number.isSafeInteger(maxBatchSize) || maxBatchSize < 1) {
    throw new ConversationKitError(
      'INVALID_ADAPTER',
      `The adapter's capabilities.maxBatchSize must be a whole number of 1 or more, not ${String(maxBatchSize)}`,
    );
  }
  if (typeof capabilities?.keepHistory !== 'boolean') {
    throw new ConversationKitError(
      'INVALID_ADAPTER',
      "The adapter's capabilities.keepHistory must be true or false",
    );
  }
  const methods = [
    'getConversationList',
    'deleteConversation',
    'deleteConversationList',
    'subscribe',
  ] as const;
  for (const method of methods) {
    if (typeof adapter[method] !== 'function') {
      throw new ConversationKitError('INVALID_ADAPTER', `The adapter has no ${method} method`);
    }
  }
}

const adapterKeys = new WeakMap<object, number>();
let lastAdapterKey = 0;

/** A number per adapter, so that two devices sharing the host's QueryClient never mix lists. */
function keyOfAdapter(adapter: object): number {
  let key = adapterKeys.get(adapter);
  if (key === undefined) {
    lastAdapterKey += 1;
    key = lastAdapterKey;
    adapterKeys.set(adapter, key);
  }
  return key;
}

/**
 * The query key of an adapter's conversation list. Every key of the kit starts with
 * `['conversation-kit']`, so `queryClient.invalidateQueries({queryKey: ['conversation-kit']})`
 * reaches them all. An adapter with a `cacheKey` is keyed by it (a string: it never meets the
 * numbers of adapters without one), so that a server and a browser find the same list.
 */
export function conversationListQueryKey(
  adapter: Pick<ChatAdapter, 'cacheKey'>,
): readonly unknown[] {
  const { cacheKey } = adapter;
  return ['conversation-kit', 'conversations', cacheKey ?? keyOfAdapter(adapter)];
}
