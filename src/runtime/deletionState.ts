import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeletionOutcome, DeletionProgress } from './types';
import type { UndoableDeletion } from './undoWindows';

/** What the runtime's deletions are doing, for views to subscribe to (one selector per value). */
export interface DeletionState {
  /** IDs whose deletion was sent (or is about to be) and has no result yet. */
  inFlightIDs: ReadonlySet<string>;
  /** Progress of the running deletions; `null` when none runs. */
  progress: DeletionProgress | null;
  /** How the latest deletion ended. */
  lastOutcome: DeletionOutcome | null;
  /** Confirmed deletions still in their undo window, oldest first (`undoWindowMs`). */
  undoable: readonly UndoableDeletion[];
  /**
   * Whether the browser refused to keep a deletion for later (storage full or blocked): it is
   * still sent now, but would not survive a reload before the backend had it.
   */
  outboxUnavailable: boolean;
  /** IDs whose deletion waits for the network: hidden, and sent again once back online. */
  waitingForNetwork: ReadonlySet<string>;
}

export type DeletionStateStore = StoreApi<DeletionState>;

/** One deletion run, counted into `progress` with the others running at the same time. */
export interface DeletionRun {
  stopRequested: boolean;
  sent: number;
  done: number;
  total: number;
}

/**
 * The runtime's own state and the only code that writes it. Plain TypeScript (zustand's vanilla
 * store): React subscribes through `useStore`, nothing here knows of it.
 */
export function createDeletionState() {
  const state = createStore<DeletionState>()(() => ({
    inFlightIDs: new Set(),
    progress: null,
    lastOutcome: null,
    undoable: [],
    outboxUnavailable: false,
    waitingForNetwork: new Set(),
  }));
  const runs = new Set<DeletionRun>();

  function publishProgress(): void {
    let done = 0;
    let sent = 0;
    let total = 0;
    for (const run of runs) {
      done += run.done;
      sent += run.sent;
      total += run.total;
    }
    state.setState({ progress: runs.size > 0 ? { done, total, unsent: total - sent } : null });
  }

  return {
    state,
    isInFlight(conversationID: string): boolean {
      return state.getState().inFlightIDs.has(conversationID);
    },
    markInFlight(conversationIDs: readonly string[]): void {
      state.setState({
        inFlightIDs: new Set([...state.getState().inFlightIDs, ...conversationIDs]),
      });
    },
    settleInFlight(conversationIDs: readonly string[]): void {
      const settled = new Set(conversationIDs);
      const current = state.getState().inFlightIDs;
      const kept = [...current].filter((id) => !settled.has(id));
      // The same Set when nothing settled, so subscribers to it do not re-render.
      if (kept.length !== current.size) state.setState({ inFlightIDs: new Set(kept) });
    },
    startRun(total: number): DeletionRun {
      const run: DeletionRun = { stopRequested: false, sent: 0, done: 0, total };
      runs.add(run);
      publishProgress();
      return run;
    },
    countSent(run: DeletionRun, count: number): void {
      run.sent += count;
      publishProgress();
    },
    countDone(run: DeletionRun, count: number): void {
      run.done += count;
      publishProgress();
    },
    endRun(run: DeletionRun): void {
      runs.delete(run);
      publishProgress();
    },
    /** Asks every running deletion to send no further chunks. */
    stopAll(): void {
      for (const run of runs) run.stopRequested = true;
    },
    setLastOutcome(outcome: DeletionOutcome): void {
      state.setState({ lastOutcome: outcome });
    },
    /** These wait for the network now; those settle no longer do. */
    updateWaitingForNetwork(waiting: readonly string[], settled: readonly string[]): void {
      const current = state.getState().waitingForNetwork;
      if (waiting.length === 0 && !settled.some((id) => current.has(id))) return;
      const next = new Set(current);
      for (const id of settled) next.delete(id);
      for (const id of waiting) next.add(id);
      state.setState({ waitingForNetwork: next });
    },
    setUndoable(undoable: readonly UndoableDeletion[]): void {
      state.setState({ undoable });
    },
    setOutboxUnavailable(outboxUnavailable: boolean): void {
      if (state.getState().outboxUnavailable !== outboxUnavailable) {
        state.setState({ outboxUnavailable });
      }
    },
  };
}

export type DeletionStateController = ReturnType<typeof createDeletionState>;
