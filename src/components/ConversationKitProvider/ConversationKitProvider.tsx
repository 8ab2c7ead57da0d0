import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatAdapter, DeletionOrigin } from '../../core/types';
import { createConversationKitRuntime } from '../../hooks/createConversationKitRuntime';
import { createTranslator } from '../../i18n/createTranslator';
import type { Locale, Messages } from '../../i18n/messages';
import {
  type ConversationStore,
  createConversationStore,
} from '../../store/createConversationStore';
import { ConversationKitContext } from './ConversationKitContext';
import { TranslatorContext } from './TranslatorContext';

export interface ConversationKitProviderProps {
  /** The chat backend: `createMemoryChatServer().connect()`, `createTencentChatAdapter(chat)` or your own. */
  adapter: ChatAdapter;
  /** The host app's QueryClient. Default: the one of a surrounding `QueryClientProvider`, else a client of the kit's own. */
  queryClient?: QueryClient;
  /** Injects a store, e.g. in tests. Default: a new store for this provider. */
  store?: ConversationStore;
  /** Whether "Also clear chat history" starts checked. Default false. */
  defaultClearHistory?: boolean;
  /** Language of every string the kit renders. Default `en`. */
  locale?: Locale;
  /** Overrides of single messages; anything missing falls back to the locale, then to English. */
  messages?: Partial<Messages>;
  /** Called once for every deletion, whether it was made here or on another device. */
  onConversationsDeleted?: (conversationIDs: string[], info: { origin: DeletionOrigin }) => void;
  children: ReactNode;
}

function createKitQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: 1 } } });
}

/**
 * Provides one conversation list scope: its adapter, its query cache and its own store.
 * Two providers never share selection or pending deletions, even on one QueryClient.
 */
export function ConversationKitProvider(props: ConversationKitProviderProps) {
  const { adapter, children, defaultClearHistory, locale = 'en', messages } = props;
  const contextClient = useContext(QueryClientContext);
  const [ownClient] = useState<QueryClient | null>(() =>
    props.queryClient || contextClient ? null : createKitQueryClient(),
  );
  const queryClient = props.queryClient ?? contextClient ?? ownClient ?? createKitQueryClient();
  const [ownStore] = useState(() => createConversationStore({ defaultClearHistory }));
  const store = props.store ?? ownStore;

  const runtime = useMemo(
    () => createConversationKitRuntime({ adapter, queryClient, store }),
    [adapter, queryClient, store],
  );

  useEffect(() => runtime.connect(), [runtime]);

  const onDeletedRef = useRef(props.onConversationsDeleted);
  onDeletedRef.current = props.onConversationsDeleted;
  useEffect(
    () =>
      runtime.subscribe((event) => {
        if (event.type === 'conversationsDeleted') {
          onDeletedRef.current?.(event.conversationIDs, { origin: event.origin });
        }
      }),
    [runtime],
  );

  const translator = useMemo(() => createTranslator(locale, messages), [locale, messages]);

  return (
    <ConversationKitContext.Provider value={runtime}>
      <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>
    </ConversationKitContext.Provider>
  );
}
