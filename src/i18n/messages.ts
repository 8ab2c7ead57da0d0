/** A message that depends on a count: one form per plural category of the locale. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Every string the kit renders. Placeholders in braces: `{name}`, `{count}`, `{done}`, `{total}`.
 * Names and previews are always inserted as text, never as markup.
 */
export interface Messages {
  conversations: string;
  conversationActions: string;
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
  systemConversation: string;
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
  failedCount: PluralMessage;
  stoppedCount: string;
  /** Why deletions failed, after `failedCount`: "{count} … could not be deleted ({reason})". */
  failedBecause: string;
  reasonNetwork: string;
  reasonNetworkTimeout: string;
  reasonOffline: string;
  reasonNotLoggedIn: string;
  reasonNotReady: string;
  reasonNotFound: string;
  remoteDeletedOne: string;
  remoteDeletedMany: PluralMessage;
  justNow: string;
}

export const en: Messages = {
  conversations: 'Conversations',
  conversationActions: 'Conversation actions',
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
  systemConversation: 'System notifications',
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
  failedCount: {
    one: '{count} conversation could not be deleted',
    other: '{count} conversations could not be deleted',
  },
  stoppedCount: 'Stopped: {done} of {total} deleted',
  failedBecause: '{failed} ({reason})',
  reasonNetwork: 'Network error',
  reasonNetworkTimeout: 'Network timeout',
  reasonOffline: 'No network connection',
  reasonNotLoggedIn: 'Not logged in',
  reasonNotReady: 'Chat is not ready yet',
  reasonNotFound: 'Conversation not found',
  remoteDeletedOne: '{name} was deleted on another device',
  remoteDeletedMany: {
    one: '{count} conversation was deleted on another device',
    other: '{count} conversations were deleted on another device',
  },
  justNow: 'now',
};

export const ja: Messages = {
  conversations: '会話',
  conversationActions: '会話の操作',
  loading: '会話を読み込んでいます…',
  loadFailed: '会話を読み込めませんでした。',
  retryLoading: '再試行',
  empty: '会話はまだありません',
  select: '選択',
  done: '完了',
  selectAll: 'すべて選択',
  selectConversation: '{name}を選択',
  selectedCount: { other: '{count}件選択中' },
  delete: '削除',
  deleteConversation: '{name}を削除',
  pinned: 'ピン留め',
  unreadCount: { other: '未読メッセージ{count}件' },
  systemConversation: 'システム通知',
  dialogTitleOne: '会話を削除しますか？',
  dialogTitleMany: { other: '{count}件の会話を削除しますか？' },
  dialogBodyOne: '{name}との会話がリストから削除されます。',
  dialogBodyMany: { other: '{count}件の会話がリストから削除されます。' },
  keepHistoryNote: 'メッセージは残ります。会話が再開されると、履歴も表示されます。',
  clearHistory: 'チャット履歴も削除する',
  clearHistoryWarning:
    'メッセージはこの端末とサーバーの両方から削除されます。削除した履歴は復元できません。',
  historyAlwaysCleared:
    'メッセージもこの端末とサーバーの両方から削除されます。削除した履歴は復元できません。',
  cancel: 'キャンセル',
  confirmDelete: '削除',
  deleting: '削除中 {done}/{total}',
  stop: '中止',
  retry: '再試行',
  dismiss: '閉じる',
  deletedCount: { other: '{count}件の会話を削除しました' },
  deletedOne: '{name}を削除しました',
  failedCount: { other: '{count}件の会話を削除できませんでした' },
  stoppedCount: '中止しました：{total}件中{done}件を削除済み',
  failedBecause: '{failed}（{reason}）',
  reasonNetwork: 'ネットワークエラー',
  reasonNetworkTimeout: 'ネットワークがタイムアウトしました',
  reasonOffline: 'ネットワークに接続されていません',
  reasonNotLoggedIn: 'ログインしていません',
  reasonNotReady: 'チャットの準備ができていません',
  reasonNotFound: '会話が見つかりません',
  remoteDeletedOne: '{name}は別の端末で削除されました',
  remoteDeletedMany: { other: '{count}件の会話が別の端末で削除されました' },
  justNow: 'たった今',
};

export const zhCN: Messages = {
  conversations: '会话',
  conversationActions: '会话操作',
  loading: '正在加载会话…',
  loadFailed: '会话加载失败。',
  retryLoading: '重试',
  empty: '暂无会话',
  select: '选择',
  done: '完成',
  selectAll: '全选',
  selectConversation: '选择{name}',
  selectedCount: { other: '已选择 {count} 个' },
  delete: '删除',
  deleteConversation: '删除{name}',
  pinned: '已置顶',
  unreadCount: { other: '{count} 条未读消息' },
  systemConversation: '系统通知',
  dialogTitleOne: '删除会话？',
  dialogTitleMany: { other: '删除 {count} 个会话？' },
  dialogBodyOne: '与{name}的会话将从列表中移除。',
  dialogBodyMany: { other: '{count} 个会话将从列表中移除。' },
  keepHistoryNote: '聊天记录会保留，会话再次开始时会重新显示。',
  clearHistory: '同时清空聊天记录',
  clearHistoryWarning: '聊天记录将从本设备和服务器上删除，删除后无法恢复。',
  historyAlwaysCleared: '聊天记录也将从本设备和服务器上删除，删除后无法恢复。',
  cancel: '取消',
  confirmDelete: '删除',
  deleting: '正在删除 {done}/{total}',
  stop: '停止',
  retry: '重试',
  dismiss: '关闭',
  deletedCount: { other: '已删除 {count} 个会话' },
  deletedOne: '已删除{name}',
  failedCount: { other: '{count} 个会话删除失败' },
  stoppedCount: '已停止：已删除 {done}/{total} 个',
  failedBecause: '{failed}（{reason}）',
  reasonNetwork: '网络错误',
  reasonNetworkTimeout: '网络超时',
  reasonOffline: '网络未连接',
  reasonNotLoggedIn: '未登录',
  reasonNotReady: '聊天服务尚未就绪',
  reasonNotFound: '会话不存在',
  remoteDeletedOne: '{name}已在其他设备上删除',
  remoteDeletedMany: { other: '{count} 个会话已在其他设备上删除' },
  justNow: '刚刚',
};

export type Locale = 'en' | 'ja' | 'zh-CN';

export const catalogs: Readonly<Record<Locale, Messages>> = { en, ja, 'zh-CN': zhCN };
