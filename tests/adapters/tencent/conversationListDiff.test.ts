import { describe, expect, it } from 'vitest';
import { diffConversationLists } from '../../../src/adapters/tencent';
import type { Conversation } from '../../../src/core';

function conversation(conversationID: string, change: Partial<Conversation> = {}): Conversation {
  return {
    conversationID,
    type: 'C2C',
    displayName: conversationID,
    unreadCount: 0,
    isPinned: false,
    lastMessage: { text: 'Hi', timestamp: 1_000 },
    ...change,
  };
}

function byID(list: Conversation[]): Map<string, Conversation> {
  return new Map(list.map((item) => [item.conversationID, item]));
}

describe('diffing two conversation lists', () => {
  it('reports nothing for equal lists, even as fresh objects', () => {
    const previous = byID([conversation('C2Ca'), conversation('C2Cb')]);
    expect(diffConversationLists(previous, [conversation('C2Ca'), conversation('C2Cb')])).toEqual({
      deletedIDs: [],
      changed: [],
    });
  });

  it('reports the IDs missing from the next list as deleted, in their previous order', () => {
    const previous = byID([conversation('C2Ca'), conversation('C2Cb'), conversation('C2Cc')]);
    expect(diffConversationLists(previous, [conversation('C2Cb')]).deletedIDs).toEqual([
      'C2Ca',
      'C2Cc',
    ]);
  });

  it('reports new conversations and changed ones, and only those', () => {
    const previous = byID([conversation('C2Ca'), conversation('C2Cb'), conversation('C2Cc')]);
    const unread = conversation('C2Cb', { unreadCount: 2 });
    const added = conversation('C2Cd');

    const diff = diffConversationLists(previous, [
      added,
      conversation('C2Ca'),
      unread,
      conversation('C2Cc'),
    ]);

    expect(diff).toEqual({ deletedIDs: [], changed: [added, unread] });
  });

  it.each<[string, Partial<Conversation>]>([
    ['name', { displayName: 'Alice' }],
    ['avatar', { avatarUrl: 'https://a/a.png' }],
    ['pinned flag', { isPinned: true }],
    ['last message text', { lastMessage: { text: 'Bye', timestamp: 1_000 } }],
    ['last message time', { lastMessage: { text: 'Hi', timestamp: 2_000 } }],
    ['missing last message', { lastMessage: undefined }],
    ['type', { type: 'GROUP' }],
  ])('sees a change of the %s', (_, change) => {
    const changed = conversation('C2Ca', change);
    expect(diffConversationLists(byID([conversation('C2Ca')]), [changed]).changed).toEqual([
      changed,
    ]);
  });
});
