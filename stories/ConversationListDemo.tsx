import { type CSSProperties, useEffect, useMemo, useState } from 'react';
import {
  type ChatAdapter,
  type Conversation,
  ConversationKitProvider,
  ConversationList,
  type ConversationListProps,
  type ConversationStore,
  createConversationStore,
  createMemoryChatServer,
  createMemoryOutbox,
  type Locale,
  type MemoryChatServer,
} from '../src';
import '../src/styles/styles.css';

export interface DemoProps extends Omit<ConversationListProps, 'style'> {
  /** How many conversations to generate, or the conversations themselves. */
  conversations?: number | Conversation[];
  seed?: number;
  latencyMs?: number;
  multiClientSync?: boolean;
  keepHistory?: boolean;
  locale?: Locale;
  dir?: 'ltr' | 'rtl';
  theme?: 'light' | 'dark';
  /** Height of the list box in px. */
  height?: number;
  width?: number | string;
  /** Start in selection mode with the first N rows selected. */
  selectedCount?: number;
  /** Start with the swipe of the row at this index open. */
  openSwipeIndex?: number;
  /** Start with a confirmation pending for the first N rows. */
  pendingCount?: number;
  /** An existing server (to put several devices on one server). */
  server?: MemoryChatServer;
  deviceId?: string;
  /** A caption above the list, e.g. the device's name. */
  title?: string;
  /** How long a confirmed deletion can be undone, in ms (the provider's `undoWindowMs`). Default 0. */
  undoWindowMs?: number;
  /**
   * Where confirmed deletions wait until the server has them: the browser's `localStorage` (the
   * provider's default, which a reload keeps) or an outbox of this list's own in memory. Lists
   * of one account on one page share what `localStorage` keeps, as the tabs of one browser do:
   * two devices side by side, or the stories of one docs page, each need their own.
   * Default `'localStorage'`.
   */
  keepDeletionsIn?: 'localStorage' | 'memory';
  /** Called once the demo's server, adapter and store exist (tests and stories reach in here). */
  onReady?: (parts: {
    server: MemoryChatServer;
    adapter: ChatAdapter;
    store: ConversationStore;
  }) => void;
}

/** The kit on the in-memory server, as Storybook and the browser tests show it. */
export function ConversationListDemo(props: DemoProps) {
  const {
    conversations = 30,
    seed = 1,
    latencyMs = 0,
    multiClientSync = true,
    keepHistory = true,
    locale = 'en',
    dir,
    theme,
    height = 560,
    width = '100%',
    selectedCount = 0,
    openSwipeIndex,
    pendingCount = 0,
    server: givenServer,
    deviceId = 'phone',
    title,
    undoWindowMs,
    keepDeletionsIn = 'localStorage',
    onReady,
    ...listProps
  } = props;
  const [server] = useState(
    () =>
      givenServer ??
      createMemoryChatServer({
        conversations,
        seed,
        latencyMs,
        multiClientSync,
        referenceTime: Date.now(),
      }),
  );
  const adapter = useMemo(
    () => server.connect(deviceId, { keepHistory }),
    [server, deviceId, keepHistory],
  );
  const [store] = useState(() => createConversationStore());
  const [outboxStorage] = useState(() =>
    keepDeletionsIn === 'memory' ? createMemoryOutbox() : undefined,
  );

  useEffect(() => {
    onReady?.({ server, adapter, store });
    if (selectedCount === 0 && openSwipeIndex === undefined && pendingCount === 0) return;
    const applyInitialState = (ids: readonly string[]) => {
      const state = store.getState();
      if (selectedCount > 0) {
        state.enterSelectionMode();
        state.replaceSelection(ids.slice(0, selectedCount));
      }
      if (openSwipeIndex !== undefined && ids[openSwipeIndex]) state.openSwipe(ids[openSwipeIndex]);
      if (pendingCount > 0) {
        // The confirmation starts as the list's own Delete would open it.
        state.requestDeletion(ids.slice(0, pendingCount), {
          clearHistory: listProps.defaultClearHistory ?? false,
        });
      }
    };
    // The initial state needs the list, which a quick backend may have delivered already.
    const loaded = store.getState().orderedIDs;
    if (loaded.length > 0) {
      applyInitialState(loaded);
      return;
    }
    return store.subscribe((state, previous) => {
      if (previous.orderedIDs.length > 0 || state.orderedIDs.length === 0) return;
      applyInitialState(state.orderedIDs);
    });
  }, [
    server,
    adapter,
    store,
    onReady,
    selectedCount,
    openSwipeIndex,
    pendingCount,
    listProps.defaultClearHistory,
  ]);

  const frame: CSSProperties = {
    height,
    width,
    // On a phone-sized viewport the frame shrinks with it rather than running off the edge.
    maxWidth: '100%',
    border: '1px solid var(--ck-border)',
    borderRadius: 12,
    overflow: 'hidden',
  };
  const caption: CSSProperties = {
    margin: '0 0 8px',
    font: '600 14px system-ui, sans-serif',
    color: 'var(--ck-foreground)',
  };
  return (
    <div dir={dir} data-ck-theme={theme} lang={locale}>
      {title && <p style={caption}>{title}</p>}
      <div style={frame}>
        <ConversationKitProvider
          adapter={adapter}
          store={store}
          locale={locale}
          undoWindowMs={undoWindowMs}
          outboxStorage={outboxStorage}
        >
          <ConversationList {...listProps} />
        </ConversationKitProvider>
      </div>
    </div>
  );
}
