import type { Conversation } from '../../core/types';

/** What changed between two conversation lists. */
export interface ConversationListDiff {
  /** IDs in the previous list that the next one lacks, in the previous list's order. */
  deletedIDs: string[];
  /** Conversations of the next list that are new or differ from before, in the next list's order. */
  changed: Conversation[];
}

/** Indexes a list by conversation ID; a repeated ID keeps its last entry. */
export function indexConversations(
  conversations: readonly Conversation[],
): Map<string, Conversation> {
  return new Map(conversations.map((conversation) => [conversation.conversationID, conversation]));
}

/**
 * Compares two successive conversation lists. The Web SDK has no deletion event: it re-emits the
 * whole list, and a deleted conversation is simply missing from it.
 */
export function diffConversationLists(
  previous: ReadonlyMap<string, Conversation>,
  next: readonly Conversation[],
): ConversationListDiff {
  const nextIDs = new Set<string>();
  const changed: Conversation[] = [];
  for (const conversation of next) {
    nextIDs.add(conversation.conversationID);
    const before = previous.get(conversation.conversationID);
    if (before === undefined || !isSameConversation(before, conversation)) {
      changed.push(conversation);
    }
  }
  const deletedIDs = [...previous.keys()].filter((id) => !nextIDs.has(id));
  return { deletedIDs, changed };
}

/** Whether two mapped conversations show the same thing (every field of `Conversation`). */
export function isSameConversation(a: Conversation, b: Conversation): boolean {
  return (
    a.conversationID === b.conversationID &&
    a.type === b.type &&
    a.displayName === b.displayName &&
    a.avatarUrl === b.avatarUrl &&
    a.unreadCount === b.unreadCount &&
    a.isPinned === b.isPinned &&
    a.lastMessage?.text === b.lastMessage?.text &&
    a.lastMessage?.timestamp === b.lastMessage?.timestamp
  );
}
