export type {
  ConversationListErrorProps,
  ConversationListHandle,
  ConversationListProps,
} from './ConversationList';
export { ConversationList } from './ConversationList';
export type { ConversationRenderState } from './ConversationRow';
export type { ConversationListStatusProps } from './DeletionStatus';
export type { ConversationListToolbarProps } from './SelectionToolbar';
