import { describe, expect, it } from 'vitest';
import { createDeletionState } from '../../src/runtime/deletionState';

const alice = 'C2Calice';
const bob = 'C2Cbob';
const team = 'GROUPteam';

describe('the runtime deletion state', () => {
  it('starts with nothing in flight, no progress and no outcome', () => {
    const { state } = createDeletionState();
    expect(state.getState()).toEqual({
      inFlightIDs: new Set(),
      progress: null,
      lastOutcome: null,
      undoable: [],
      outboxUnavailable: false,
      waitingForNetwork: new Set(),
    });
  });

  it('marks and settles IDs', () => {
    const deletions = createDeletionState();
    deletions.markInFlight([alice, bob]);
    deletions.markInFlight([team]);
    expect([...deletions.state.getState().inFlightIDs].sort()).toEqual([alice, bob, team].sort());
    deletions.settleInFlight([bob]);
    expect([...deletions.state.getState().inFlightIDs].sort()).toEqual([alice, team]);
    expect(deletions.isInFlight(bob)).toBe(false);
    deletions.settleInFlight([alice, team]);
    expect(deletions.state.getState().inFlightIDs.size).toBe(0);
  });

  it('keeps the same Set when settling IDs that were not in flight, a new one when marking', () => {
    const deletions = createDeletionState();
    const empty = deletions.state.getState().inFlightIDs;
    deletions.markInFlight([alice]);
    const marked = deletions.state.getState().inFlightIDs;
    expect(marked).not.toBe(empty);
    expect(empty.size).toBe(0);
    deletions.settleInFlight([bob]);
    expect(deletions.state.getState().inFlightIDs).toBe(marked);
  });

  it('adds up the progress of runs at the same time, and drops it when the last ends', () => {
    const deletions = createDeletionState();
    const first = deletions.startRun(250);
    const second = deletions.startRun(10);
    deletions.countSent(first, 100);
    deletions.countDone(first, 100);
    deletions.countSent(second, 10);
    expect(deletions.state.getState().progress).toEqual({ done: 100, total: 260, unsent: 150 });
    deletions.endRun(first);
    expect(deletions.state.getState().progress).toEqual({ done: 0, total: 10, unsent: 0 });
    deletions.endRun(second);
    expect(deletions.state.getState().progress).toBeNull();
  });

  it('asks every running deletion to stop, and none started later', () => {
    const deletions = createDeletionState();
    const running = deletions.startRun(5);
    deletions.stopAll();
    const later = deletions.startRun(5);
    expect(running.stopRequested).toBe(true);
    expect(later.stopRequested).toBe(false);
  });
});
