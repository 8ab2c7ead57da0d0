export type { ConversationListProps } from './ConversationList';
export { ConversationList } from './ConversationList';
export type { ConversationRenderState } from './ConversationRow';
