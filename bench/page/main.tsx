import chatscopeStyles from '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css?inline';
import { Profiler } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  type Conversation,
  ConversationKitProvider,
  ConversationList,
  createConversationStore,
  createMemoryChatServer,
} from '../../src';
import { generateConversations } from '../../src/adapters/memory';
import { useConversationKit } from '../../src/context';
import type { DeletionState } from '../../src/runtime';
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

/** A selected row, as each contender marks it in the DOM. */
const selectedRowSelector: Record<Contender, string> = {
  kit: '[role="row"][data-selected]',
  naive: '[data-bench-row][data-selected]',
  chatscope: '.cs-conversation--active',
};

/**
 * Calls `callback` in the first task after the current frame is painted, when called from an
 * animation frame callback. A posted message, not a timer: a timer may let the tasks that the
 * contender queued meanwhile run first, and they would count as if they delayed the paint.
 */
function afterPaint(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}

/** "Painted": the next frame has been produced. */
const painted = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => afterPaint(resolve)));

async function until(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * Runs `action` at the start of a frame and resolves with the ms until a frame showing
 * `isShown()` has been produced. Started anywhere else, every result would include the wait for
 * the next frame boundary (up to 16.7 ms, the same whatever the contender does); started here,
 * a change made at once is painted in the frame it started in.
 */
function timeToPainted(action: () => void, isShown: () => boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    requestAnimationFrame(() => {
      let inStartFrame = true;
      let shownInStartFrame = false;
      // Mutation callbacks are microtasks: those of changes made before this frame renders run
      // before it, while `inStartFrame` still holds.
      const observer = new MutationObserver(() => {
        if (inStartFrame && isShown()) shownInStartFrame = true;
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      // Queued before the action, so that it runs before anything the action queues.
      afterPaint(() => {
        inStartFrame = false;
        observer.disconnect();
        if (shownInStartFrame) {
          resolve(performance.now() - start);
          return;
        }
        until(isShown)
          .then(painted)
          .then(() => resolve(performance.now() - start), reject);
      });
      const start = performance.now();
      action();
    });
  });
}

interface Session {
  contender: Contender;
  count: number;
  controls: BenchControls;
  server?: ReturnType<typeof createMemoryChatServer>;
  store?: ReturnType<typeof createConversationStore>;
  /** The kit's deletion state: whether deletions are still in flight. */
  deletions?: { getState(): DeletionState };
}

/** Hands the bench the runtime's deletion state, as a devtools panel would read it. */
function DeletionStateProbe(props: {
  onRuntime: (deletions: { getState(): DeletionState }) => void;
}) {
  props.onRuntime(useConversationKit().deletionState);
  return null;
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
        <DeletionStateProbe
          onRuntime={(deletions) => {
            current.deletions = deletions;
          }}
        />
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
    const current = session;
    // The garbage of generating the conversations is the bench's, not the contender's.
    window.gc?.();
    await painted();
    return timeToPainted(
      () => render(contender, conversations, current),
      () => rowCount() > 0,
    );
  },
  rowsInDOM: rowCount,
  /** Toggles the selection of the row at `index` on screen; ms until painted. */
  async toggleOne(index = 3): Promise<{ ms: number; commits: number }> {
    const current = session as Session;
    if (current.contender === 'kit') {
      current.store?.getState().enterSelectionMode();
      await until(() => document.querySelector('[role="row"] input[type="checkbox"]') !== null);
      await painted();
    }
    const target =
      current.contender === 'kit'
        ? document.querySelectorAll<HTMLElement>('[role="row"] input[type="checkbox"]')[index]
        : current.contender === 'naive'
          ? document.querySelectorAll<HTMLElement>('[data-bench="row-checkbox"]')[index]
          : document.querySelectorAll<HTMLElement>('.cs-conversation')[index];
    const row = target?.closest<HTMLElement>(rowSelector[current.contender]);
    if (!target || !row) throw new Error('no row to toggle');
    target.scrollIntoView({ block: 'nearest' });
    await painted();
    const wasSelected = row.matches(selectedRowSelector[current.contender]);
    const commitsBefore = counters.commits;
    const ms = await timeToPainted(
      () => target.click(),
      () => row.matches(selectedRowSelector[current.contender]) !== wasSelected,
    );
    return { ms, commits: counters.commits - commitsBefore };
  },
  /** Ticks "select all" (which clears a full selection); ms until painted. */
  async selectAll(): Promise<number> {
    const current = session as Session;
    if (current.contender === 'kit') {
      current.store?.getState().enterSelectionMode();
      await until(() => document.querySelector('.ck-select-all input') !== null);
      await painted();
    }
    const target = document.querySelector<HTMLInputElement>(
      current.contender === 'kit' ? '.ck-select-all input' : '[data-bench="select-all"]',
    );
    if (!target) throw new Error('no select-all control');
    const selecting = !target.checked;
    const rows = document.querySelectorAll(rowSelector[current.contender]);
    const lastRow = rows[rows.length - 1] as HTMLElement;
    return timeToPainted(
      () => target.click(),
      () =>
        lastRow.isConnected &&
        lastRow.matches(selectedRowSelector[current.contender]) === selecting,
    );
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
    const confirm = document.querySelector(confirmSelector) as HTMLElement;
    let start = 0;
    const ms = await timeToPainted(
      () => {
        start = performance.now();
        confirm.click();
      },
      () => shownCount() === before - count,
    );
    await until(() => (current.deletions?.getState().inFlightIDs.size ?? 0) === 0);
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
    const ms = await timeToPainted(
      () => {
        // Frame 1 is the one this starts in.
        countFrames();
        current.controls.removeIDs(ids);
      },
      () => shownCount() === before - count,
    );
    counting = false;
    return { ms, frames };
  },
};

declare global {
  interface Window {
    bench: typeof bench;
    /** Chromium's full garbage collection (`--js-flags=--expose-gc`). */
    gc?: () => void;
  }
}
window.bench = bench;
