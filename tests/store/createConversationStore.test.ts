import { describe, expect, it } from 'vitest';
import { type ConversationStore, createConversationStore } from '../../src/store';

const alice = 'C2Calice';
const bob = 'C2Cbob';
const team = 'GROUPteam';
const carol = 'C2Ccarol';
const dave = 'C2Cdave';
const stranger = 'C2Cstranger';

/** A store whose list shows Alice, Bob, Team, Carol and Dave, in that order. */
function storeWithFiveRows(options?: Parameters<typeof createConversationStore>[0]) {
  const store = createConversationStore(options);
  store.getState().syncConversationIDs([alice, bob, team, carol, dave]);
  return store;
}

function selected(store: ConversationStore): string[] {
  return [...store.getState().selectedIDs].sort();
}

describe('a new store', () => {
  it('starts with an empty list, nothing selected, no swipe open and nothing pending', () => {
    const state = createConversationStore().getState();
    expect(state.orderedIDs).toEqual([]);
    expect(state.selectionMode).toBe(false);
    expect(state.selectedIDs.size).toBe(0);
    expect(state.anchorID).toBeNull();
    expect(state.openSwipeID).toBeNull();
    expect(state.pendingDeletion).toBeNull();
  });

  it('can start in selection mode with rows selected, keeping those that are in the list', () => {
    const store = createConversationStore({ selectionMode: true, selectedIDs: [alice, stranger] });
    expect(store.getState().selectionMode).toBe(true);
    store.getState().syncConversationIDs([alice, bob, team, carol, dave]);
    expect(selected(store)).toEqual([alice]);
  });

  it('gives every list its own state', () => {
    const first = storeWithFiveRows();
    const second = storeWithFiveRows();
    first.getState().toggle(alice);
    expect(selected(first)).toEqual([alice]);
    expect(selected(second)).toEqual([]);
  });
});

describe('toggling rows', () => {
  it('selects Alice, then deselects her', () => {
    const store = storeWithFiveRows();
    store.getState().toggle(alice);
    expect(selected(store)).toEqual([alice]);
    expect(store.getState().anchorID).toBe(alice);
    store.getState().toggle(alice);
    expect(selected(store)).toEqual([]);
  });

  it('selects Alice and Bob together', () => {
    const store = storeWithFiveRows();
    store.getState().toggle(alice);
    store.getState().toggle(bob);
    expect(selected(store)).toEqual([alice, bob]);
    expect(store.getState().anchorID).toBe(bob);
  });

  it('ignores a conversation that is not in the list', () => {
    const store = storeWithFiveRows();
    const before = store.getState().selectedIDs;
    store.getState().toggle(stranger);
    expect(store.getState().selectedIDs).toBe(before);
    expect(selected(store)).toEqual([]);
    expect(store.getState().anchorID).toBeNull();
  });
});

describe('setSelected', () => {
  it('selects and deselects explicitly, and is idempotent', () => {
    const store = storeWithFiveRows();
    store.getState().setSelected(bob, true);
    store.getState().setSelected(bob, true);
    expect(selected(store)).toEqual([bob]);
    store.getState().setSelected(bob, false);
    store.getState().setSelected(bob, false);
    expect(selected(store)).toEqual([]);
  });

  it('moves the anchor to the row it touched', () => {
    const store = storeWithFiveRows();
    store.getState().setSelected(bob, true);
    expect(store.getState().anchorID).toBe(bob);
    store.getState().setSelected(carol, false);
    expect(store.getState().anchorID).toBe(carol);
  });

  it('does not select a conversation that is not in the list', () => {
    const store = storeWithFiveRows();
    store.getState().setSelected(stranger, true);
    expect(selected(store)).toEqual([]);
    expect(store.getState().anchorID).toBeNull();
  });
});

describe('selecting a range', () => {
  describe('after selecting Bob', () => {
    it('Shift+click on Carol selects Bob, Team and Carol and keeps Bob as the anchor', () => {
      const store = storeWithFiveRows();
      store.getState().toggle(bob);
      store.getState().selectRange(carol);
      expect(selected(store)).toEqual([bob, carol, team].sort());
      expect(store.getState().anchorID).toBe(bob);
    });

    it('Shift+click on Alice selects backward: Alice and Bob', () => {
      const store = storeWithFiveRows();
      store.getState().toggle(bob);
      store.getState().selectRange(alice);
      expect(selected(store)).toEqual([alice, bob]);
      expect(store.getState().anchorID).toBe(bob);
    });

    it('Shift+click on Bob himself keeps just Bob', () => {
      const store = storeWithFiveRows();
      store.getState().toggle(bob);
      store.getState().selectRange(bob);
      expect(selected(store)).toEqual([bob]);
    });

    it('adds the range to what was already selected', () => {
      const store = storeWithFiveRows();
      store.getState().toggle(dave);
      store.getState().toggle(bob);
      store.getState().selectRange(alice);
      expect(selected(store)).toEqual([alice, bob, dave]);
    });

    it('ignores a range to a conversation that is not in the list', () => {
      const store = storeWithFiveRows();
      store.getState().toggle(bob);
      const before = store.getState().selectedIDs;
      store.getState().selectRange(stranger);
      expect(store.getState().selectedIDs).toBe(before);
    });
  });

  describe('after Team was toggled off', () => {
    it('the range starts at Team all the same', () => {
      const store = storeWithFiveRows();
      store.getState().toggle(team);
      store.getState().toggle(team);
      store.getState().selectRange(dave);
      expect(selected(store)).toEqual([carol, dave, team].sort());
    });
  });

  describe('with no anchor', () => {
    it('Shift+click on Carol selects just Carol and makes her the anchor', () => {
      const store = storeWithFiveRows();
      store.getState().selectRange(carol);
      expect(selected(store)).toEqual([carol]);
      expect(store.getState().anchorID).toBe(carol);
    });

    it('after the selection was cleared, the next range starts fresh', () => {
      const store = storeWithFiveRows();
      store.getState().toggle(alice);
      store.getState().clearSelection();
      store.getState().selectRange(dave);
      expect(selected(store)).toEqual([dave]);
    });
  });
});

describe('select all and clear', () => {
  it('selects every row of the list', () => {
    const store = storeWithFiveRows();
    store.getState().selectAll();
    expect(selected(store)).toEqual([alice, bob, team, carol, dave].sort());
  });

  it('selects nothing in an empty list', () => {
    const store = createConversationStore();
    store.getState().selectAll();
    expect(store.getState().selectedIDs.size).toBe(0);
  });

  it('clears the selection and the anchor', () => {
    const store = storeWithFiveRows();
    store.getState().toggle(bob);
    store.getState().selectAll();
    store.getState().clearSelection();
    expect(selected(store)).toEqual([]);
    expect(store.getState().anchorID).toBeNull();
  });
});

describe('replaceSelection', () => {
  it('selects exactly the given rows', () => {
    const store = storeWithFiveRows();
    store.getState().toggle(alice);
    store.getState().replaceSelection([bob, carol]);
    expect(selected(store)).toEqual([bob, carol]);
  });

  it('leaves out conversations that are not in the list', () => {
    const store = storeWithFiveRows();
    store.getState().replaceSelection([bob, stranger]);
    expect(selected(store)).toEqual([bob]);
  });

  it('accepts any iterable, such as another Set', () => {
    const store = storeWithFiveRows();
    store.getState().replaceSelection(new Set([team, dave]));
    expect(selected(store)).toEqual([dave, team]);
  });
});

describe('the selected Set', () => {
  it('is a new instance on every change, so subscribers see the change', () => {
    const store = storeWithFiveRows();
    const seen = [store.getState().selectedIDs];
    store.getState().toggle(alice);
    seen.push(store.getState().selectedIDs);
    store.getState().setSelected(bob, true);
    seen.push(store.getState().selectedIDs);
    store.getState().selectRange(dave);
    seen.push(store.getState().selectedIDs);
    store.getState().selectAll();
    seen.push(store.getState().selectedIDs);
    store.getState().replaceSelection([carol]);
    seen.push(store.getState().selectedIDs);
    store.getState().toggle(carol);
    seen.push(store.getState().selectedIDs);
    store.getState().clearSelection();
    seen.push(store.getState().selectedIDs);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('is never changed in place: an old Set keeps what it held', () => {
    const store = storeWithFiveRows();
    store.getState().toggle(alice);
    const withAlice = store.getState().selectedIDs;
    store.getState().toggle(bob);
    store.getState().toggle(alice);
    expect([...withAlice]).toEqual([alice]);
  });

  it('tells store subscribers about each change', () => {
    const store = storeWithFiveRows();
    const sizes: number[] = [];
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.selectedIDs !== previous.selectedIDs) sizes.push(state.selectedIDs.size);
    });
    store.getState().toggle(alice);
    store.getState().toggle(bob);
    store.getState().selectAll();
    store.getState().clearSelection();
    unsubscribe();
    expect(sizes).toEqual([1, 2, 5, 0]);
  });
});

describe('syncing the list', () => {
  describe('after selecting Alice and Bob and Bob left the list', () => {
    it('keeps Alice selected and drops Bob', () => {
      const store = storeWithFiveRows();
      store.getState().toggle(alice);
      store.getState().toggle(bob);
      store.getState().syncConversationIDs([alice, team, carol, dave]);
      expect(selected(store)).toEqual([alice]);
      expect(store.getState().orderedIDs).toEqual([alice, team, carol, dave]);
    });

    it('drops Bob as the anchor, so the next range starts fresh', () => {
      const store = storeWithFiveRows();
      store.getState().toggle(alice);
      store.getState().toggle(bob);
      store.getState().syncConversationIDs([alice, team, carol, dave]);
      expect(store.getState().anchorID).toBeNull();
      store.getState().selectRange(dave);
      expect(selected(store)).toEqual([alice, dave]);
    });
  });

  it('closes the swipe of a row that left', () => {
    const store = storeWithFiveRows();
    store.getState().openSwipe(carol);
    store.getState().syncConversationIDs([alice, bob, team, dave]);
    expect(store.getState().openSwipeID).toBeNull();
  });

  it('keeps the swipe of a row that stayed', () => {
    const store = storeWithFiveRows();
    store.getState().openSwipe(carol);
    store.getState().syncConversationIDs([carol, alice]);
    expect(store.getState().openSwipeID).toBe(carol);
  });

  describe('while a deletion of Alice, Bob and Team waits for confirmation', () => {
    it('shrinks the request to what is still in the list, keeping its history choice', () => {
      const store = storeWithFiveRows();
      store.getState().requestDeletion([alice, bob, team], { clearHistory: true });
      store.getState().syncConversationIDs([alice, team, carol, dave]);
      expect(store.getState().pendingDeletion).toEqual({
        conversationIDs: [alice, team],
        clearHistory: true,
      });
    });

    it('clears the request when all three left', () => {
      const store = storeWithFiveRows();
      store.getState().requestDeletion([alice, bob, team]);
      store.getState().syncConversationIDs([carol, dave]);
      expect(store.getState().pendingDeletion).toBeNull();
    });

    it('keeps the very same request when none of them left', () => {
      const store = storeWithFiveRows();
      store.getState().requestDeletion([alice, bob, team]);
      const request = store.getState().pendingDeletion;
      store.getState().syncConversationIDs([alice, bob, team, dave]);
      expect(store.getState().pendingDeletion).toBe(request);
    });
  });

  it('keeps the same orderedIDs array when the IDs did not change', () => {
    const store = storeWithFiveRows();
    const before = store.getState().orderedIDs;
    store.getState().syncConversationIDs([alice, bob, team, carol, dave]);
    expect(store.getState().orderedIDs).toBe(before);
  });

  it('keeps the same selected Set when nothing selected left', () => {
    const store = storeWithFiveRows();
    store.getState().toggle(alice);
    const before = store.getState().selectedIDs;
    store.getState().syncConversationIDs([alice, bob]);
    expect(store.getState().selectedIDs).toBe(before);
  });

  it('takes the new array when the order changed', () => {
    const store = storeWithFiveRows();
    const reordered = [bob, alice, team, carol, dave];
    store.getState().syncConversationIDs(reordered);
    expect(store.getState().orderedIDs).toBe(reordered);
  });

  it('lets a conversation that came back be selected again', () => {
    const store = storeWithFiveRows();
    store.getState().syncConversationIDs([alice]);
    store.getState().toggle(bob);
    expect(selected(store)).toEqual([]);
    store.getState().syncConversationIDs([bob, alice]);
    store.getState().toggle(bob);
    expect(selected(store)).toEqual([bob]);
  });

  it('leaves the selection mode alone', () => {
    const store = storeWithFiveRows();
    store.getState().enterSelectionMode();
    store.getState().syncConversationIDs([]);
    expect(store.getState().selectionMode).toBe(true);
  });
});

describe('selection mode', () => {
  it('is entered and left', () => {
    const store = storeWithFiveRows();
    store.getState().enterSelectionMode();
    expect(store.getState().selectionMode).toBe(true);
    store.getState().exitSelectionMode();
    expect(store.getState().selectionMode).toBe(false);
  });

  describe('after selecting Alice and Team', () => {
    it('leaving selection mode with Done clears the selection and the anchor', () => {
      const store = storeWithFiveRows();
      store.getState().enterSelectionMode();
      store.getState().toggle(alice);
      store.getState().toggle(team);
      store.getState().exitSelectionMode();
      expect(selected(store)).toEqual([]);
      expect(store.getState().anchorID).toBeNull();
    });
  });

  describe('while Bob’s swipe is open', () => {
    it('entering selection mode closes the swipe', () => {
      const store = storeWithFiveRows();
      store.getState().openSwipe(bob);
      store.getState().enterSelectionMode();
      expect(store.getState().openSwipeID).toBeNull();
    });
  });
});

describe('swiping', () => {
  it('opens the swipe of Carol', () => {
    const store = storeWithFiveRows();
    store.getState().openSwipe(carol);
    expect(store.getState().openSwipeID).toBe(carol);
  });

  it('keeps one row open at a time: opening Dave closes Carol', () => {
    const store = storeWithFiveRows();
    store.getState().openSwipe(carol);
    store.getState().openSwipe(dave);
    expect(store.getState().openSwipeID).toBe(dave);
  });

  it('closes the open swipe', () => {
    const store = storeWithFiveRows();
    store.getState().openSwipe(carol);
    store.getState().closeSwipe();
    expect(store.getState().openSwipeID).toBeNull();
  });

  it('does not notify subscribers when closing with nothing open', () => {
    const store = storeWithFiveRows();
    let notified = 0;
    const unsubscribe = store.subscribe(() => {
      notified += 1;
    });
    store.getState().closeSwipe();
    unsubscribe();
    expect(notified).toBe(0);
  });

  it('refuses to open a row that is not in the list', () => {
    const store = storeWithFiveRows();
    store.getState().openSwipe(stranger);
    expect(store.getState().openSwipeID).toBeNull();
  });

  it('refuses to open a row that is not in the list, keeping the open one', () => {
    const store = storeWithFiveRows();
    store.getState().openSwipe(carol);
    store.getState().openSwipe(stranger);
    expect(store.getState().openSwipeID).toBe(carol);
  });

  it('refuses to open a row in selection mode', () => {
    const store = storeWithFiveRows();
    store.getState().enterSelectionMode();
    store.getState().openSwipe(carol);
    expect(store.getState().openSwipeID).toBeNull();
  });
});

describe('asking to delete', () => {
  it('asks to delete Bob alone, keeping history by default', () => {
    const store = storeWithFiveRows();
    expect(store.getState().requestDeletion([bob])).toBe(true);
    expect(store.getState().pendingDeletion).toEqual({
      conversationIDs: [bob],
      clearHistory: false,
    });
  });

  it('keeps the rows in list order, whatever order they were given in', () => {
    const store = storeWithFiveRows();
    store.getState().requestDeletion([dave, alice, team]);
    expect(store.getState().pendingDeletion?.conversationIDs).toEqual([alice, team, dave]);
  });

  it('names each row once, even when given twice', () => {
    const store = storeWithFiveRows();
    store.getState().requestDeletion([bob, bob, carol]);
    expect(store.getState().pendingDeletion?.conversationIDs).toEqual([bob, carol]);
  });

  it('drops conversations that are not in the list', () => {
    const store = storeWithFiveRows();
    store.getState().requestDeletion([stranger, carol]);
    expect(store.getState().pendingDeletion?.conversationIDs).toEqual([carol]);
  });

  it('returns false and asks nothing when no row is left to delete', () => {
    const store = storeWithFiveRows();
    expect(store.getState().requestDeletion([stranger])).toBe(false);
    expect(store.getState().requestDeletion([])).toBe(false);
    expect(store.getState().pendingDeletion).toBeNull();
  });

  it('returning false keeps an earlier request as it was', () => {
    const store = storeWithFiveRows();
    store.getState().requestDeletion([carol]);
    const request = store.getState().pendingDeletion;
    expect(store.getState().requestDeletion([stranger])).toBe(false);
    expect(store.getState().pendingDeletion).toBe(request);
  });

  it('a new request replaces the earlier one', () => {
    const store = storeWithFiveRows();
    store.getState().requestDeletion([carol]);
    store.getState().requestDeletion([dave], { clearHistory: true });
    expect(store.getState().pendingDeletion).toEqual({
      conversationIDs: [dave],
      clearHistory: true,
    });
  });

  it('starts with "clear history" checked when asked so', () => {
    const store = storeWithFiveRows();
    store.getState().requestDeletion([bob], { clearHistory: true });
    expect(store.getState().pendingDeletion?.clearHistory).toBe(true);
  });

  describe('while the dialog for Alice and Bob is open', () => {
    it('ticking "Also clear chat history" changes the request', () => {
      const store = storeWithFiveRows();
      store.getState().requestDeletion([alice, bob]);
      store.getState().setClearHistory(true);
      expect(store.getState().pendingDeletion).toEqual({
        conversationIDs: [alice, bob],
        clearHistory: true,
      });
      store.getState().setClearHistory(false);
      expect(store.getState().pendingDeletion?.clearHistory).toBe(false);
    });

    it('cancelling closes the request and keeps the selection', () => {
      const store = storeWithFiveRows();
      store.getState().toggle(alice);
      store.getState().toggle(bob);
      store.getState().requestDeletion([alice, bob]);
      store.getState().cancelDeletion();
      expect(store.getState().pendingDeletion).toBeNull();
      expect(selected(store)).toEqual([alice, bob]);
    });

    it('confirming takes the request, leaving none pending', () => {
      const store = storeWithFiveRows();
      store.getState().requestDeletion([alice, bob]);
      expect(store.getState().takePendingDeletion()).toEqual({
        conversationIDs: [alice, bob],
        clearHistory: false,
      });
      expect(store.getState().pendingDeletion).toBeNull();
      expect(store.getState().takePendingDeletion()).toBeNull();
    });
  });

  it('setClearHistory does nothing when no dialog is open', () => {
    const store = storeWithFiveRows();
    store.getState().setClearHistory(true);
    expect(store.getState().pendingDeletion).toBeNull();
  });

  describe('after swiping Carol open and tapping Delete', () => {
    it('confirming closes the swipe', () => {
      const store = storeWithFiveRows();
      store.getState().openSwipe(carol);
      store.getState().requestDeletion([carol]);
      expect(store.getState().openSwipeID).toBe(carol);
      store.getState().takePendingDeletion();
      expect(store.getState().openSwipeID).toBeNull();
    });

    it('taking when nothing is pending leaves the swipe open', () => {
      const store = storeWithFiveRows();
      store.getState().openSwipe(carol);
      expect(store.getState().takePendingDeletion()).toBeNull();
      expect(store.getState().openSwipeID).toBe(carol);
    });
  });
});

describe('forgetting conversations deleted elsewhere', () => {
  describe('with Alice and Bob selected, Bob the anchor, Carol swiped open, and Bob and Carol pending', () => {
    function busyStore(): ConversationStore {
      const store = storeWithFiveRows();
      store.getState().openSwipe(carol);
      store.getState().toggle(alice);
      store.getState().toggle(bob);
      store.getState().requestDeletion([bob, carol]);
      return store;
    }

    it('Bob deleted on another device leaves the list, the selection, the anchor and the request', () => {
      const store = busyStore();
      store.getState().forgetConversations([bob]);
      const state = store.getState();
      expect(state.orderedIDs).toEqual([alice, team, carol, dave]);
      expect(selected(store)).toEqual([alice]);
      expect(state.anchorID).toBeNull();
      expect(state.openSwipeID).toBe(carol);
      expect(state.pendingDeletion?.conversationIDs).toEqual([carol]);
    });

    it('Carol deleted on another device closes her swipe and shrinks the request', () => {
      const store = busyStore();
      store.getState().forgetConversations([carol]);
      const state = store.getState();
      expect(state.openSwipeID).toBeNull();
      expect(selected(store)).toEqual([alice, bob]);
      expect(state.anchorID).toBe(bob);
      expect(state.pendingDeletion?.conversationIDs).toEqual([bob]);
    });

    it('Bob and Carol deleted together close the request', () => {
      const store = busyStore();
      store.getState().forgetConversations([bob, carol]);
      expect(store.getState().pendingDeletion).toBeNull();
      expect(store.getState().orderedIDs).toEqual([alice, team, dave]);
    });

    it('a conversation this list never had changes nothing', () => {
      const store = busyStore();
      const before = store.getState();
      store.getState().forgetConversations([stranger]);
      const after = store.getState();
      expect(after.orderedIDs).toBe(before.orderedIDs);
      expect(after.selectedIDs).toBe(before.selectedIDs);
      expect(after.pendingDeletion).toBe(before.pendingDeletion);
      expect(after.anchorID).toBe(bob);
      expect(after.openSwipeID).toBe(carol);
    });
  });

  it('forgetting everything leaves an empty list with nothing selected', () => {
    const store = storeWithFiveRows();
    store.getState().selectAll();
    store.getState().forgetConversations([alice, bob, team, carol, dave]);
    expect(store.getState().orderedIDs).toEqual([]);
    expect(store.getState().selectedIDs.size).toBe(0);
  });
});
