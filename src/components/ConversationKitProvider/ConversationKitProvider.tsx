import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ConversationKitContext } from '../../context/ConversationKitContext';
import { TranslatorContext } from '../../context/TranslatorContext';
import type { ConversationKitError } from '../../core/errors';
import type { ChatAdapter } from '../../core/types';
import { useCallbackRef } from '../../hooks/useCallbackRef';
import { loadedCatalog, loadLocale } from '../../i18n/catalogs';
import { createTranslator, type Translator } from '../../i18n/createTranslator';
import type { Locale, Messages } from '../../i18n/messages';
import {
  type ConversationKitRuntime,
  createConversationKitRuntime,
} from '../../runtime/createConversationKitRuntime';
import type { OutboxStorage } from '../../runtime/outbox';
import {
  type ConversationStore,
  createConversationStore,
} from '../../store/createConversationStore';

export interface ConversationKitProviderProps {
  /** The chat backend: `createMemoryChatServer().connect()`, `createTencentChatAdapter(chat)` or your own. */
  adapter: ChatAdapter;
  /** The host app's QueryClient. Default: the one of a surrounding `QueryClientProvider`, else a client of the kit's own. */
  queryClient?: QueryClient;
  /**
   * The list's UI store (`createConversationStore()`), for tests and devtools that read or drive
   * it. Default: a store of this provider's own.
   */
  store?: ConversationStore;
  /**
   * Language of every string the kit renders. Other catalogues than English load on demand:
   * until the first one is there the kit speaks English, and on a change of locale it keeps the
   * former language until the new one is there (`loadLocale` ahead of time skips the wait).
   * @default 'en'
   */
  locale?: Locale;
  /** Overrides of single messages; anything missing falls back to the locale, then to English. */
  messages?: Partial<Messages>;
  /**
   * Called once for every refused request (an unknown or malformed ID, an empty selection…;
   * `refused: true`, nothing was hidden or sent) and every unexpected failure of a deletion under
   * way (its rows came back as failed). The list announces them too; nothing is lost silently.
   */
  onError?: (error: ConversationKitError, info: { refused: boolean }) => void;
  /**
   * How long a confirmed deletion can be undone before it is sent, in ms; 0 is off. While it
   * runs, the list's status says "Deleted 3 conversations" (or the one name) with an Undo button.
   * @default 0
   */
  undoWindowMs?: number;
  /**
   * Where confirmed deletions are kept until the backend has them, so that a reload or a closed
   * tab loses none (per account, `adapter.accountID`). Default: the browser's localStorage;
   * `null` keeps nothing. See docs/undo-and-offline.md.
   */
  outboxStorage?: OutboxStorage | null;
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
 * The runtime for these inputs: made once per set of inputs, in state rather than a memo, so
 * that React never throws away a runtime something subscribed to. Creating one has no side
 * effects; `connect()` in an effect subscribes it, and its cleanup disposes of it.
 */
function useRuntime(options: {
  adapter: ChatAdapter;
  queryClient: QueryClient;
  store: ConversationStore;
  undoWindowMs: number;
  outboxStorage: OutboxStorage | null | undefined;
}): ConversationKitRuntime<ConversationStore> {
  const { adapter, queryClient, store, undoWindowMs, outboxStorage } = options;
  // The runtime remembers the storage it was made with, so a new one makes a new runtime.
  const make = () => ({
    runtime: createConversationKitRuntime({
      adapter,
      queryClient,
      store,
      undoWindowMs,
      outboxStorage,
    }),
    outboxStorage,
  });
  const [made, setMade] = useState(make);
  let current = made;
  if (
    made.runtime.adapter !== adapter ||
    made.runtime.queryClient !== queryClient ||
    made.runtime.store !== store ||
    made.outboxStorage !== outboxStorage
  ) {
    current = make();
    setMade(current);
  }
  const { runtime } = current;
  // A new length applies to deletions confirmed from now on; those in a window keep theirs.
  useEffect(() => runtime.setUndoWindowMs(undoWindowMs), [runtime, undoWindowMs]);
  useEffect(() => runtime.connect(), [runtime]);
  return runtime;
}

/**
 * The translator for the locale and overrides. Overrides are compared by content, so inline
 * `messages={{…}}` objects do not make a new translator (and re-render every row) each render.
 */
function useTranslatorFor(locale: Locale, messages: Partial<Messages> | undefined): Translator {
  const catalogReady = useLocaleCatalog(locale);
  const messagesKey = messages ? JSON.stringify(messages) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: messages are compared by content; rebuilt once the catalogue arrives
  const translator = useMemo(
    () => createTranslator(locale, messages),
    [locale, messagesKey, catalogReady],
  );
  // On a change of locale the former language stays until the new one is there; before any
  // catalogue arrived, the translator speaks English (its fallback) with the locale's formats.
  const [shownTranslator, setShownTranslator] = useState<Translator>(translator);
  if (catalogReady && shownTranslator !== translator) setShownTranslator(translator);
  return catalogReady ? translator : shownTranslator;
}

/**
 * Provides one conversation list scope: its adapter, its query cache and its own store.
 * Two providers never share selection or pending deletions, even on one QueryClient.
 */
export function ConversationKitProvider(props: ConversationKitProviderProps) {
  const { adapter, children, locale = 'en', messages } = props;
  const contextClient = useContext(QueryClientContext);
  // Made only when the host gives none, and then kept: a host that stops passing its client
  // gets the same fallback every render, not a new cache (and runtime) each time.
  const ownClientRef = useRef<QueryClient | null>(null);
  let queryClient = props.queryClient ?? contextClient;
  if (!queryClient) {
    ownClientRef.current ??= createKitQueryClient();
    queryClient = ownClientRef.current;
  }
  const [ownStore] = useState(() => createConversationStore());
  const store = props.store ?? ownStore;
  const runtime = useRuntime({
    adapter,
    queryClient,
    store,
    undoWindowMs: props.undoWindowMs ?? 0,
    outboxStorage: props.outboxStorage,
  });

  // The latest `onError` without subscribing again when a host passes a new function.
  const onError = useCallbackRef(props.onError);
  useEffect(
    () => runtime.subscribeToErrors(({ error, refused }) => onError(error, { refused })),
    [runtime, onError],
  );

  const translator = useTranslatorFor(locale, messages);

  return (
    <ConversationKitContext.Provider value={runtime}>
      <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>
    </ConversationKitContext.Provider>
  );
}
