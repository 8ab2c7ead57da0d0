import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateConversations } from '../../src/adapters/memory';
import type { Conversation } from '../../src/core';
import { compareConversations, sortConversations } from '../../src/runtime/conversationListCache';

const conversationArb: fc.Arbitrary<Conversation> = fc.record({
  conversationID: fc.constantFrom('C2Ca', 'C2Cb', 'C2Cc', 'GROUPd', 'GROUPe', 'C2Cf'),
  type: fc.constant('C2C' as const),
  displayName: fc.constant('x'),
  unreadCount: fc.constant(0),
  isPinned: fc.boolean(),
  lastMessage: fc.option(
    fc.record({ text: fc.constant('hi'), timestamp: fc.integer({ min: 0, max: 5 }) }),
    { nil: undefined },
  ),
});

describe('sortConversations', () => {
  it('puts any list in the order of compareConversations: pinned first, newest first', () => {
    fc.assert(
      fc.property(fc.array(conversationArb, { maxLength: 40 }), (list) => {
        expect(sortConversations(list)).toEqual([...list].sort(compareConversations));
      }),
    );
  });

  it('leaves the input as it was', () => {
    const list = generateConversations(50).map((item) => item.conversation);
    const copy = [...list];
    sortConversations(list);
    expect(list).toEqual(copy);
  });
});
