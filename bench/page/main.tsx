import chatscopeStyles from '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css?inline';
import { Profiler } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  type Conversation,
  ConversationKitProvider,
  ConversationList,
  createConversationStore,
  createMemoryChatServer,
  generateConversations,
} from '../../src';
import kitStyles from '../../src/styles/styles.css?inline';
import { type BenchControls, createBenchControls } from './benchControls';
import { ChatscopeList } from './ChatscopeList';
import { NaiveList } from './NaiveList';

type Contender = 'kit' | 'naive' | 'chatscope';

const rowSelector: Record<Contender, string> = {
  kit: '[role="row"]',
  naive: '[data-bench-row]',
  chatscope: '.cs-conversation',
};

/**
 * "Painted": the frame that shows the change has been produced. An animation frame callback runs
 * just before that frame's paint, and a task queued from it runs after it: the usual way to time
 * to the next paint without a two-frame floor that would hide differences under 33 ms.
 */
const painted = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function until(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

interface Session {
  contender: Contender;
  count: number;
  controls: BenchControls;
  server?: ReturnType<typeof createMemoryChatServer>;
  store?: ReturnType<typeof createConversationStore>;
}

let root: Root | null = null;
let session: Session | null = null;
const counters = { commits: 0 };

function render(contender: Contender, conversations: Conversation[], current: Session) {
  const container = document.getElementById('root') as HTMLElement;
  root?.unmount();
  root = createRoot(container);
  let view: JSX.Element;
  if (contender === 'kit') {
    // The backend and its clients exist before the list mounts (a host app's chat SDK is logged
    // in first); what the list does with them, loading included, is what is timed.
    const server = current.server ?? createMemoryChatServer({ conversations });
    const phone = server.connect('phone');
    const laptop = server.connect('laptop');
    const store = createConversationStore();
    current.server = server;
    current.store = store;
    current.controls.removeIDs = (ids) => {
      void laptop.deleteConversationList(ids, { clearMessage: false });
    };
    current.controls.selectFirst = (count) => {
      store.getState().enterSelectionMode();
      store.getState().replaceSelection(store.getState().orderedIDs.slice(0, count));
    };
    current.controls.ids = () => store.getState().orderedIDs;
    view = (
      <ConversationKitProvider adapter={phone} store={store}>
        <ConversationList />
      </ConversationKitProvider>
    );
  } else if (contender === 'naive') {
    view = <NaiveList conversations={conversations} controls={current.controls} />;
  } else {
    view = <ChatscopeList conversations={conversations} controls={current.controls} />;
  }
  root.render(
    <Profiler id="bench" onRender={() => (counters.commits += 1)}>
      {view}
    </Profiler>,
  );
}

/** Each contender's page carries only its own stylesheet, as an app using it alone would. */
function applyStylesOf(contender: Contender): void {
  const css = contender === 'kit' ? kitStyles : contender === 'chatscope' ? chatscopeStyles : '';
  let style = document.getElementById('contender-styles');
  if (!style) {
    style = document.createElement('style');
    style.id = 'contender-styles';
    document.head.append(style);
  }
  if (style.textContent !== css) style.textContent = css;
}

function rowCount(): number {
  return session ? document.querySelectorAll(rowSelector[session.contender]).length : 0;
}

/** How many conversations the page shows now (the kit renders only a window of them). */
function shownCount(): number {
  if (session?.contender === 'kit') {
    return Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? 0);
  }
  return rowCount();
}

const bench = {
  counters,
  /** Mounts a contender with `count` conversations; resolves with ms until painted. */
  async mount(contender: Contender, count: number, seed = 1): Promise<number> {
    const conversations = generateConversations(count, seed).map((item) => item.conversation);
    session = { contender, count, controls: createBenchControls() };
    applyStylesOf(contender);
    if (contender === 'kit') {
      session.server = createMemoryChatServer({ conversations });
      // Connecting is idempotent per device: the render below gets these same clients.
      session.server.connect('phone');
      session.server.connect('laptop');
    }
    await painted();
    const start = performance.now();
    render(contender, conversations, session);
    await until(() => rowCount() > 0);
    await painted();
    return performance.now() - start;
  },
  rowsInDOM: rowCount,
  /** Toggles the selection of the 4th row on screen; ms until painted. */
  async toggleOne(): Promise<{ ms: number; commits: number }> {
    const current = session as Session;
    if (current.contender === 'kit') {
      current.store?.getState().enterSelectionMode();
      await until(() => document.querySelector('[role="row"] input[type="checkbox"]') !== null);
      await painted();
    }
    const target =
      current.contender === 'kit'
        ? document.querySelectorAll<HTMLElement>('[role="row"] input[type="checkbox"]')[3]
        : current.contender === 'naive'
          ? document.querySelectorAll<HTMLElement>('[data-bench="row-checkbox"]')[3]
          : document.querySelectorAll<HTMLElement>('.cs-conversation')[3];
    if (!target) throw new Error('no row to toggle');
    target.scrollIntoView({ block: 'nearest' });
    await painted();
    const commitsBefore = counters.commits;
    const start = performance.now();
    target.click();
    await painted();
    return { ms: performance.now() - start, commits: counters.commits - commitsBefore };
  },
  /** Selects every row; ms until painted. */
  async selectAll(): Promise<number> {
    const current = session as Session;
    if (current.contender === 'kit') {
      current.store?.getState().enterSelectionMode();
      await until(() => document.querySelector('.ck-select-all input') !== null);
      await painted();
    }
    const target = document.querySelector<HTMLElement>(
      current.contender === 'kit' ? '.ck-select-all input' : '[data-bench="select-all"]',
    );
    if (!target) throw new Error('no select-all control');
    const start = performance.now();
    target.click();
    await painted();
    return performance.now() - start;
  },
  /**
   * Deletes the first `count` rows through each contender's own delete action: ms until the rows
   * are gone on screen (painted), and until every backend result is in (settled).
   */
  async deleteSelected(
    count: number,
  ): Promise<{ ms: number; settledMs: number; backendCalls: number }> {
    const current = session as Session;
    const before = current.controls.ids().length;
    current.controls.selectFirst(count);
    await painted();
    const callsBefore = current.server?.calls.length ?? 0;
    const confirmSelector =
      current.contender === 'kit'
        ? '[role="alertdialog"] [data-variant]'
        : '[data-bench="delete-selected"]';
    if (current.contender === 'kit') {
      (document.querySelector('.ck-toolbar-delete') as HTMLElement).click();
      await until(() => document.querySelector(confirmSelector) !== null);
      await painted();
    }
    const start = performance.now();
    (document.querySelector(confirmSelector) as HTMLElement).click();
    await until(() => shownCount() === before - count);
    await painted();
    const ms = performance.now() - start;
    await until(() => (current.store?.getState().inFlightIDs.size ?? 0) === 0);
    await painted();
    return {
      ms,
      settledMs: performance.now() - start,
      backendCalls: (current.server?.calls.length ?? 0) - callsBefore,
    };
  },
  /** Another device deletes the first `count` rows; ms and frames until painted. */
  async remoteDelete(count: number): Promise<{ ms: number; frames: number }> {
    const current = session as Session;
    const ids = current.controls.ids().slice(0, count);
    const before = current.controls.ids().length;
    let frames = 0;
    let counting = true;
    const countFrames = () => {
      if (!counting) return;
      frames += 1;
      requestAnimationFrame(countFrames);
    };
    requestAnimationFrame(countFrames);
    const start = performance.now();
    current.controls.removeIDs(ids);
    await until(() => shownCount() === before - count);
    await painted();
    counting = false;
    return { ms: performance.now() - start, frames };
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
