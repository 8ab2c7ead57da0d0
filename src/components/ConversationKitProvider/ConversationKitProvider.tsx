import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatAdapter, DeletionOrigin } from '../../core/types';
import { createConversationKitRuntime } from '../../hooks/createConversationKitRuntime';
import { loadedCatalog, loadLocale } from '../../i18n/catalogs';
import { createTranslator, type Translator } from '../../i18n/createTranslator';
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
  /**
   * Language of every string the kit renders. Default `en`. Other catalogues load on demand:
   * the kit renders once its language is there (`loadLocale` ahead of time skips the wait).
   */
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

/** Whether the catalogue of `locale` is loaded (or failed to load), loading it if not. */
function useLocaleCatalog(locale: Locale): boolean {
  const [settledLocale, setSettledLocale] = useState<Locale | null>(null);
  const ready = loadedCatalog(locale) !== undefined || settledLocale === locale;
  useEffect(() => {
    if (ready) return;
    let current = true;
    loadLocale(locale)
      // A locale the kit does not speak: say why, and speak English rather than nothing.
      .catch(console.error)
      .then(() => {
        if (current) setSettledLocale(locale);
      });
    return () => {
      current = false;
    };
  }, [locale, ready]);
  return ready;
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

  const catalogReady = useLocaleCatalog(locale);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt once the catalogue arrives
  const translator = useMemo(
    () => createTranslator(locale, messages),
    [locale, messages, catalogReady],
  );
  // Nothing in the wrong language, not even for a frame: the kit waits for its catalogue, first
  // rendering nothing, and on a change of locale keeping the former language until it is there.
  const [shownTranslator, setShownTranslator] = useState<Translator | null>(null);
  if (catalogReady && shownTranslator !== translator) setShownTranslator(translator);
  const currentTranslator = catalogReady ? translator : shownTranslator;
  if (!currentTranslator) return null;

  return (
    <ConversationKitContext.Provider value={runtime}>
      <TranslatorContext.Provider value={currentTranslator}>{children}</TranslatorContext.Provider>
    </ConversationKitContext.Provider>
  );
}
