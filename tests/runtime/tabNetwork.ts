import type { OutboxTabMessage, OutboxTabs } from '../../src/runtime';

/** One simulated page of a browser: the kit's view of it, and the way to close it. */
export interface SimulatedTab {
  tabs: OutboxTabs;
  close(): void;
}

/**
 * The tabs of one simulated browser, as Web Locks and a BroadcastChannel make them: a message
 * reaches every other open page in a task of its own, and the pages waiting for one that closed
 * run their `onClosed` one after the other, each in a task of its own.
 */
export function createTabNetwork() {
  let lastTab = 0;
  const open = new Map<string, Set<(message: OutboxTabMessage) => void>>();
  const waitingFor = new Map<string, Set<() => void>>();

  function wake(tabID: string): void {
    for (const run of [...(waitingFor.get(tabID) ?? [])]) setTimeout(run, 0);
  }

  function openTab(): SimulatedTab {
    lastTab += 1;
    const tabID = `tab-${lastTab}`;
    const listeners = new Set<(message: OutboxTabMessage) => void>();
    open.set(tabID, listeners);
    const tabs: OutboxTabs = {
      tabID,
      whenClosed(otherTabID, onClosed) {
        let waiting = true;
        const run = () => {
          if (!waiting) return;
          waiting = false;
          waitingFor.get(otherTabID)?.delete(run);
          onClosed();
        };
        const waiters = waitingFor.get(otherTabID) ?? new Set();
        waitingFor.set(otherTabID, waiters);
        waiters.add(run);
        if (!open.has(otherTabID)) wake(otherTabID);
        return () => {
          waiting = false;
          waiters.delete(run);
        };
      },
      connect(listener) {
        listeners.add(listener);
        return {
          post(message) {
            for (const [otherTabID, others] of open) {
              if (otherTabID === tabID) continue;
              setTimeout(() => {
                // A page that closed meanwhile hears nothing more.
                if (open.get(otherTabID) !== others) return;
                for (const other of [...others]) other(message);
              }, 0);
            }
          },
          close: () => listeners.delete(listener),
        };
      },
    };
    return {
      tabs,
      close() {
        if (!open.delete(tabID)) return;
        wake(tabID);
      },
    };
  }

  return { openTab };
}
