/** A message that depends on a count: one form per plural category of the locale. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Every string the kit renders. Placeholders in braces: `{name}`, `{count}`, `{done}`, `{total}`.
 * Names and previews are always inserted as text, never as markup.
 */
export interface Messages {
  conversations: string;
  loading: string;
  loadFailed: string;
  retryLoading: string;
  empty: string;
  select: string;
  done: string;
  selectAll: string;
  selectConversation: string;
  selectedCount: PluralMessage;
  delete: string;
  deleteConversation: string;
  pinned: string;
  unreadCount: PluralMessage;
  dialogTitleOne: string;
  dialogTitleMany: PluralMessage;
  dialogBodyOne: string;
  dialogBodyMany: PluralMessage;
  keepHistoryNote: string;
  clearHistory: string;
  clearHistoryWarning: string;
  historyAlwaysCleared: string;
  cancel: string;
  confirmDelete: string;
  deleting: string;
  stop: string;
  retry: string;
  dismiss: string;
  deletedCount: PluralMessage;
  deletedOne: string;
  /** The button that takes back a deletion still in its undo window. */
  undo: string;
  /** Beside Undo: how long it is offered, in whole seconds. */
  undoTimeLeft: PluralMessage;
  /** A deletion taken back with Undo. */
  restoredOne: string;
  restoredCount: PluralMessage;
  /** Storage refused to keep a deletion for later: a reload before it is sent would lose it. */
  outboxUnavailable: string;
  failedCount: PluralMessage;
  stoppedCount: string;
  /** Deletions that did not reach the network: they go out once the device is back online. */
  waitingForNetwork: PluralMessage;
  /** Why deletions failed, after `failedCount`: "{count} … could not be deleted ({reason})". */
  failedBecause: string;
  reasonNetwork: string;
  reasonNetworkTimeout: string;
  reasonOffline: string;
  reasonNotLoggedIn: string;
  reasonNotReady: string;
  reasonNotFound: string;
  /** A deletion refused before anything was sent: its conversation is no longer listed. */
  refusedUnknownConversation: string;
  /** A deletion refused before anything was sent: nothing was selected. */
  refusedEmptySelection: string;
  /** A deletion refused before anything was sent, for another reason. */
  refusedBecause: string;
  remoteDeletedOne: string;
  remoteDeletedMany: PluralMessage;
  justNow: string;
  /** A message time under an hour ago. */
  minutesAgo: PluralMessage;
  yesterday: string;
}

export const en: Messages = {
  conversations: 'Conversations',
  loading: 'Loading conversations…',
  loadFailed: 'Conversations could not be loaded.',
  retryLoading: 'Try again',
  empty: 'No conversations yet',
  select: 'Select',
  done: 'Done',
  selectAll: 'Select all',
  selectConversation: 'Select {name}',
  selectedCount: { other: '{count} selected' },
  delete: 'Delete',
  deleteConversation: 'Delete {name}',
  pinned: 'Pinned',
  unreadCount: { one: '{count} unread message', other: '{count} unread messages' },
  dialogTitleOne: 'Delete conversation?',
  dialogTitleMany: { one: 'Delete {count} conversation?', other: 'Delete {count} conversations?' },
  dialogBodyOne: 'Your conversation with {name} will be removed from the list.',
  dialogBodyMany: {
    one: '{count} conversation will be removed from the list.',
    other: '{count} conversations will be removed from the list.',
  },
  keepHistoryNote: 'The messages are kept: they come back if the conversation starts again.',
  clearHistory: 'Also clear chat history',
  clearHistoryWarning:
    'The messages will be deleted from this device and the server. They cannot be recovered.',
  historyAlwaysCleared:
    'The messages will be deleted from this device and the server too. They cannot be recovered.',
  cancel: 'Cancel',
  confirmDelete: 'Delete',
  deleting: 'Deleting {done} of {total}',
  stop: 'Stop',
  retry: 'Retry',
  dismiss: 'Dismiss',
  deletedCount: { one: 'Deleted {count} conversation', other: 'Deleted {count} conversations' },
  deletedOne: 'Deleted {name}',
  undo: 'Undo',
  undoTimeLeft: { other: '{count} s left to undo' },
  restoredOne: 'Restored {name}',
  restoredCount: { one: 'Restored {count} conversation', other: 'Restored {count} conversations' },
  outboxUnavailable:
    'This deletion could not be kept on this device: keep this page open until it is sent',
  failedCount: {
    one: '{count} conversation could not be deleted',
    other: '{count} conversations could not be deleted',
  },
  stoppedCount: 'Stopped: {done} of {total} deleted',
  waitingForNetwork: {
    one: "{count} conversation will be deleted when you're back online",
    other: "{count} conversations will be deleted when you're back online",
  },
  failedBecause: '{failed} ({reason})',
  reasonNetwork: 'Network error',
  reasonNetworkTimeout: 'Network timeout',
  reasonOffline: 'No network connection',
  reasonNotLoggedIn: 'Not logged in',
  reasonNotReady: 'Chat is not ready yet',
  reasonNotFound: 'Conversation not found',
  refusedUnknownConversation: 'Nothing was deleted: the conversation is no longer in the list',
  refusedEmptySelection: 'Nothing was deleted: no conversation was selected',
  refusedBecause: 'Nothing was deleted ({reason})',
  remoteDeletedOne: '{name} was deleted on another device',
  remoteDeletedMany: {
    one: '{count} conversation was deleted on another device',
    other: '{count} conversations were deleted on another device',
  },
  justNow: 'now',
  minutesAgo: { other: '{count} min. ago' },
  yesterday: 'yesterday',
};

export type Locale = 'en' | 'ja' | 'zh-CN';
