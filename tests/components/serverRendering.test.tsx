// @vitest-environment jsdom
// Server rendering (issue 17, item 2): a list prefetched on the "server" (its own QueryClient,
// its own memory server and adapter) is rendered to HTML with react-dom/server, then hydrated in
// jsdom by a "browser" with other objects and a later clock. The rows are in the HTML, hydration
// finds no mismatch (relative times come from the data's fetch time, not from two clocks), the
// list then moves to the real clock, and a deletion goes through.
import './domSetup';
import {
  type DehydratedState,
  dehydrate,
  HydrationBoundary,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactElement, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import {
  type ChatAdapter,
  type Conversation,
  ConversationKitProvider,
  ConversationList,
  createMemoryChatServer,
} from '../../src';
import { conversationListQueryKey, prefetchConversationList } from '../../src/server';

/** When the server fetched the list; the newest conversation's last message is that moment. */
const SERVER_TIME = Date.UTC(2026, 2, 10, 9, 30);
/** When the browser hydrates: five minutes later. */
const BROWSER_TIME = SERVER_TIME + 5 * 60_000;

/** One message a minute, the newest sent as the server fetched the list. */
const conversations: Conversation[] = Array.from({ length: 40 }, (_, index) => ({
  conversationID: `C2Cuser${index}`,
  type: 'C2C',
  displayName: `User ${index}`,
  lastMessage: { text: `Message ${index}`, timestamp: SERVER_TIME - index * 60_000 },
  unreadCount: 0,
  isPinned: false,
}));

/** The same conversations wherever it runs, as the deterministic memory server of the Next.js example. */
function connectToBackend(): ChatAdapter {
  return createMemoryChatServer({ conversations }).connect('web', { cacheKey: 'inbox' });
}

const realNow = Date.now.bind(Date);

/** Sets the clock to `time`, running on from there (pointer gestures time themselves). */
function setClock(time: number): void {
  const offset = time - realNow();
  vi.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
}

function App(props: { queryClient: QueryClient; state: DehydratedState; adapter: ChatAdapter }) {
  return (
    <StrictMode>
      <QueryClientProvider client={props.queryClient}>
        <HydrationBoundary state={props.state}>
          <ConversationKitProvider adapter={props.adapter} outboxStorage={null}>
            <ConversationList />
          </ConversationKitProvider>
        </HydrationBoundary>
      </QueryClientProvider>
    </StrictMode>
  );
}

/** What a Server Component sends: the prefetched list, dehydrated and serialized. */
async function prefetchOnServer(): Promise<DehydratedState> {
  setClock(SERVER_TIME);
  const queryClient = new QueryClient();
  await prefetchConversationList(queryClient, connectToBackend());
  return JSON.parse(JSON.stringify(dehydrate(queryClient)));
}

/**
 * renderToString as a server runs it. jsdom gives this "server" a `document`, which no server
 * has: the kit's layout effects stay layout effects, and React 18 warns about them. A server
 * without one stays silent (serverRenderingInNode.test.tsx); only that warning is left out here.
 */
function renderAsServer(element: ReactElement): string {
  const errors = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('useLayoutEffect does nothing on the server')) {
      throw new Error(`console.error while rendering on the server: ${String(args[0])}`);
    }
  });
  try {
    return renderToString(element);
  } finally {
    errors.mockRestore();
  }
}

function renderOnServer(state: DehydratedState): string {
  return renderAsServer(
    <App queryClient={new QueryClient()} state={state} adapter={connectToBackend()} />,
  );
}

async function hydrateInBrowser(html: string, state: DehydratedState) {
  setClock(BROWSER_TIME);
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const hydrationErrors: unknown[] = [];
  const consoleErrors = vi.spyOn(console, 'error');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const root = await act(async () =>
    hydrateRoot(
      container,
      <App queryClient={queryClient} state={state} adapter={connectToBackend()} />,
      { onRecoverableError: (error) => hydrationErrors.push(error) },
    ),
  );
  return {
    hydrationErrors,
    consoleErrors,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

describe('server rendering', () => {
  it('puts the first screen of rows in the HTML, with times relative to the fetch', async () => {
    const state = await prefetchOnServer();
    const html = renderOnServer(state);
    const page = document.createElement('div');
    page.innerHTML = html;
    const rows = within(page).getAllByRole('row');
    // The windowed list renders what fits a screen before it can measure one, plus overscan.
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.length).toBeLessThan(40);
    expect(within(page).getByRole('grid', { name: 'Conversations' })).toBeTruthy();
    // The newest message was sent as the list was fetched: "now", whatever the server's clock
    // says while it renders.
    expect(rows[0]?.textContent).toContain('User 0');
    expect(rows[0]?.textContent).toContain('now');
    expect(rows[2]?.textContent).toContain('2 min. ago');
  });

  it('hydrates with no mismatch five minutes later, then moves to the real clock', async () => {
    const state = await prefetchOnServer();
    const html = renderOnServer(state);
    const browser = await hydrateInBrowser(html, state);
    try {
      expect(browser.hydrationErrors).toEqual([]);
      expect(
        browser.consoleErrors.mock.calls.filter((call) => /hydrat/i.test(String(call[0]))),
      ).toEqual([]);
      const [firstRow] = screen.getAllByRole('row');
      await waitFor(() => expect(firstRow?.textContent).toContain('User 0'));
      await waitFor(() => expect(firstRow?.textContent).toContain('5 min. ago'));
    } finally {
      browser.unmount();
    }
  });

  it('deletes a conversation in the hydrated list', async () => {
    const state = await prefetchOnServer();
    const browser = await hydrateInBrowser(renderOnServer(state), state);
    try {
      const user = userEvent.setup();
      const [firstRow] = screen.getAllByRole('row');
      const name = firstRow?.getAttribute('aria-label') ?? '';
      await user.click(within(firstRow as HTMLElement).getByRole('button', { name: /^Delete/ }));
      const dialog = screen.getByRole('alertdialog', { name: 'Delete conversation?' });
      await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
      await waitFor(() =>
        expect(
          screen.getByRole('grid', { name: 'Conversations' }).getAttribute('aria-rowcount'),
        ).toBe('39'),
      );
      expect(screen.queryByRole('row', { name })).toBeNull();
      expect(browser.hydrationErrors).toEqual([]);
    } finally {
      browser.unmount();
    }
  });

  it('takes an explicit referenceTime for the first render', () => {
    const ann: Conversation = {
      conversationID: 'C2Cann',
      type: 'C2C',
      displayName: 'Ann',
      lastMessage: { text: 'Hi', timestamp: SERVER_TIME },
      unreadCount: 0,
      isPinned: false,
    };
    const adapter = createMemoryChatServer({ conversations: [ann] }).connect('web', {
      cacheKey: 'inbox',
    });
    const queryClient = new QueryClient();
    queryClient.setQueryData(conversationListQueryKey(adapter), [ann], { updatedAt: SERVER_TIME });
    const html = renderAsServer(
      <ConversationKitProvider adapter={adapter} queryClient={queryClient} outboxStorage={null}>
        <ConversationList referenceTime={SERVER_TIME + 10 * 60_000} />
      </ConversationKitProvider>,
    );
    expect(html).toContain('10 min. ago');
  });
});
