import type { Conversation } from '../core/types';

/** List order: pinned first, then newest message first; the ID breaks ties so order is stable. */
export function compareConversations(a: Conversation, b: Conversation): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
  const byTime = (b.lastMessage?.timestamp ?? 0) - (a.lastMessage?.timestamp ?? 0);
  if (byTime !== 0) return byTime;
  return a.conversationID < b.conversationID ? -1 : a.conversationID > b.conversationID ? 1 : 0;
}

/**
 * The list in list order. Backends answer newest first with pinned ones mixed in; sorting the
 * pinned and the others apart lets the engine's merge sort find each part already in order, in
 * one pass, where one sort of the mixed list cost ~60 ms at 100,000 conversations.
 */
export function sortConversations(conversations: readonly Conversation[]): Conversation[] {
  const pinned: Conversation[] = [];
  const others: Conversation[] = [];
  for (const item of conversations) (item.isPinned ? pinned : others).push(item);
  pinned.sort(compareConversations);
  others.sort(compareConversations);
  return pinned.length === 0 ? others : pinned.concat(others);
}

/**
 * The list without the given IDs; the same array when none of them is in it. `onRemoved` sees
 * each conversation that leaves, so a caller learns what it removed in the same pass.
 */
export function removeConversations(
  conversations: Conversation[],
  conversationIDs: ReadonlySet<string>,
  onRemoved?: (conversation: Conversation) => void,
): Conversation[] {
  if (conversationIDs.size === 0) return conversations;
  const kept = conversations.filter((item) => {
    if (!conversationIDs.has(item.conversationID)) return true;
    onRemoved?.(item);
    return false;
  });
  return kept.length === conversations.length ? conversations : kept;
}

/**
 * Adds or replaces conversations by ID, keeping list order. Because the order is a total order,
 * a conversation put back after a failed deletion lands exactly where it was.
 */
export function upsertConversations(
  conversations: Conversation[],
  updates: readonly Conversation[],
): Conversation[] {
  if (updates.length === 0) return conversations;
  const byID = new Map(updates.map((item) => [item.conversationID, item]));
  const kept = conversations.filter((item) => !byID.has(item.conversationID));
  const added = [...byID.values()].sort(compareConversations);
  // Merging two sorted lists keeps this O(n) for the common case of a few updates in a long list.
  const merged: Conversation[] = [];
  let keptIndex = 0;
  for (const item of added) {
    while (
      keptIndex < kept.length &&
      compareConversations(kept[keptIndex] as Conversation, item) < 0
    ) {
      merged.push(kept[keptIndex] as Conversation);
      keptIndex += 1;
    }
    merged.push(item);
  }
  for (; keptIndex < kept.length; keptIndex += 1) merged.push(kept[keptIndex] as Conversation);
  return merged;
}

/** The IDs of a list, in order. */
export function conversationIDsOf(conversations: readonly Conversation[]): string[] {
  return conversations.map((item) => item.conversationID);
}
