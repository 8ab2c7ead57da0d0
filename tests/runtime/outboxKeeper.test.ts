// Taking over what a closed tab kept: the entries move into this tab's slot before they leave the
// closed tab's, and stay where they were when this tab cannot write them (storage full).
import { describe, expect, it } from 'vitest';
import { createMemoryOutbox, type OutboxEntry, type OutboxStorage } from '../../src/runtime';
import { createOutboxKeeper } from '../../src/runtime/outboxKeeper';

const left: OutboxEntry = {
  deletionID: 'left-behind',
  conversationIDs: ['C2Cbob'],
  clearHistory: false,
  confirmedAt: 1,
  tabID: 'closed',
};

function keeperOver(storage: OutboxStorage) {
  const availability: boolean[] = [];
  const keeper = createOutboxKeeper({
    storage,
    tabID: 'open',
    onAvailabilityChange: (unavailable) => availability.push(unavailable),
  });
  return { keeper, availability };
}

describe('taking over a closed tab’s deletions', () => {
  it('moves them into this tab’s slot and empties the closed one', () => {
    const storage = createMemoryOutbox();
    storage.write('alice', 'closed', [left]);
    const { keeper } = keeperOver(storage);
    expect(keeper.takeOver('alice', 'closed')).toEqual([left]);
    expect(storage.read('alice')).toEqual([{ ...left, tabID: 'open' }]);
    // Taken once: a second look finds nothing to take.
    expect(keeper.takeOver('alice', 'closed')).toEqual([]);
  });

  it('leaves them in the closed tab’s slot when this tab cannot keep them', () => {
    const memory = createMemoryOutbox();
    memory.write('alice', 'closed', [left]);
    const storage: OutboxStorage = {
      read: (accountID) => memory.read(accountID),
      write(accountID, tabID, entries) {
        if (tabID === 'open') throw new DOMException('full', 'QuotaExceededError');
        memory.write(accountID, tabID, entries);
      },
    };
    const { keeper, availability } = keeperOver(storage);
    // Sent by this tab all the same; kept where another tab (or the next load) still finds them.
    expect(keeper.takeOver('alice', 'closed')).toEqual([left]);
    expect(memory.read('alice')).toEqual([left]);
    expect(availability).toEqual([true]);
  });
});
