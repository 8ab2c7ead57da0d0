import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Conversation,
  ConversationKitProvider,
  ConversationList,
  type DeletionOrigin,
  type MemoryChatServer,
  useConversations,
} from 'conversation-kit';
import {
  type FormEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { fetchThread, type ThreadMessage, threadKey } from './thread';

const LOCALE = 'en';
/** How long a confirmed deletion can be taken back before it is sent. */
const UNDO_WINDOW_MS = 5000;
/** Below this width the app shows one pane at a time (keep in sync with app.css). */
const NARROW = '(max-width: 699.98px)';
const isNarrow = () => window.matchMedia(NARROW).matches;

export interface AppProps {
  server: MemoryChatServer;
  queryClient: QueryClient;
}

/** A two-pane chat shell: the kit's conversation list on the left, the open chat on the right. */
export function App({ server, queryClient }: AppProps) {
  // This browser, and the same person's laptop: two devices of one account on one server.
  const thisDevice = useMemo(() => server.connect('web'), [server]);
  const laptop = useMemo(() => server.connect('laptop'), [server]);

  const [open, setOpen] = useState<Conversation | null>(null);
  const [status, setStatus] = useState<ReactNode>(null);
  const [laptopBusy, setLaptopBusy] = useState(false);
  const openRef = useRef(open);
  openRef.current = open;

  // In the one-pane layout the pane that was clicked away disappears: focus follows the view.
  const focusNext = useRef<'conversation' | 'list' | null>(null);
  const listPaneRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'conversation') headingRef.current?.focus();
    // The grid hands focus on to its current row.
    if (target === 'list')
      listPaneRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  });

  const openConversation = useCallback((conversation: Conversation) => {
    setOpen(conversation);
    if (isNarrow()) focusNext.current = 'conversation';
  }, []);

  const backToList = useCallback(() => {
    setOpen(null);
    if (isNarrow()) focusNext.current = 'list';
  }, []);

  // Deleted here (origin 'local') or on another device ('remote'): close the chat if it was open.
  const onConversationsDeleted = useCallback(
    (ids: string[], { origin }: { origin: DeletionOrigin }) => {
      for (const id of ids) queryClient.removeQueries({ queryKey: threadKey(id) });
      const current = openRef.current;
      if (!current || !ids.includes(current.conversationID)) return;
      // Focus inside the closing pane (e.g. in the message box) goes back to the list.
      if (document.activeElement?.closest('.conversation-pane')) focusNext.current = 'list';
      setOpen(null);
      setStatus(
        origin === 'remote' ? (
          <>
            Closed <Name>{current.displayName}</Name>: it was deleted on another device.
          </>
        ) : (
          <>
            You deleted <Name>{current.displayName}</Name>.
          </>
        ),
      );
    },
    [queryClient],
  );

  async function deleteOnLaptop() {
    if (!open) return;
    const { conversationID, displayName } = open;
    setLaptopBusy(true);
    setStatus(
      <>
        Deleting <Name>{displayName}</Name> on your laptop…
      </>,
    );
    try {
      // Keeps the history, like the kit's dialog does unless "Also clear chat history" is ticked.
      const [result] = await laptop.deleteConversationList([conversationID], {
        clearMessage: false,
      });
      if (result && !result.ok) {
        setStatus(
          <>
            Your laptop could not delete <Name>{displayName}</Name>: {result.message}
          </>,
        );
      }
      // On success this device hears of it through onConversationsDeleted (origin 'remote').
    } catch (error) {
      setStatus(
        <>
          Your laptop could not delete <Name>{displayName}</Name>: {(error as Error).message}
        </>,
      );
    } finally {
      setLaptopBusy(false);
    }
  }

  return (
    // A deletion can be undone for 5 s (Undo in the list's status, or Ctrl/Cmd+Z in the list)
    // before it is sent; one confirmed and not undone survives a reload until the server has it.
    <ConversationKitProvider
      adapter={thisDevice}
      queryClient={queryClient}
      locale={LOCALE}
      undoWindowMs={UNDO_WINDOW_MS}
    >
      <div className="app" data-view={open ? 'conversation' : 'list'}>
        <header className="app-header">
          <div className="brand">
            <BrandMark />
            <span className="brand-name">Parley</span>
          </div>
          <p className="app-status" role="status">
            {status}
          </p>
          {/* biome-ignore lint/a11y/useSemanticElements: a group of controls, not a form fieldset */}
          <div className="device" role="group" aria-labelledby="device-label">
            <span className="device-label" id="device-label">
              Other device
            </span>
            <button
              type="button"
              className="device-button"
              onClick={deleteOnLaptop}
              disabled={!open || laptopBusy}
            >
              <LaptopIcon />
              Delete it on my laptop
            </button>
          </div>
        </header>
        <div className="panes">
          <section className="pane list-pane" aria-labelledby="chats-heading" ref={listPaneRef}>
            <div className="pane-header">
              <h1 className="pane-title" id="chats-heading">
                Chats
              </h1>
              <ChatsSummary />
            </div>
            <div className="list-host">
              <ConversationList
                activeConversationID={open?.conversationID ?? null}
                onConversationOpen={openConversation}
                onConversationsDeleted={onConversationsDeleted}
              />
            </div>
          </section>
          <main className="pane conversation-pane">
            {open ? (
              <ConversationPane
                key={open.conversationID}
                conversation={open}
                headingRef={headingRef}
                onBack={backToList}
              />
            ) : (
              <EmptyPane />
            )}
          </main>
        </div>
      </div>
    </ConversationKitProvider>
  );
}

/** A name from the chat data, isolated so that right-to-left names keep the sentence in order. */
function Name({ children }: { children: string }) {
  return <bdi className="name">{children}</bdi>;
}

/** The kit's hooks work anywhere under ConversationKitProvider, not only in its list. */
function ChatsSummary() {
  const { data: conversations } = useConversations();
  if (!conversations) return null;
  const unread = conversations.filter((conversation) => conversation.unreadCount > 0).length;
  return (
    <p className="pane-summary">
      {conversations.length} {conversations.length === 1 ? 'chat' : 'chats'}
      {unread > 0 ? ` · ${unread} unread` : ''}
    </p>
  );
}

const kindLabels: Record<Conversation['type'], string> = {
  C2C: 'Direct message',
  GROUP: 'Group chat',
  SYSTEM: 'Notifications',
};

function ConversationPane(props: {
  conversation: Conversation;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onBack(): void;
}) {
  const { conversation, headingRef, onBack } = props;
  const { conversationID, displayName } = conversation;
  const queryClient = useQueryClient();
  const thread = useQuery({
    queryKey: threadKey(conversationID),
    queryFn: () => fetchThread(conversation),
  });
  const [draft, setDraft] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);

  // Newest message in view, as in every chat app.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll again whenever messages change
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [thread.data]);

  function send(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    queryClient.setQueryData<ThreadMessage[]>(threadKey(conversationID), (messages = []) => [
      ...messages,
      {
        id: `${conversationID}-sent-${Date.now()}`,
        fromMe: true,
        sender: 'You',
        text,
        timestamp: Date.now(),
      },
    ]);
    setDraft('');
  }

  return (
    <>
      <div className="pane-header conversation-header">
        <button type="button" className="back-button" onClick={onBack} aria-label="Back to chats">
          <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M12.7 4.3 7 10l5.7 5.7-1.4 1.4L4.2 10l7.1-7.1z" />
          </svg>
        </button>
        <span className="avatar" aria-hidden="true">
          {initialsOf(displayName)}
        </span>
        <div className="conversation-title">
          <h2 ref={headingRef} tabIndex={-1} dir="auto">
            {displayName}
          </h2>
          <p>{kindLabels[conversation.type]}</p>
        </div>
      </div>
      <div className="thread-scroll" ref={scrollRef}>
        {thread.isPending ? (
          <p className="thread-note">Loading messages…</p>
        ) : thread.isError ? (
          <p className="thread-note">Messages could not be loaded.</p>
        ) : (
          <ol className="thread" aria-label={`Messages with ${displayName}`}>
            {thread.data.map((message, index) => (
              <MessageItem
                key={message.id}
                message={message}
                showSender={
                  conversation.type === 'GROUP' &&
                  !message.fromMe &&
                  thread.data[index - 1]?.sender !== message.sender
                }
              />
            ))}
          </ol>
        )}
      </div>
      <form className="composer" onSubmit={send}>
        <input
          className="composer-input"
          aria-label={`Message ${displayName}`}
          placeholder={`Message ${displayName}`}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          dir="auto"
        />
        <button type="submit" className="composer-send" disabled={!draft.trim()}>
          Send
        </button>
      </form>
    </>
  );
}

const timeFormat = new Intl.DateTimeFormat(LOCALE, { hour: 'numeric', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

function formatMessageTime(timestamp: number): string {
  const sameDay = new Date(timestamp).toDateString() === new Date().toDateString();
  return (sameDay ? timeFormat : dateTimeFormat).format(timestamp);
}

function MessageItem({ message, showSender }: { message: ThreadMessage; showSender: boolean }) {
  return (
    <li className="message" data-from={message.fromMe ? 'me' : 'them'}>
      <span className={showSender ? 'message-sender' : 'visually-hidden'}>
        {message.sender}
        {showSender ? '' : ':'}
      </span>
      <p className="message-bubble" dir="auto">
        {message.text}
      </p>
      <time className="message-time" dateTime={new Date(message.timestamp).toISOString()}>
        {formatMessageTime(message.timestamp)}
      </time>
    </li>
  );
}

function EmptyPane() {
  return (
    <div className="empty-pane">
      <BrandMark size={56} />
      <h2>Select a conversation</h2>
      <p>Choose a chat on the left to read it here.</p>
    </div>
  );
}

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = (word: string | undefined) => Array.from(word ?? '')[0] ?? '';
  if (words.length < 2 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(name)) {
    return first(words[0]).toLocaleUpperCase() || '?';
  }
  return (first(words[0]) + first(words[words.length - 1])).toLocaleUpperCase();
}

function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg
      className="brand-mark"
      viewBox="0 0 32 32"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="9" fill="var(--app-brand)" />
      <path
        d="M9 10h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-7l-5 4v-4H9a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2z"
        fill="var(--app-brand-2)"
      />
    </svg>
  );
}

function LaptopIcon() {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M4 4.5A1.5 1.5 0 0 1 5.5 3h9A1.5 1.5 0 0 1 16 4.5V12H4zm1.5 0V10.5h9v-6zM1.5 13.5h17l-.8 2a1.5 1.5 0 0 1-1.4 1H3.7a1.5 1.5 0 0 1-1.4-1z"
      />
    </svg>
  );
}
