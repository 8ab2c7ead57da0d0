import { createContext, useContext } from 'react';
import { ConversationKitError } from '../core/errors';
import type { ConversationKitRuntime } from '../runtime/createConversationKitRuntime';
import type { ConversationStore } from '../store/types';

/** The runtime of one provider, with the list's UI store it keeps in step. */
export type ProvidedRuntime = ConversationKitRuntime<ConversationStore>;

export const ConversationKitContext = createContext<ProvidedRuntime | null>(null);

/** The runtime of the nearest `ConversationKitProvider`; throws a clear error outside one. */
export function useConversationKit(consumerName = 'This hook'): ProvidedRuntime {
  const runtime = useContext(ConversationKitContext);
  if (!runtime) {
    throw new ConversationKitError(
      'MISSING_PROVIDER',
      `\`${consumerName}\` must be used within \`ConversationKitProvider\``,
    );
  }
  return runtime;
}
