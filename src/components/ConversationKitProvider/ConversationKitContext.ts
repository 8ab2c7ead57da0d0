import { createContext, useContext } from 'react';
import { ConversationKitError } from '../../core/errors';
import type { ConversationKitRuntime } from '../../hooks/createConversationKitRuntime';

export const ConversationKitContext = createContext<ConversationKitRuntime | null>(null);

/** The runtime of the nearest `ConversationKitProvider`; throws a clear error outside one. */
export function useConversationKit(consumerName = 'This hook'): ConversationKitRuntime {
  const runtime = useContext(ConversationKitContext);
  if (!runtime) {
    throw new ConversationKitError(
      'MISSING_PROVIDER',
      `\`${consumerName}\` must be used within \`ConversationKitProvider\``,
    );
  }
  return runtime;
}
